-- Studio life (issue 6): activities with attendance (training is an activity of kind 'training'),
-- skill contests, mentoring (师带徒) with the skill-grade history it feeds, funds, alliances.

CREATE TABLE alliances (
  id serial PRIMARY KEY,
  name text NOT NULL,
  org_id integer NOT NULL REFERENCES orgs(id),
  founded_on date NOT NULL,
  intro text,
  lead_term_months integer NOT NULL DEFAULT 12,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alliances_org_idx ON alliances (org_id);

-- A member is a studio of the system or an outside partner (university, supplier…) by name.
CREATE TABLE alliance_members (
  id serial PRIMARY KEY,
  alliance_id integer NOT NULL REFERENCES alliances(id),
  studio_id integer REFERENCES studios(id),
  partner_name text,
  partner_kind text,
  joined_on date NOT NULL,
  left_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((studio_id IS NULL) <> (partner_name IS NULL))
);
CREATE INDEX alliance_members_alliance_idx ON alliance_members (alliance_id);
CREATE INDEX alliance_members_studio_idx ON alliance_members (studio_id);
CREATE UNIQUE INDEX alliance_members_active_studio_key ON alliance_members (alliance_id, studio_id)
  WHERE left_on IS NULL AND studio_id IS NOT NULL;

-- Rotating lead: one row per term; the open term (ends_on IS NULL) is the current lead.
CREATE TABLE alliance_leads (
  id serial PRIMARY KEY,
  alliance_id integer NOT NULL REFERENCES alliances(id),
  studio_id integer NOT NULL REFERENCES studios(id),
  starts_on date NOT NULL,
  ends_on date,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alliance_leads_alliance_idx ON alliance_leads (alliance_id, starts_on);
CREATE UNIQUE INDEX alliance_leads_current_key ON alliance_leads (alliance_id) WHERE ends_on IS NULL;

CREATE TABLE alliance_projects (
  id serial PRIMARY KEY,
  alliance_id integer NOT NULL REFERENCES alliances(id),
  title text NOT NULL,
  lead_studio_id integer NOT NULL REFERENCES studios(id),
  studio_ids integer[] NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'ongoing',
  started_on date NOT NULL,
  ended_on date,
  summary text,
  -- Link to a project of the projects module when there is one (no FK: kept loose across modules).
  project_id integer,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX alliance_projects_alliance_idx ON alliance_projects (alliance_id);

CREATE TABLE activities (
  id serial PRIMARY KEY,
  studio_id integer NOT NULL REFERENCES studios(id),
  kind text NOT NULL,
  title text NOT NULL,
  held_on date NOT NULL,
  place text,
  hours numeric(6,1) NOT NULL DEFAULT 0,
  outside_count integer NOT NULL DEFAULT 0,
  summary text,
  trainer_person_id integer REFERENCES people(id),
  trainer_name text,
  alliance_id integer REFERENCES alliances(id),
  checkin_token text NOT NULL,
  created_by integer,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX activities_checkin_token_key ON activities (checkin_token);
CREATE INDEX activities_studio_idx ON activities (studio_id, held_on DESC);
CREATE INDEX activities_alliance_idx ON activities (alliance_id) WHERE alliance_id IS NOT NULL;
CREATE INDEX activities_title_trgm ON activities USING gin (title gin_trgm_ops);

-- Invited people and attendees (attended_at set). For trainings, role 'trainee' accumulates hours.
CREATE TABLE activity_participants (
  id serial PRIMARY KEY,
  activity_id integer NOT NULL REFERENCES activities(id),
  person_id integer NOT NULL REFERENCES people(id),
  role text NOT NULL DEFAULT 'participant',
  attended_at timestamptz,
  checkin_method text,
  hours numeric(6,1),
  certificate text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX activity_participants_key ON activity_participants (activity_id, person_id);
CREATE INDEX activity_participants_person_idx ON activity_participants (person_id);

CREATE TABLE contests (
  id serial PRIMARY KEY,
  studio_id integer NOT NULL REFERENCES studios(id),
  name text NOT NULL,
  level text NOT NULL,
  trade text NOT NULL,
  held_on date NOT NULL,
  place text,
  organizer text,
  summary text,
  created_by integer,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX contests_studio_idx ON contests (studio_id, held_on DESC);

CREATE TABLE contest_entries (
  id serial PRIMARY KEY,
  contest_id integer NOT NULL REFERENCES contests(id),
  person_id integer NOT NULL REFERENCES people(id),
  score numeric(7,2),
  rank integer,
  award text,
  award_title text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX contest_entries_key ON contest_entries (contest_id, person_id);
CREATE INDEX contest_entries_person_idx ON contest_entries (person_id);

CREATE TABLE mentorships (
  id serial PRIMARY KEY,
  studio_id integer NOT NULL REFERENCES studios(id),
  mentor_person_id integer NOT NULL REFERENCES people(id),
  apprentice_person_id integer NOT NULL REFERENCES people(id),
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  goals text NOT NULL,
  target_grade text,
  status text NOT NULL DEFAULT 'active',
  outcome_on date,
  outcome_grade text,
  certificate text,
  outcome_note text,
  created_by integer,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (mentor_person_id <> apprentice_person_id),
  CHECK (ends_on >= starts_on)
);
CREATE INDEX mentorships_studio_idx ON mentorships (studio_id, status);
CREATE INDEX mentorships_mentor_idx ON mentorships (mentor_person_id);
CREATE INDEX mentorships_apprentice_idx ON mentorships (apprentice_person_id);
CREATE UNIQUE INDEX mentorships_active_apprentice_key ON mentorships (studio_id, apprentice_person_id)
  WHERE status = 'active' AND archived_at IS NULL;

CREATE TABLE mentorship_notes (
  id serial PRIMARY KEY,
  mentorship_id integer NOT NULL REFERENCES mentorships(id),
  noted_on date NOT NULL,
  content text NOT NULL,
  author_user_id integer,
  author_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX mentorship_notes_mentorship_idx ON mentorship_notes (mentorship_id);

-- Every change of a person's 技能等级 with where it came from (mentorship, manual, import…).
CREATE TABLE skill_grade_history (
  id serial PRIMARY KEY,
  person_id integer NOT NULL REFERENCES people(id),
  from_grade text,
  to_grade text NOT NULL,
  changed_on date NOT NULL,
  source text NOT NULL,
  source_id integer,
  note text,
  recorded_by integer,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX skill_grade_history_person_idx ON skill_grade_history (person_id, changed_on);

CREATE TABLE fund_allocations (
  id serial PRIMARY KEY,
  studio_id integer NOT NULL REFERENCES studios(id),
  year integer NOT NULL,
  source text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  received_on date,
  note text,
  created_by integer,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fund_allocations_studio_idx ON fund_allocations (studio_id, year);

CREATE TABLE fund_expenses (
  id serial PRIMARY KEY,
  studio_id integer NOT NULL REFERENCES studios(id),
  year integer NOT NULL,
  category text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  spent_on date NOT NULL,
  payee text,
  description text NOT NULL,
  status text NOT NULL DEFAULT 'draft',
  submitted_at timestamptz,
  submitted_by integer,
  decided_at timestamptz,
  decided_by integer,
  decision_note text,
  created_by integer,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fund_expenses_studio_idx ON fund_expenses (studio_id, year, status);

-- Workflow history of an expense: who did what, when, with which opinion.
CREATE TABLE fund_expense_events (
  id serial PRIMARY KEY,
  expense_id integer NOT NULL REFERENCES fund_expenses(id),
  action text NOT NULL,
  from_status text NOT NULL,
  to_status text NOT NULL,
  actor_user_id integer,
  actor_name text,
  note text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX fund_expense_events_expense_idx ON fund_expense_events (expense_id, at);
