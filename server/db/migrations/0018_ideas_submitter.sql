-- A reader's own ideas (those they submitted) by index: search for a narrow scope reads ideas through the
-- scope's indexes — the org's, the handler's, and this one.
CREATE INDEX ideas_submitter_user_idx ON ideas (submitter_user_id);
