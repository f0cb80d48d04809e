-- Studios, part 2: editable naming and membership history, archive numbers per year, notifications.

-- Naming entries are edited by the group admin (optimistic concurrency) and soft-deleted when entered by mistake.
ALTER TABLE studio_namings
  ADD COLUMN note text,
  ADD COLUMN archived_at timestamptz,
  ADD COLUMN version integer NOT NULL DEFAULT 0,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();
DROP INDEX studio_namings_plaque_key;
CREATE UNIQUE INDEX studio_namings_plaque_key ON studio_namings (plaque_no) WHERE plaque_no IS NOT NULL AND archived_at IS NULL;

-- Membership rows are closed (left_on + reason), never overwritten; division of work may be edited in place.
ALTER TABLE studio_members
  ADD COLUMN left_reason text,
  ADD COLUMN version integer NOT NULL DEFAULT 0,
  ADD COLUMN updated_at timestamptz NOT NULL DEFAULT now();

ALTER TABLE studios ADD COLUMN contact_email text;
CREATE INDEX studios_leader_idx ON studios (leader_person_id);

-- One counter per year for archive numbers GZS-<year>-<nnnn>: an upsert hands out the next number atomically.
CREATE TABLE studio_code_counters (
  year integer PRIMARY KEY,
  last integer NOT NULL
);

CREATE INDEX files_sha256_idx ON files (sha256);

-- Notifications (to-dos and alerts) for one user each; `dedup_key` keeps a repeated job from notifying twice.
CREATE TABLE notifications (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  title text NOT NULL,
  body text,
  link text,
  dedup_key text,
  read_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX notifications_user_idx ON notifications (user_id, read_at, created_at DESC);
CREATE UNIQUE INDEX notifications_dedup_key ON notifications (user_id, dedup_key) WHERE dedup_key IS NOT NULL;
