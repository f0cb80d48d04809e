/** Enumerations shared by server and web, with their Chinese and English labels. */
type Labels<T extends string> = Record<T, { zh: string; en: string }>;

export const orgKinds = ['group', 'enterprise', 'branch', 'workshop', 'team'] as const;
export type OrgKind = (typeof orgKinds)[number];
export const orgKindLabels: Labels<OrgKind> = {
  group: { zh: '集团', en: 'Group' },
  enterprise: { zh: '企业', en: 'Enterprise' },
  branch: { zh: '分厂/分公司', en: 'Branch' },
  workshop: { zh: '车间', en: 'Workshop' },
  team: { zh: '班组', en: 'Team' },
};
/** A node may sit under a parent of a strictly higher rank (a team under a workshop, branch or enterprise…). */
export const orgKindRank: Record<OrgKind, number> = {
  group: 0,
  enterprise: 1,
  branch: 2,
  workshop: 3,
  team: 4,
};

export const genders = ['male', 'female'] as const;
export type Gender = (typeof genders)[number];
export const genderLabels: Labels<Gender> = {
  male: { zh: '男', en: 'Male' },
  female: { zh: '女', en: 'Female' },
};

export const educations = [
  'middle',
  'highSchool',
  'vocational',
  'college',
  'bachelor',
  'master',
  'doctor',
] as const;
export type Education = (typeof educations)[number];
export const educationLabels: Labels<Education> = {
  middle: { zh: '初中及以下', en: 'Middle school' },
  highSchool: { zh: '高中', en: 'High school' },
  vocational: { zh: '中专/技校', en: 'Vocational school' },
  college: { zh: '大专', en: 'College' },
  bachelor: { zh: '本科', en: 'Bachelor' },
  master: { zh: '硕士', en: 'Master' },
  doctor: { zh: '博士', en: 'Doctor' },
};

export const skillGrades = ['junior', 'intermediate', 'senior', 'technician', 'seniorTechnician'] as const;
export type SkillGrade = (typeof skillGrades)[number];
export const skillGradeLabels: Labels<SkillGrade> = {
  junior: { zh: '初级工', en: 'Junior worker' },
  intermediate: { zh: '中级工', en: 'Intermediate worker' },
  senior: { zh: '高级工', en: 'Senior worker' },
  technician: { zh: '技师', en: 'Technician' },
  seniorTechnician: { zh: '高级技师', en: 'Senior technician' },
};

export const honourKinds = [
  'modelWorker',
  'mayDayMedal',
  'technicalExpert',
  'chiefTechnician',
  'greatCraftsman',
  'skillMaster',
] as const;
export type HonourKind = (typeof honourKinds)[number];
export const honourKindLabels: Labels<HonourKind> = {
  modelWorker: { zh: '劳动模范', en: 'Model worker' },
  mayDayMedal: { zh: '五一劳动奖章', en: 'May Day Labour Medal' },
  technicalExpert: { zh: '技术能手', en: 'Technical expert' },
  chiefTechnician: { zh: '首席技师', en: 'Chief technician' },
  greatCraftsman: { zh: '大国工匠', en: 'Great craftsman' },
  skillMaster: { zh: '技能大师', en: 'Skill master' },
};

export const honourLevels = ['enterprise', 'group', 'city', 'province', 'national'] as const;
export type HonourLevel = (typeof honourLevels)[number];
export const honourLevelLabels: Labels<HonourLevel> = {
  enterprise: { zh: '企业级', en: 'Enterprise' },
  group: { zh: '集团级', en: 'Group' },
  city: { zh: '市级', en: 'City' },
  province: { zh: '省部级', en: 'Province' },
  national: { zh: '全国', en: 'National' },
};

export const studioTypes = ['modelWorker', 'employee', 'craftsman', 'masterSkill'] as const;
export type StudioType = (typeof studioTypes)[number];
export const studioTypeLabels: Labels<StudioType> = {
  modelWorker: { zh: '劳模创新工作室', en: 'Model-worker studio' },
  employee: { zh: '职工创新工作室', en: 'Employee studio' },
  craftsman: { zh: '工匠创新工作室', en: 'Craftsman studio' },
  masterSkill: { zh: '技能大师工作室', en: 'Master-skill studio' },
};

