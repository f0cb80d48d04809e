-- Rate limits shared by every server process on this database (issue 9): one row per limited key (the
-- limiter's name and the address or user name), counting hits in a window that starts at the key's first
-- hit. A hit is one atomic INSERT … ON CONFLICT DO UPDATE, so parallel requests on several processes
-- never lose a count. Rows past `expires_at` are only history: the next hit restarts the window, and the
-- server's sweep deletes them.
CREATE TABLE rate_limits (
  key text PRIMARY KEY,
  window_start timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  hits integer NOT NULL
);
CREATE INDEX rate_limits_expires_idx ON rate_limits (expires_at);
