CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE orgs (
  id serial PRIMARY KEY,
  parent_id integer REFERENCES orgs(id),
  kind text NOT NULL,
  code text NOT NULL,
  name text NOT NULL,
  employee_count integer NOT NULL DEFAULT 0,
  path text NOT NULL,
  depth integer NOT NULL,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX orgs_code_key ON orgs (code);
CREATE INDEX orgs_path_idx ON orgs (path text_pattern_ops);
CREATE INDEX orgs_parent_idx ON orgs (parent_id);
CREATE INDEX orgs_name_trgm ON orgs USING gin (name gin_trgm_ops);

CREATE TABLE people (
  id serial PRIMARY KEY,
  org_id integer NOT NULL REFERENCES orgs(id),
  employee_no text NOT NULL,
  name text NOT NULL,
  gender text,
  birth_year integer,
  education text,
  skill_grade text,
  professional_title text,
  trade text,
  phone text,
  email text,
  honours jsonb NOT NULL DEFAULT '[]'::jsonb,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX people_employee_no_key ON people (employee_no);
CREATE INDEX people_org_idx ON people (org_id);
CREATE INDEX people_name_trgm ON people USING gin (name gin_trgm_ops);

CREATE TABLE users (
  id serial PRIMARY KEY,
  person_id integer REFERENCES people(id),
  username text NOT NULL,
  display_name text NOT NULL,
  password_hash text NOT NULL,
  disabled boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  must_change_password boolean NOT NULL DEFAULT false,
  locale text NOT NULL DEFAULT 'zh',
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_username_key ON users (lower(username));
CREATE UNIQUE INDEX users_person_key ON users (person_id);

CREATE TABLE sessions (
  id text PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user_idx ON sessions (user_id);

CREATE TABLE role_grants (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id),
  role text NOT NULL,
  org_id integer NOT NULL REFERENCES orgs(id),
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX role_grants_key ON role_grants (user_id, role, org_id);

CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL DEFAULT now(),
  actor_user_id integer,
  actor_name text,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  org_id integer,
  org_path text,
  before jsonb,
  after jsonb,
  ip text
);
CREATE INDEX audit_entity_idx ON audit_log (entity_type, entity_id);
CREATE INDEX audit_at_idx ON audit_log (at DESC);
CREATE INDEX audit_org_path_idx ON audit_log (org_path text_pattern_ops);