export const studioStatuses = ['cultivating', 'named', 'rectifying', 'revoked', 'merged'] as const;
export type StudioStatus = (typeof studioStatuses)[number];
export const studioStatusLabels: Labels<StudioStatus> = {
  cultivating: { zh: '培育中', en: 'Cultivating' },
  named: { zh: '已命名', en: 'Named' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  revoked: { zh: '已摘牌', en: 'Revoked' },
  merged: { zh: '已合并', en: 'Merged' },
};

export const namingLevels = ['enterprise', 'group', 'city', 'province', 'provinceDemo', 'national'] as const;
export type NamingLevel = (typeof namingLevels)[number];
export const namingLevelLabels: Labels<NamingLevel> = {
  enterprise: { zh: '企业级', en: 'Enterprise' },
  group: { zh: '集团级', en: 'Group' },
  city: { zh: '市级', en: 'City' },
  province: { zh: '省级', en: 'Province' },
  provinceDemo: { zh: '省级示范', en: 'Province model' },
  national: { zh: '全国级', en: 'National' },
};

export const memberRoles = ['leader', 'core', 'member', 'trainee'] as const;
export type MemberRole = (typeof memberRoles)[number];
export const memberRoleLabels: Labels<MemberRole> = {
  leader: { zh: '领衔人', en: 'Leader' },
  core: { zh: '骨干', en: 'Core member' },
  member: { zh: '成员', en: 'Member' },
  trainee: { zh: '学员', en: 'Trainee' },
};

/** Kinds of innovation results (common/schemas/results.ts). */
export const resultKinds = [
  'technicalImprovement',
  'invention',
  'breakthrough',
  'suggestion',
  'workMethod',
  'fiveSmall',
  'qc',
  'patent',
  'paper',
  'standard',
  'constructionMethod',
  'softwareCopyright',
] as const;
export type ResultKind = (typeof resultKinds)[number];
export const resultKindLabels: Labels<ResultKind> = {
  technicalImprovement: { zh: '技术革新', en: 'Technical improvement' },
  invention: { zh: '发明创造', en: 'Invention' },
  breakthrough: { zh: '技术攻关', en: 'Technical breakthrough' },
  suggestion: { zh: '合理化建议', en: 'Rationalisation proposal' },
  workMethod: { zh: '先进操作法', en: 'Advanced work method' },
  fiveSmall: { zh: '五小', en: '“Five small” innovation' },
  qc: { zh: 'QC成果', en: 'QC result' },
  patent: { zh: '专利', en: 'Patent' },
  paper: { zh: '论文', en: 'Paper' },
  standard: { zh: '标准', en: 'Standard' },
  constructionMethod: { zh: '工法', en: 'Construction method' },
  softwareCopyright: { zh: '软件著作权', en: 'Software copyright' },
};

export const resultGrades = ['special', 'first', 'second', 'third', 'merit'] as const;
export type ResultGrade = (typeof resultGrades)[number];
export const resultGradeLabels: Labels<ResultGrade> = {
  special: { zh: '特等', en: 'Special' },
  first: { zh: '一等', en: 'First' },
  second: { zh: '二等', en: 'Second' },
  third: { zh: '三等', en: 'Third' },
  merit: { zh: '优秀奖', en: 'Merit' },
};

/** Kinds of studio activities (common/schemas/activities.ts). */
export const activityKinds = [
  'training',
  'exchange',
  'contest',
  'seminar',
  'service',
  'schoolEnterprise',
  'breakthrough',
] as const;
export type ActivityKind = (typeof activityKinds)[number];
export const activityKindLabels: Labels<ActivityKind> = {
  training: { zh: '培训', en: 'Training' },
  exchange: { zh: '技术交流', en: 'Technical exchange' },
  contest: { zh: '技能比武', en: 'Skill contest' },
  seminar: { zh: '研讨', en: 'Seminar' },
  service: { zh: '对外服务', en: 'Outreach service' },
  schoolEnterprise: { zh: '校企合作', en: 'School–enterprise cooperation' },
  breakthrough: { zh: '攻关', en: 'Technical breakthrough' },
};
