-- Innovation work (issue 4): projects (攻关课题) with milestones and progress reports, results (成果) with
-- contributors, patents and review scores, economic benefit calculations with finance sign-off and
-- attribution, adoptions (推广应用), and the per-year archive number counters.

CREATE TABLE innovation_counters (
  prefix text NOT NULL,
  year integer NOT NULL,
  last integer NOT NULL DEFAULT 0,
  PRIMARY KEY (prefix, year)
);

-- Workflow history of projects, results and benefit calculations: who, when, which step, opinion.
CREATE TABLE innovation_events (
  id serial PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id integer NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text,
  actor_user_id integer,
  actor_name text,
  opinion text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX innovation_events_entity_idx ON innovation_events (entity_type, entity_id, id);

CREATE TABLE projects (
  id serial PRIMARY KEY,
  code text NOT NULL,
  studio_id integer NOT NULL REFERENCES studios(id),
  title text NOT NULL,
  source text NOT NULL,
  challenge_id integer,
  leader_person_id integer REFERENCES people(id),
  members jsonb NOT NULL DEFAULT '[]'::jsonb,
  goal text NOT NULL,
  content text,
  field text,
  planned_start date NOT NULL,
  planned_end date NOT NULL,
  budget_fen bigint NOT NULL DEFAULT 0,
  status text NOT NULL DEFAULT 'proposed',
  year integer NOT NULL,
  confidential boolean NOT NULL DEFAULT false,
  approved_on date,
  started_on date,
  conclusion text,
  concluded_on date,
  terminated_reason text,
  search_text tsvector,
  created_by integer,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (planned_end >= planned_start)
);
CREATE UNIQUE INDEX projects_code_key ON projects (code);
CREATE INDEX projects_studio_idx ON projects (studio_id, status);
CREATE INDEX projects_search_idx ON projects USING gin (search_text);
CREATE INDEX projects_title_trgm ON projects USING gin (title gin_trgm_ops);

CREATE TABLE project_milestones (
  id serial PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects(id),
  seq integer NOT NULL,
  title text NOT NULL,
  due_on date NOT NULL,
  completed_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_milestones_project_idx ON project_milestones (project_id, seq);

CREATE TABLE project_reports (
  id serial PRIMARY KEY,
  project_id integer NOT NULL REFERENCES projects(id),
  milestone_id integer REFERENCES project_milestones(id),
  reported_on date NOT NULL,
  progress integer NOT NULL CHECK (progress BETWEEN 0 AND 100),
  content text NOT NULL,
  reporter_user_id integer,
  reporter_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_reports_project_idx ON project_reports (project_id, reported_on);

CREATE TABLE results (
  id serial PRIMARY KEY,
  archive_no text NOT NULL,
  kind text NOT NULL,
  studio_id integer NOT NULL REFERENCES studios(id),
  project_id integer REFERENCES projects(id),
  title text NOT NULL,
  field text,
  problem text NOT NULL,
  principle text,
  innovation_points text,
  implemented_on date,
  media jsonb NOT NULL DEFAULT '[]'::jsonb,
  status text NOT NULL DEFAULT 'draft',
  year integer NOT NULL,
  confidential boolean NOT NULL DEFAULT false,
  grade text,
  award text,
  recognised_on date,
  score_avg numeric(6,2),
  -- The score sheet pinned when scoring began (a snapshot with its source and version).
  score_sheet jsonb,
  patent_type text,
  patent_application_no text,
  patent_filed_on date,
  patent_granted_on date,
  patent_status text,
  search_text tsvector,
  created_by integer,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((patent_type IS NULL) = (patent_application_no IS NULL))
);
CREATE UNIQUE INDEX results_archive_no_key ON results (archive_no);
CREATE UNIQUE INDEX results_patent_no_key ON results (patent_application_no) WHERE patent_application_no IS NOT NULL;
CREATE INDEX results_studio_idx ON results (studio_id, status);
CREATE INDEX results_project_idx ON results (project_id);
CREATE INDEX results_market_idx ON results (status, recognised_on DESC) WHERE confidential = false AND archived_at IS NULL;
CREATE INDEX results_search_idx ON results USING gin (search_text);
CREATE INDEX results_title_trgm ON results USING gin (title gin_trgm_ops);

CREATE TABLE result_contributors (
  id serial PRIMARY KEY,
  result_id integer NOT NULL REFERENCES results(id),
  person_id integer NOT NULL REFERENCES people(id),
  share numeric(5,2) NOT NULL CHECK (share > 0 AND share <= 100),
  role text NOT NULL DEFAULT 'participant',
  seq integer NOT NULL
);
CREATE UNIQUE INDEX result_contributors_key ON result_contributors (result_id, person_id);
CREATE INDEX result_contributors_person_idx ON result_contributors (person_id);

-- Experts assigned to score a result.
CREATE TABLE result_reviewers (
  result_id integer NOT NULL REFERENCES results(id),
  user_id integer NOT NULL REFERENCES users(id),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (result_id, user_id)
);
CREATE INDEX result_reviewers_user_idx ON result_reviewers (user_id);

CREATE TABLE result_scores (
  id serial PRIMARY KEY,
  result_id integer NOT NULL REFERENCES results(id),
  reviewer_user_id integer NOT NULL REFERENCES users(id),
  reviewer_name text NOT NULL,
  items jsonb NOT NULL,
  total numeric(6,2) NOT NULL,
  opinion text,
  scored_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX result_scores_key ON result_scores (result_id, reviewer_user_id);

CREATE TABLE adoptions (
  id serial PRIMARY KEY,
  result_id integer NOT NULL REFERENCES results(id),
  org_id integer NOT NULL REFERENCES orgs(id),
  adopted_on date NOT NULL,
  site text NOT NULL,
  scope text NOT NULL,
  contact text,
  note text,
  created_by integer,
  created_by_name text,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX adoptions_result_idx ON adoptions (result_id);
CREATE INDEX adoptions_org_idx ON adoptions (org_id);
CREATE UNIQUE INDEX adoptions_active_key ON adoptions (result_id, org_id) WHERE archived_at IS NULL;

CREATE TABLE benefits (
  id serial PRIMARY KEY,
  result_id integer NOT NULL REFERENCES results(id),
  adoption_id integer REFERENCES adoptions(id),
  org_id integer NOT NULL REFERENCES orgs(id),
  period_from date NOT NULL,
  period_to date NOT NULL,
  before_value_fen bigint NOT NULL,
  after_value_fen bigint NOT NULL,
  period_count numeric(12,2) NOT NULL,
  period_unit text NOT NULL,
  implementation_cost_fen bigint NOT NULL DEFAULT 0,
  amount_fen bigint NOT NULL,
  basis text NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  submitted_at timestamptz,
  verified_by integer,
  verifier_name text,
  verified_on date,
  verify_opinion text,
  created_by integer,
  created_by_name text,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (period_to >= period_from)
);
CREATE INDEX benefits_result_idx ON benefits (result_id, status);
CREATE INDEX benefits_adoption_idx ON benefits (adoption_id);
CREATE INDEX benefits_org_idx ON benefits (org_id, status);

-- How a calculation's amount splits across the contributing units (amounts sum exactly to the total).
CREATE TABLE benefit_attributions (
  id serial PRIMARY KEY,
  benefit_id integer NOT NULL REFERENCES benefits(id),
  org_id integer NOT NULL REFERENCES orgs(id),
  share numeric(5,2) NOT NULL CHECK (share > 0 AND share <= 100),
  amount_fen bigint NOT NULL
);
CREATE UNIQUE INDEX benefit_attributions_key ON benefit_attributions (benefit_id, org_id);
CREATE INDEX benefit_attributions_org_idx ON benefit_attributions (org_id);
