-- Naming: versioned rulebooks, reviewer assignments and score cards (reused by assessments and results),
-- naming applications with their workflow history and publicity objections, plaque number counters.

-- One row per rulebook version; a (purpose, level) family grows by version_no, rows are never updated.
CREATE TABLE rulebooks (
  id serial PRIMARY KEY,
  purpose text NOT NULL,
  level text,
  version_no integer NOT NULL,
  name text NOT NULL,
  note text,
  conditions jsonb NOT NULL DEFAULT '[]'::jsonb,
  sheet jsonb NOT NULL,
  created_by integer REFERENCES users(id),
  created_by_name text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX rulebooks_version_key ON rulebooks (purpose, (coalesce(level, '')), version_no);

-- A reviewer assigned to score a subject (application, assessment, result) by a deadline.
CREATE TABLE review_assignments (
  id serial PRIMARY KEY,
  subject_type text NOT NULL,
  subject_id integer NOT NULL,
  reviewer_user_id integer NOT NULL REFERENCES users(id),
  reviewer_name text NOT NULL,
  rulebook_id integer NOT NULL REFERENCES rulebooks(id),
  org_path text NOT NULL,
  deadline date,
  status text NOT NULL DEFAULT 'pending',
  assigned_by integer REFERENCES users(id),
  assigned_at timestamptz NOT NULL DEFAULT now(),
  submitted_at timestamptz,
  cancelled_at timestamptz
);
CREATE UNIQUE INDEX review_assignments_active_key ON review_assignments (subject_type, subject_id, reviewer_user_id) WHERE status <> 'cancelled';
CREATE INDEX review_assignments_reviewer_idx ON review_assignments (reviewer_user_id, status, deadline);
CREATE INDEX review_assignments_subject_idx ON review_assignments (subject_type, subject_id);

-- One scorer's points on one subject, on the rulebook version it names.
CREATE TABLE scorecards (
  id serial PRIMARY KEY,
  subject_type text NOT NULL,
  subject_id integer NOT NULL,
  assignment_id integer REFERENCES review_assignments(id),
  rulebook_id integer NOT NULL REFERENCES rulebooks(id),
  scorer_user_id integer NOT NULL REFERENCES users(id),
  scorer_name text NOT NULL,
  role text NOT NULL DEFAULT 'expert',
  items jsonb NOT NULL DEFAULT '{}'::jsonb,
  bonus jsonb NOT NULL DEFAULT '{}'::jsonb,
  total numeric(8,2) NOT NULL DEFAULT 0,
  comment text,
  submitted_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX scorecards_assignment_key ON scorecards (assignment_id) WHERE assignment_id IS NOT NULL;
CREATE INDEX scorecards_subject_idx ON scorecards (subject_type, subject_id);

CREATE TABLE applications (
  id serial PRIMARY KEY,
  studio_id integer NOT NULL REFERENCES studios(id),
  level text NOT NULL,
  state text NOT NULL DEFAULT 'draft',
  rulebook_id integer NOT NULL REFERENCES rulebooks(id),
  materials jsonb NOT NULL,
  condition_check jsonb,
  drop_extremes boolean NOT NULL DEFAULT false,
  expert_deadline date,
  publicity_start date,
  publicity_end date,
  final_score numeric(8,2),
  grade text,
  naming_id integer REFERENCES studio_namings(id),
  plaque_no text,
  applicant_user_id integer REFERENCES users(id),
  submitted_at timestamptz,
  decided_at timestamptz,
  version integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One open application per studio and level; a named or rejected one leaves room for the next.
CREATE UNIQUE INDEX applications_open_key ON applications (studio_id, level) WHERE state NOT IN ('named', 'rejected');
CREATE INDEX applications_state_idx ON applications (state, updated_at DESC);

CREATE TABLE application_steps (
  id serial PRIMARY KEY,
  application_id integer NOT NULL REFERENCES applications(id),
  action text NOT NULL,
  from_state text NOT NULL,
  to_state text NOT NULL,
  opinion text,
  actor_user_id integer REFERENCES users(id),
  actor_name text,
  at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX application_steps_app_idx ON application_steps (application_id, id);

CREATE TABLE application_objections (
  id serial PRIMARY KEY,
  application_id integer NOT NULL REFERENCES applications(id),
  content text NOT NULL,
  filed_by_user_id integer NOT NULL REFERENCES users(id),
  filed_by_name text NOT NULL,
  filed_at timestamptz NOT NULL DEFAULT now(),
  status text NOT NULL DEFAULT 'open',
  resolution text,
  resolved_by_user_id integer REFERENCES users(id),
  resolved_by_name text,
  resolved_at timestamptz
);
CREATE INDEX application_objections_app_idx ON application_objections (application_id, status);

-- Next plaque number per prefix (JX-2026-G): an upsert hands out the next number atomically.
CREATE TABLE plaque_counters (
  prefix text PRIMARY KEY,
  last integer NOT NULL
);

-- The shipped rulebooks (server/modules/rulebooks/rulebooks.defaults.ts), version 1 of each family.
INSERT INTO rulebooks (purpose, level, version_no, name, note, conditions, sheet) VALUES
  ('naming', 'enterprise', 1, '企业级创新工作室命名评审规则', '系统预置规则', '[{"key":"leaderHonour","kind":"leaderHonour","label":"领衔人获得过荣誉称号（劳动模范、技术能手、首席技师等）","minLevel":null},{"key":"members","kind":"minMembers","label":"工作室在册成员不少于 3 人","min":3},{"key":"years","kind":"minYearsRunning","label":"工作室创建并运行满 3 年","years":3},{"key":"results","kind":"minResultsPerYear","label":"近 3 年每年取得创新成果不少于 2 项","perYear":2,"years":3},{"key":"site","kind":"minSiteArea","label":"有固定活动场所，面积不少于 50 平方米","sqm":50},{"key":"rules","kind":"manual","label":"工作制度健全，有年度计划、总结和活动记录"}]'::jsonb, '{"indicators":[{"key":"basics","name":"基础保障","maxPoints":35,"guidance":"有固定的活动场所（面积、设施）和必要的设备，有经费保障，有明确的领衔人和稳定的团队，挂牌规范。"},{"key":"management","name":"日常管理","maxPoints":15,"guidance":"工作制度健全，年度计划和总结齐全，活动台账、成果台账完整规范，按时报送信息。"},{"key":"breakthrough","name":"技术攻关","maxPoints":15,"guidance":"承担技术攻关课题，解决生产经营中的难题，取得创新成果和经济效益。"},{"key":"exchange","name":"技术交流","maxPoints":15,"guidance":"开展技术交流、培训讲座和跨单位协作，推广先进操作法和创新成果。"},{"key":"mentoring","name":"带徒传艺","maxPoints":20,"guidance":"签订师带徒协议，徒弟技能等级有提升，在技能竞赛中取得名次。"}],"bonus":[{"key":"patents","name":"专利授权","maxPoints":4,"guidance":"每项发明专利 2 分、实用新型 1 分。"},{"key":"awards","name":"省部级及以上奖项","maxPoints":4,"guidance":"成果或个人获省部级及以上奖励，每项 2 分。"},{"key":"adoption","name":"成果推广应用","maxPoints":2,"guidance":"成果在本企业以外单位推广应用，每项 1 分。"}],"bonusCap":10,"grades":[{"name":"优秀","minScore":90},{"name":"良好","minScore":75},{"name":"合格","minScore":60},{"name":"不合格","minScore":0}]}'::jsonb),
  ('naming', 'group', 1, '集团级创新工作室命名评审规则', '系统预置规则', '[{"key":"leaderHonour","kind":"leaderHonour","label":"领衔人获得集团级及以上荣誉称号","minLevel":"group"},{"key":"members","kind":"minMembers","label":"工作室在册成员不少于 3 人","min":3},{"key":"years","kind":"minYearsRunning","label":"工作室创建并运行满 3 年","years":3},{"key":"results","kind":"minResultsPerYear","label":"近 3 年每年取得创新成果不少于 2 项","perYear":2,"years":3},{"key":"site","kind":"minSiteArea","label":"有固定活动场所，面积不少于 50 平方米","sqm":50},{"key":"rules","kind":"manual","label":"工作制度健全，有年度计划、总结和活动记录"}]'::jsonb, '{"indicators":[{"key":"basics","name":"基础保障","maxPoints":35,"guidance":"有固定的活动场所（面积、设施）和必要的设备，有经费保障，有明确的领衔人和稳定的团队，挂牌规范。"},{"key":"management","name":"日常管理","maxPoints":15,"guidance":"工作制度健全，年度计划和总结齐全，活动台账、成果台账完整规范，按时报送信息。"},{"key":"breakthrough","name":"技术攻关","maxPoints":15,"guidance":"承担技术攻关课题，解决生产经营中的难题，取得创新成果和经济效益。"},{"key":"exchange","name":"技术交流","maxPoints":15,"guidance":"开展技术交流、培训讲座和跨单位协作，推广先进操作法和创新成果。"},{"key":"mentoring","name":"带徒传艺","maxPoints":20,"guidance":"签订师带徒协议，徒弟技能等级有提升，在技能竞赛中取得名次。"}],"bonus":[{"key":"patents","name":"专利授权","maxPoints":4,"guidance":"每项发明专利 2 分、实用新型 1 分。"},{"key":"awards","name":"省部级及以上奖项","maxPoints":4,"guidance":"成果或个人获省部级及以上奖励，每项 2 分。"},{"key":"adoption","name":"成果推广应用","maxPoints":2,"guidance":"成果在本企业以外单位推广应用，每项 1 分。"}],"bonusCap":10,"grades":[{"name":"优秀","minScore":90},{"name":"良好","minScore":75},{"name":"合格","minScore":60},{"name":"不合格","minScore":0}]}'::jsonb),
  ('naming', 'city', 1, '市级创新工作室命名评审规则', '系统预置规则', '[{"key":"leaderHonour","kind":"leaderHonour","label":"领衔人获得市级及以上荣誉称号","minLevel":"city"},{"key":"members","kind":"minMembers","label":"工作室在册成员不少于 3 人","min":3},{"key":"years","kind":"minYearsRunning","label":"工作室创建并运行满 3 年","years":3},{"key":"results","kind":"minResultsPerYear","label":"近 3 年每年取得创新成果不少于 2 项","perYear":2,"years":3},{"key":"site","kind":"minSiteArea","label":"有固定活动场所，面积不少于 50 平方米","sqm":50},{"key":"prior","kind":"priorNaming","label":"已被命名为集团级创新工作室","level":"group"},{"key":"rules","kind":"manual","label":"工作制度健全，有年度计划、总结和活动记录"}]'::jsonb, '{"indicators":[{"key":"basics","name":"基础保障","maxPoints":35,"guidance":"有固定的活动场所（面积、设施）和必要的设备，有经费保障，有明确的领衔人和稳定的团队，挂牌规范。"},{"key":"management","name":"日常管理","maxPoints":15,"guidance":"工作制度健全，年度计划和总结齐全，活动台账、成果台账完整规范，按时报送信息。"},{"key":"breakthrough","name":"技术攻关","maxPoints":15,"guidance":"承担技术攻关课题，解决生产经营中的难题，取得创新成果和经济效益。"},{"key":"exchange","name":"技术交流","maxPoints":15,"guidance":"开展技术交流、培训讲座和跨单位协作，推广先进操作法和创新成果。"},{"key":"mentoring","name":"带徒传艺","maxPoints":20,"guidance":"签订师带徒协议，徒弟技能等级有提升，在技能竞赛中取得名次。"}],"bonus":[{"key":"patents","name":"专利授权","maxPoints":4,"guidance":"每项发明专利 2 分、实用新型 1 分。"},{"key":"awards","name":"省部级及以上奖项","maxPoints":4,"guidance":"成果或个人获省部级及以上奖励，每项 2 分。"},{"key":"adoption","name":"成果推广应用","maxPoints":2,"guidance":"成果在本企业以外单位推广应用，每项 1 分。"}],"bonusCap":10,"grades":[{"name":"优秀","minScore":90},{"name":"良好","minScore":75},{"name":"合格","minScore":60},{"name":"不合格","minScore":0}]}'::jsonb),
  ('naming', 'province', 1, '省级创新工作室命名评审规则', '系统预置规则', '[{"key":"leaderHonour","kind":"leaderHonour","label":"领衔人获得省部级及以上荣誉称号","minLevel":"province"},{"key":"members","kind":"minMembers","label":"工作室在册成员不少于 3 人","min":3},{"key":"years","kind":"minYearsRunning","label":"工作室创建并运行满 3 年","years":3},{"key":"results","kind":"minResultsPerYear","label":"近 3 年每年取得创新成果不少于 2 项","perYear":2,"years":3},{"key":"site","kind":"minSiteArea","label":"有固定活动场所，面积不少于 50 平方米","sqm":50},{"key":"prior","kind":"priorNaming","label":"已被命名为市级创新工作室","level":"city"},{"key":"rules","kind":"manual","label":"工作制度健全，有年度计划、总结和活动记录"}]'::jsonb, '{"indicators":[{"key":"basics","name":"基础保障","maxPoints":35,"guidance":"有固定的活动场所（面积、设施）和必要的设备，有经费保障，有明确的领衔人和稳定的团队，挂牌规范。"},{"key":"management","name":"日常管理","maxPoints":15,"guidance":"工作制度健全，年度计划和总结齐全，活动台账、成果台账完整规范，按时报送信息。"},{"key":"breakthrough","name":"技术攻关","maxPoints":15,"guidance":"承担技术攻关课题，解决生产经营中的难题，取得创新成果和经济效益。"},{"key":"exchange","name":"技术交流","maxPoints":15,"guidance":"开展技术交流、培训讲座和跨单位协作，推广先进操作法和创新成果。"},{"key":"mentoring","name":"带徒传艺","maxPoints":20,"guidance":"签订师带徒协议，徒弟技能等级有提升，在技能竞赛中取得名次。"}],"bonus":[{"key":"patents","name":"专利授权","maxPoints":4,"guidance":"每项发明专利 2 分、实用新型 1 分。"},{"key":"awards","name":"省部级及以上奖项","maxPoints":4,"guidance":"成果或个人获省部级及以上奖励，每项 2 分。"},{"key":"adoption","name":"成果推广应用","maxPoints":2,"guidance":"成果在本企业以外单位推广应用，每项 1 分。"}],"bonusCap":10,"grades":[{"name":"优秀","minScore":90},{"name":"良好","minScore":75},{"name":"合格","minScore":60},{"name":"不合格","minScore":0}]}'::jsonb),
  ('naming', 'provinceDemo', 1, '省级示范创新工作室命名评审规则', '系统预置规则', '[{"key":"leaderHonour","kind":"leaderHonour","label":"领衔人获得省部级及以上荣誉称号","minLevel":"province"},{"key":"members","kind":"minMembers","label":"工作室在册成员不少于 3 人","min":3},{"key":"years","kind":"minYearsRunning","label":"工作室创建并运行满 3 年","years":3},{"key":"results","kind":"minResultsPerYear","label":"近 3 年每年取得创新成果不少于 2 项","perYear":2,"years":3},{"key":"site","kind":"minSiteArea","label":"有固定活动场所，面积不少于 50 平方米","sqm":50},{"key":"prior","kind":"priorNaming","label":"已被命名为省级创新工作室","level":"province"},{"key":"rules","kind":"manual","label":"工作制度健全，有年度计划、总结和活动记录"}]'::jsonb, '{"indicators":[{"key":"basics","name":"基础保障","maxPoints":35,"guidance":"有固定的活动场所（面积、设施）和必要的设备，有经费保障，有明确的领衔人和稳定的团队，挂牌规范。"},{"key":"management","name":"日常管理","maxPoints":15,"guidance":"工作制度健全，年度计划和总结齐全，活动台账、成果台账完整规范，按时报送信息。"},{"key":"breakthrough","name":"技术攻关","maxPoints":15,"guidance":"承担技术攻关课题，解决生产经营中的难题，取得创新成果和经济效益。"},{"key":"exchange","name":"技术交流","maxPoints":15,"guidance":"开展技术交流、培训讲座和跨单位协作，推广先进操作法和创新成果。"},{"key":"mentoring","name":"带徒传艺","maxPoints":20,"guidance":"签订师带徒协议，徒弟技能等级有提升，在技能竞赛中取得名次。"}],"bonus":[{"key":"patents","name":"专利授权","maxPoints":4,"guidance":"每项发明专利 2 分、实用新型 1 分。"},{"key":"awards","name":"省部级及以上奖项","maxPoints":4,"guidance":"成果或个人获省部级及以上奖励，每项 2 分。"},{"key":"adoption","name":"成果推广应用","maxPoints":2,"guidance":"成果在本企业以外单位推广应用，每项 1 分。"}],"bonusCap":10,"grades":[{"name":"优秀","minScore":90},{"name":"良好","minScore":75},{"name":"合格","minScore":60},{"name":"不合格","minScore":0}]}'::jsonb),
  ('naming', 'national', 1, '全国级创新工作室命名评审规则', '系统预置规则', '[{"key":"leaderHonour","kind":"leaderHonour","label":"领衔人获得全国及以上荣誉称号","minLevel":"national"},{"key":"members","kind":"minMembers","label":"工作室在册成员不少于 3 人","min":3},{"key":"years","kind":"minYearsRunning","label":"工作室创建并运行满 3 年","years":3},{"key":"results","kind":"minResultsPerYear","label":"近 3 年每年取得创新成果不少于 2 项","perYear":2,"years":3},{"key":"site","kind":"minSiteArea","label":"有固定活动场所，面积不少于 50 平方米","sqm":50},{"key":"prior","kind":"priorNaming","label":"已被命名为省级创新工作室","level":"province"},{"key":"rules","kind":"manual","label":"工作制度健全，有年度计划、总结和活动记录"}]'::jsonb, '{"indicators":[{"key":"basics","name":"基础保障","maxPoints":35,"guidance":"有固定的活动场所（面积、设施）和必要的设备，有经费保障，有明确的领衔人和稳定的团队，挂牌规范。"},{"key":"management","name":"日常管理","maxPoints":15,"guidance":"工作制度健全，年度计划和总结齐全，活动台账、成果台账完整规范，按时报送信息。"},{"key":"breakthrough","name":"技术攻关","maxPoints":15,"guidance":"承担技术攻关课题，解决生产经营中的难题，取得创新成果和经济效益。"},{"key":"exchange","name":"技术交流","maxPoints":15,"guidance":"开展技术交流、培训讲座和跨单位协作，推广先进操作法和创新成果。"},{"key":"mentoring","name":"带徒传艺","maxPoints":20,"guidance":"签订师带徒协议，徒弟技能等级有提升，在技能竞赛中取得名次。"}],"bonus":[{"key":"patents","name":"专利授权","maxPoints":4,"guidance":"每项发明专利 2 分、实用新型 1 分。"},{"key":"awards","name":"省部级及以上奖项","maxPoints":4,"guidance":"成果或个人获省部级及以上奖励，每项 2 分。"},{"key":"adoption","name":"成果推广应用","maxPoints":2,"guidance":"成果在本企业以外单位推广应用，每项 1 分。"}],"bonusCap":10,"grades":[{"name":"优秀","minScore":90},{"name":"良好","minScore":75},{"name":"合格","minScore":60},{"name":"不合格","minScore":0}]}'::jsonb),
  ('assessment', NULL, 1, '创新工作室年度考核评分表', '系统预置规则', '[]'::jsonb, '{"indicators":[{"key":"basics","name":"基础保障","maxPoints":35,"guidance":"有固定的活动场所（面积、设施）和必要的设备，有经费保障，有明确的领衔人和稳定的团队，挂牌规范。"},{"key":"management","name":"日常管理","maxPoints":15,"guidance":"工作制度健全，年度计划和总结齐全，活动台账、成果台账完整规范，按时报送信息。"},{"key":"breakthrough","name":"技术攻关","maxPoints":15,"guidance":"承担技术攻关课题，解决生产经营中的难题，取得创新成果和经济效益。"},{"key":"exchange","name":"技术交流","maxPoints":15,"guidance":"开展技术交流、培训讲座和跨单位协作，推广先进操作法和创新成果。"},{"key":"mentoring","name":"带徒传艺","maxPoints":20,"guidance":"签订师带徒协议，徒弟技能等级有提升，在技能竞赛中取得名次。"}],"bonus":[{"key":"patents","name":"专利授权","maxPoints":4,"guidance":"每项发明专利 2 分、实用新型 1 分。"},{"key":"awards","name":"省部级及以上奖项","maxPoints":4,"guidance":"成果或个人获省部级及以上奖励，每项 2 分。"},{"key":"adoption","name":"成果推广应用","maxPoints":2,"guidance":"成果在本企业以外单位推广应用，每项 1 分。"}],"bonusCap":10,"grades":[{"name":"优秀","minScore":90},{"name":"良好","minScore":75},{"name":"合格","minScore":60},{"name":"不合格","minScore":0}]}'::jsonb),
  ('result', NULL, 1, '创新成果评审评分表', '系统预置规则', '[]'::jsonb, '{"indicators":[{"key":"advanced","name":"先进程度","maxPoints":10,"guidance":"与国内外同类技术相比的先进性。"},{"key":"innovation","name":"创新程度","maxPoints":10,"guidance":"原理、结构或方法上的创新点。"},{"key":"difficulty","name":"难易复杂","maxPoints":10,"guidance":"解决问题的技术难度和复杂程度。"},{"key":"economic","name":"经济效益","maxPoints":40,"guidance":"经财务确认的年创效（实际收益减实施成本），不重复计算。"},{"key":"social","name":"社会效益","maxPoints":10,"guidance":"安全、环保、节能、质量等方面的效益。"},{"key":"promotion","name":"推广","maxPoints":10,"guidance":"已在其他单位推广应用的范围和效果。"},{"key":"value","name":"应用价值","maxPoints":10,"guidance":"推广应用前景和对生产经营的长远价值。"}],"bonus":[],"bonusCap":0,"grades":[{"name":"一等","minScore":90},{"name":"二等","minScore":80},{"name":"三等","minScore":70},{"name":"不予认定","minScore":0}]}'::jsonb);
