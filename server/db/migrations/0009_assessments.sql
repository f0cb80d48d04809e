-- Annual assessment campaigns (年度考核), each studio's assessment with its pre-filled indicators, self score,
-- workflow history and rectification tasks; revocation (摘牌) and merge (合并) proposals of studios.

-- Why a naming was revoked (摘牌 after an assessment, a revocation, or a merge).
ALTER TABLE studio_namings ADD COLUMN revoke_reason text;

CREATE TABLE assessment_campaigns (
  id serial PRIMARY KEY,
  org_id integer NOT NULL REFERENCES orgs(id),
  year integer NOT NULL,
  name text NOT NULL,
  rulebook_id integer NOT NULL REFERENCES rulebooks(id),
  self_deadline date NOT NULL,
  review_deadline date NOT NULL,
  drop_extremes boolean NOT NULL DEFAULT false,
  created_by integer REFERENCES users(id),
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One campaign per org and year.
CREATE UNIQUE INDEX assessment_campaigns_year_key ON assessment_campaigns (org_id, year);

CREATE TABLE assessments (
  id serial PRIMARY KEY,
  campaign_id integer NOT NULL REFERENCES assessment_campaigns(id),
  studio_id integer NOT NULL REFERENCES studios(id),
  state text NOT NULL DEFAULT 'selfAssessment',
  indicators jsonb NOT NULL DEFAULT '[]'::jsonb,
  prefilled_at timestamptz,
  self_items jsonb NOT NULL DEFAULT '{}'::jsonb,
  self_bonus jsonb NOT NULL DEFAULT '{}'::jsonb,
  self_notes jsonb NOT NULL DEFAULT '{}'::jsonb,
  self_comment text,
  self_total numeric(8,2),
  final_score numeric(8,2),
  grade text,
  outcome_note text,
  submitted_at timestamptz,
  decided_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX assessments_campaign_studio_key ON assessments (campaign_id, studio_id);
CREATE INDEX assessments_studio_idx ON assessments (studio_id);

CREATE TABLE assessment_steps (
  id serial PRIMARY KEY,
  assessment_id integer NOT NULL REFERENCES assessments(id),
  action text NOT NULL,
  from_state text NOT NULL,
  to_state text NOT NULL,
  opinion text,
  actor_user_id integer REFERENCES users(id),
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX assessment_steps_assessment_idx ON assessment_steps (assessment_id, id);

-- A rectification task (整改任务) ordered by the outcome, reported done by the leader.
CREATE TABLE rectification_tasks (
  id serial PRIMARY KEY,
  assessment_id integer NOT NULL REFERENCES assessments(id),
  title text NOT NULL,
  detail text,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'open',
  report text,
  reported_by integer REFERENCES users(id),
  reported_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rectification_tasks_assessment_idx ON rectification_tasks (assessment_id, id);

-- A revocation or merge proposal; for a merge, studio_id is the surviving studio.
CREATE TABLE studio_changes (
  id serial PRIMARY KEY,
  kind text NOT NULL,
  studio_id integer NOT NULL REFERENCES studios(id),
  absorbed_ids jsonb NOT NULL DEFAULT '[]'::jsonb,
  reason text NOT NULL,
  state text NOT NULL DEFAULT 'proposed',
  effective_on date,
  proposed_by integer REFERENCES users(id),
  proposed_by_name text,
  decided_by integer REFERENCES users(id),
  decided_by_name text,
  decision_note text,
  decided_at timestamptz,
  moved jsonb,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX studio_changes_studio_idx ON studio_changes (studio_id, id DESC);
