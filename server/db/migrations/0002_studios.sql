CREATE TABLE studios (
  id serial PRIMARY KEY,
  code text NOT NULL,
  name text NOT NULL,
  type text NOT NULL,
  host_org_id integer NOT NULL REFERENCES orgs(id),
  leader_person_id integer REFERENCES people(id),
  field text,
  founded_on date,
  status text NOT NULL DEFAULT 'cultivating',
  current_level text,
  slogan text,
  intro text,
  contact_name text,
  contact_phone text,
  site_area numeric(10,2),
  equipment jsonb NOT NULL DEFAULT '[]'::jsonb,
  merged_into_id integer REFERENCES studios(id),
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX studios_code_key ON studios (code);
CREATE INDEX studios_host_org_idx ON studios (host_org_id, status, created_at DESC);
CREATE INDEX studios_name_trgm ON studios USING gin (name gin_trgm_ops);

CREATE TABLE studio_namings (
  id serial PRIMARY KEY,
  studio_id integer NOT NULL REFERENCES studios(id),
  level text NOT NULL,
  naming_body text NOT NULL,
  named_on date NOT NULL,
  plaque_no text,
  application_id integer,
  revoked_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX studio_namings_studio_idx ON studio_namings (studio_id);
CREATE UNIQUE INDEX studio_namings_plaque_key ON studio_namings (plaque_no) WHERE plaque_no IS NOT NULL;

CREATE TABLE studio_members (
  id serial PRIMARY KEY,
  studio_id integer NOT NULL REFERENCES studios(id),
  person_id integer NOT NULL REFERENCES people(id),
  role text NOT NULL,
  division text,
  joined_on date NOT NULL,
  left_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX studio_members_studio_idx ON studio_members (studio_id);
CREATE INDEX studio_members_person_idx ON studio_members (person_id);
CREATE UNIQUE INDEX studio_members_active_key ON studio_members (studio_id, person_id) WHERE left_on IS NULL;

CREATE TABLE files (
  id serial PRIMARY KEY,
  owner_type text NOT NULL,
  owner_id integer NOT NULL,
  org_path text NOT NULL,
  purpose text NOT NULL DEFAULT 'document',
  sha256 text NOT NULL,
  size bigint NOT NULL,
  mime text NOT NULL,
  original_name text NOT NULL,
  uploaded_by integer,
  deleted_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX files_owner_idx ON files (owner_type, owner_id);
