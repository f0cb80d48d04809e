-- Insight (issue 7): background jobs (large exports, imports, report generation) and the column mappings
-- remembered per ledger template for imports.

-- A job is queued, run by the in-process runner, and ends done (with a result file) or failed (with a reason).
-- Progress is rows done of rows total; a page polls GET /api/jobs/:id and survives a reload.
CREATE TABLE jobs (
  id serial PRIMARY KEY,
  -- The runners that share a file store share a queue (a hash of the data directory): a job's file must land
  -- where the instance serving it can read it.
  queue text NOT NULL DEFAULT '',
  kind text NOT NULL,
  status text NOT NULL DEFAULT 'queued',
  params jsonb NOT NULL DEFAULT '{}'::jsonb,
  org_id integer REFERENCES orgs(id),
  done integer NOT NULL DEFAULT 0,
  total integer,
  result_file_id integer REFERENCES files(id),
  result jsonb,
  error text,
  created_by integer NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (status IN ('queued', 'running', 'done', 'failed'))
);
CREATE INDEX jobs_status_idx ON jobs (queue, status, id);
CREATE INDEX jobs_created_by_idx ON jobs (created_by, created_at DESC);

-- The column mapping of a ledger layout, keyed by a hash of its normalised header row: the next file with the
-- same header is mapped without asking again.
CREATE TABLE import_templates (
  id serial PRIMARY KEY,
  kind text NOT NULL,
  header_hash text NOT NULL,
  headers jsonb NOT NULL,
  mapping jsonb NOT NULL,
  created_by integer REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX import_templates_key ON import_templates (kind, header_hash);

-- One uploaded ledger between its dry run and its apply; `file_sha256` names the stored bytes. Applying the same
-- file again finds the rows already there (natural keys), so nothing is duplicated.
CREATE TABLE import_batches (
  id serial PRIMARY KEY,
  kind text NOT NULL,
  org_id integer NOT NULL REFERENCES orgs(id),
  file_sha256 text NOT NULL,
  file_name text NOT NULL,
  header_hash text,
  status text NOT NULL DEFAULT 'uploaded',
  report jsonb,
  created_by integer NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  applied_at timestamptz,
  CHECK (status IN ('uploaded', 'checked', 'applied'))
);
CREATE INDEX import_batches_created_by_idx ON import_batches (created_by, created_at DESC);
