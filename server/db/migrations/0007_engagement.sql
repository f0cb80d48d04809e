-- Engagement (issue 5): ideas (金点子/合理化建议) with routing, tracking codes, answers and merges; the challenge
-- board (揭榜挂帅) with bids; requests to studios to open a project; points rules, ledger and awards; the
-- technical clinic (技术门诊); and the to-do / mail side of notifications.

-- Workflow history of ideas, challenges and clinic questions. `public` steps are shown on the anonymous
-- tracking page (without names).
CREATE TABLE engagement_steps (
  id serial PRIMARY KEY,
  entity_type text NOT NULL,
  entity_id integer NOT NULL,
  action text NOT NULL,
  from_status text,
  to_status text,
  note text,
  public boolean NOT NULL DEFAULT true,
  actor_user_id integer,
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX engagement_steps_entity_idx ON engagement_steps (entity_type, entity_id, id);

-- Idea routing: ideas from an org subtree (and optionally one category) go to a handler.
CREATE TABLE idea_routes (
  id serial PRIMARY KEY,
  org_id integer NOT NULL REFERENCES orgs(id),
  category text,
  handler_user_id integer NOT NULL REFERENCES users(id),
  deadline_days integer,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX idea_routes_key ON idea_routes (org_id, coalesce(category, '')) WHERE archived_at IS NULL;

-- A request to a studio to open a project from an adopted idea or a selected challenge bid; linked to the
-- project once the projects module created it.
CREATE TABLE project_requests (
  id serial PRIMARY KEY,
  source text NOT NULL,
  source_id integer NOT NULL,
  studio_id integer NOT NULL REFERENCES studios(id),
  title text NOT NULL,
  goal text NOT NULL,
  field text,
  status text NOT NULL DEFAULT 'pending',
  project_id integer,
  created_by integer,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX project_requests_studio_idx ON project_requests (studio_id, status);
CREATE UNIQUE INDEX project_requests_source_key ON project_requests (source, source_id) WHERE status <> 'declined';

CREATE TABLE ideas (
  id serial PRIMARY KEY,
  code text NOT NULL,
  tracking_code text,
  anonymous boolean NOT NULL DEFAULT false,
  submitter_user_id integer REFERENCES users(id),
  submitter_person_id integer REFERENCES people(id),
  org_id integer NOT NULL REFERENCES orgs(id),
  category text NOT NULL,
  title text NOT NULL,
  content text NOT NULL,
  search_text tsvector,
  status text NOT NULL DEFAULT 'submitted',
  handler_user_id integer REFERENCES users(id),
  route_id integer REFERENCES idea_routes(id),
  assigned_at timestamptz,
  deadline_at timestamptz,
  answered_at timestamptz,
  answer text,
  merged_into_id integer REFERENCES ideas(id),
  benefit_fen bigint,
  benefit_note text,
  project_id integer,
  project_request_id integer REFERENCES project_requests(id),
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX ideas_code_key ON ideas (code);
CREATE UNIQUE INDEX ideas_tracking_code_key ON ideas (tracking_code) WHERE tracking_code IS NOT NULL;
CREATE INDEX ideas_org_idx ON ideas (org_id, status, created_at DESC);
CREATE INDEX ideas_handler_idx ON ideas (handler_user_id, status, deadline_at);
CREATE INDEX ideas_submitter_idx ON ideas (submitter_person_id);
CREATE INDEX ideas_search_idx ON ideas USING gin (search_text);

-- Who is credited with an idea: its submitter, and the submitters of duplicates merged into it.
CREATE TABLE idea_credits (
  idea_id integer NOT NULL REFERENCES ideas(id),
  person_id integer NOT NULL REFERENCES people(id),
  kind text NOT NULL,
  source_idea_id integer REFERENCES ideas(id),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (idea_id, person_id)
);
CREATE INDEX idea_credits_person_idx ON idea_credits (person_id);

CREATE TABLE challenges (
  id serial PRIMARY KEY,
  code text NOT NULL,
  owner_org_id integer NOT NULL REFERENCES orgs(id),
  title text NOT NULL,
  field text NOT NULL,
  description text NOT NULL,
  bounty_fen bigint NOT NULL DEFAULT 0,
  deadline date NOT NULL,
  status text NOT NULL DEFAULT 'published',
  selected_bid_id integer,
  selected_studio_id integer REFERENCES studios(id),
  project_id integer,
  project_request_id integer REFERENCES project_requests(id),
  acceptance_note text,
  bounty_released_at timestamptz,
  bounty_released_fen bigint,
  search_text tsvector,
  created_by integer,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX challenges_code_key ON challenges (code);
CREATE INDEX challenges_owner_idx ON challenges (owner_org_id, status);

CREATE TABLE challenge_bids (
  id serial PRIMARY KEY,
  challenge_id integer NOT NULL REFERENCES challenges(id),
  studio_id integer NOT NULL REFERENCES studios(id),
  proposal text NOT NULL,
  plan text,
  expected_days integer,
  status text NOT NULL DEFAULT 'submitted',
  submitted_by integer,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX challenge_bids_challenge_idx ON challenge_bids (challenge_id);
CREATE UNIQUE INDEX challenge_bids_active_key ON challenge_bids (challenge_id, studio_id) WHERE status <> 'withdrawn';

-- Points: rules the group admin tunes (every change audited and versioned), and an append-only ledger.
CREATE TABLE point_rules (
  id serial PRIMARY KEY,
  event text NOT NULL,
  label text NOT NULL,
  subject text NOT NULL,
  points integer NOT NULL,
  active boolean NOT NULL DEFAULT true,
  version integer NOT NULL DEFAULT 0,
  updated_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX point_rules_event_key ON point_rules (event);
INSERT INTO point_rules (event, label, subject, points) VALUES
  ('idea.adopted', '金点子被采纳', 'person', 10),
  ('idea.implemented', '金点子已实施', 'person', 20),
  ('idea.rewarded', '金点子获奖励', 'person', 10),
  ('challenge.selected', '揭榜入选', 'studio', 10),
  ('challenge.solved', '揭榜攻关通过验收', 'studio', 100),
  ('clinic.answer_accepted', '门诊解答被采纳', 'person', 5),
  ('clinic.answer_accepted_studio', '工作室门诊解答被采纳', 'studio', 2),
  ('result.recognised', '成果获认定', 'person', 30),
  ('result.recognised_studio', '工作室成果获认定', 'studio', 50),
  ('patent.granted', '专利获授权', 'person', 50),
  ('training.taught', '授课培训', 'person', 5),
  ('apprentice.promoted', '徒弟技能晋级', 'person', 10),
  ('award.person', '个人评优', 'person', 30),
  ('award.studio', '工作室评优', 'studio', 50);

-- Ledger entries are never updated or deleted: a correction is a new entry pointing at the one it corrects.
CREATE TABLE point_entries (
  id serial PRIMARY KEY,
  person_id integer REFERENCES people(id),
  studio_id integer REFERENCES studios(id),
  org_id integer NOT NULL REFERENCES orgs(id),
  org_path text NOT NULL,
  event text NOT NULL,
  points integer NOT NULL,
  rule_id integer REFERENCES point_rules(id),
  rule_version integer,
  cause_type text NOT NULL,
  cause_id integer NOT NULL,
  note text,
  correction_of_id integer REFERENCES point_entries(id),
  created_by integer,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((person_id IS NULL) <> (studio_id IS NULL))
);
-- One entry per event, cause and subject: awarding again for the same cause does nothing.
CREATE UNIQUE INDEX point_entries_cause_key ON point_entries (event, cause_type, cause_id, coalesce(person_id, 0), coalesce(studio_id, 0))
  WHERE correction_of_id IS NULL;
CREATE INDEX point_entries_org_idx ON point_entries (org_path text_pattern_ops, created_at);
CREATE INDEX point_entries_person_idx ON point_entries (person_id);
CREATE INDEX point_entries_studio_idx ON point_entries (studio_id);
CREATE INDEX point_entries_correction_idx ON point_entries (correction_of_id);

CREATE TABLE awards (
  id serial PRIMARY KEY,
  title text NOT NULL,
  year integer NOT NULL,
  subject text NOT NULL,
  person_id integer REFERENCES people(id),
  studio_id integer REFERENCES studios(id),
  org_id integer NOT NULL REFERENCES orgs(id),
  citation text NOT NULL,
  awarded_on date NOT NULL,
  created_by integer,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX awards_org_idx ON awards (org_id, year);

-- Technical clinic (技术门诊): questions routed to studios by field, answered by their members.
CREATE TABLE clinic_questions (
  id serial PRIMARY KEY,
  code text NOT NULL,
  asker_user_id integer NOT NULL REFERENCES users(id),
  asker_person_id integer REFERENCES people(id),
  org_id integer NOT NULL REFERENCES orgs(id),
  title text NOT NULL,
  content text NOT NULL,
  field text NOT NULL,
  status text NOT NULL DEFAULT 'open',
  accepted_answer_id integer,
  search_text tsvector,
  archived_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX clinic_questions_code_key ON clinic_questions (code);
CREATE INDEX clinic_questions_org_idx ON clinic_questions (org_id, status, created_at DESC);

CREATE TABLE clinic_routes (
  question_id integer NOT NULL REFERENCES clinic_questions(id),
  studio_id integer NOT NULL REFERENCES studios(id),
  PRIMARY KEY (question_id, studio_id)
);
CREATE INDEX clinic_routes_studio_idx ON clinic_routes (studio_id);

CREATE TABLE clinic_answers (
  id serial PRIMARY KEY,
  question_id integer NOT NULL REFERENCES clinic_questions(id),
  user_id integer NOT NULL REFERENCES users(id),
  person_id integer REFERENCES people(id),
  studio_id integer REFERENCES studios(id),
  content text NOT NULL,
  accepted boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX clinic_answers_question_idx ON clinic_answers (question_id, id);

-- Notifications, part 2: to-dos with due times and escalation, mail preferences, the mail log.
ALTER TABLE notifications ADD COLUMN mailed_at timestamptz;

CREATE TABLE todos (
  id serial PRIMARY KEY,
  user_id integer NOT NULL REFERENCES users(id),
  kind text NOT NULL,
  title text NOT NULL,
  link text,
  entity_type text NOT NULL,
  entity_id integer NOT NULL,
  org_path text,
  due_at timestamptz,
  done_at timestamptz,
  overdue_at timestamptz,
  escalated_to integer[],
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX todos_open_key ON todos (user_id, kind, entity_type, entity_id) WHERE done_at IS NULL;
CREATE INDEX todos_user_idx ON todos (user_id, done_at, due_at);
CREATE INDEX todos_due_idx ON todos (due_at) WHERE done_at IS NULL AND overdue_at IS NULL;
CREATE INDEX todos_entity_idx ON todos (entity_type, entity_id);

-- Per-user mail preference; `mail_cursor` = the highest notification id already considered for mail.
CREATE TABLE notification_prefs (
  user_id integer PRIMARY KEY REFERENCES users(id),
  mail_mode text NOT NULL DEFAULT 'digest',
  mail_cursor integer NOT NULL DEFAULT 0,
  last_digest_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE mail_log (
  id serial PRIMARY KEY,
  user_id integer REFERENCES users(id),
  address text,
  kind text NOT NULL,
  subject text NOT NULL,
  notification_ids integer[] NOT NULL DEFAULT '{}',
  sent_at timestamptz NOT NULL DEFAULT now(),
  error text
);
CREATE INDEX mail_log_user_idx ON mail_log (user_id, sent_at DESC);
