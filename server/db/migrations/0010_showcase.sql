-- Showcase and reach (issue 8): what the public showcase may show, and idempotent idea submission for the
-- phone's offline outbox.

-- A studio is on the public showcase only while `published` is true (set by an admin over it or its leader).
-- The story is the showcase text about the studio and its leader.
CREATE TABLE showcase_studios (
  studio_id integer PRIMARY KEY REFERENCES studios(id),
  published boolean NOT NULL DEFAULT false,
  story text,
  published_at timestamptz,
  updated_by integer REFERENCES users(id),
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX showcase_studios_published_idx ON showcase_studios (published) WHERE published;

-- A result marked public. It is shown only when it is also recognised, not confidential, not archived and
-- its studio is published: the mark alone never makes anything public.
CREATE TABLE showcase_results (
  result_id integer PRIMARY KEY REFERENCES results(id),
  published boolean NOT NULL DEFAULT false,
  published_at timestamptz,
  updated_by integer REFERENCES users(id),
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- The client-generated key (a UUID) of an idea submitted from the phone's outbox: the same key from the same
-- submitter returns the idea already made instead of a second one.
ALTER TABLE ideas ADD COLUMN client_key text;
CREATE UNIQUE INDEX ideas_client_key_idx ON ideas (submitter_user_id, client_key) WHERE client_key IS NOT NULL;
