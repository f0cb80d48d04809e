import { useI18n } from '../../shared/i18n';

/** UI texts of innovation work (projects, results, benefit, market), shared by the projects and results modules. */
const texts = {
  projects: { zh: '攻关课题', en: 'Projects' },
  newProject: { zh: '申请课题', en: 'Propose a project' },
  editProject: { zh: '修改课题申请', en: 'Edit proposal' },
  code: { zh: '课题编号', en: 'Project no.' },
  title: { zh: '课题名称', en: 'Title' },
  source: { zh: '课题来源', en: 'Source' },
  status: { zh: '状态', en: 'Status' },
  year: { zh: '年度', en: 'Year' },
  studio: { zh: '工作室', en: 'Studio' },
  hostOrg: { zh: '所属单位', en: 'Host org' },
  enterprise: { zh: '所属企业（含下级）', en: 'Enterprise (subtree)' },
  leader: { zh: '课题负责人', en: 'Leader' },
  members: { zh: '课题成员', en: 'Members' },
  division: { zh: '分工', en: 'Division of work' },
  goal: { zh: '攻关目标', en: 'Goal' },
  content: { zh: '主要内容与技术路线', en: 'Content and approach' },
  field: { zh: '专业领域', en: 'Field' },
  planned: { zh: '计划周期', en: 'Planned period' },
  plannedStart: { zh: '计划开始', en: 'Planned start' },
  plannedEnd: { zh: '计划结束', en: 'Planned end' },
  budget: { zh: '预算（元）', en: 'Budget (¥)' },
  confidential: { zh: '涉密', en: 'Confidential' },
  confidentialHint: {
    zh: '涉密课题不向其他企业展示，也不出现在相似度查重中',
    en: 'Hidden from other enterprises and from their similarity checks',
  },
  resultCount: { zh: '成果数', en: 'Results' },
  milestones: { zh: '里程碑', en: 'Milestones' },
  milestone: { zh: '里程碑', en: 'Milestone' },
  dueOn: { zh: '计划完成', en: 'Due' },
  completedOn: { zh: '完成于', en: 'Completed' },
  addMilestone: { zh: '添加里程碑', en: 'Add milestone' },
  reports: { zh: '进展报告', en: 'Progress reports' },
  report: { zh: '报告进展', en: 'Report progress' },
  reportedOn: { zh: '报告日期', en: 'Date' },
  progress: { zh: '总体进度（%）', en: 'Progress (%)' },
  reportContent: { zh: '进展情况', en: 'Progress' },
  completesMilestone: { zh: '该里程碑已完成', en: 'This milestone is done' },
  noReports: { zh: '尚无进展报告', en: 'No reports yet' },
  linkedResults: { zh: '产出成果', en: 'Results produced' },
  addResult: { zh: '登记成果', en: 'Add a result' },
  conclusion: { zh: '结题总结', en: 'Conclusion' },
  opinion: { zh: '意见', en: 'Opinion' },
  actionDate: { zh: '日期', en: 'Date' },
  history: { zh: '办理记录', en: 'History' },
  noHistory: { zh: '暂无记录', en: 'No history' },
  attachments: { zh: '附件', en: 'Attachments' },
  basic: { zh: '基本信息', en: 'Basics' },
  searchProjects: { zh: '课题名称或编号', en: 'Title or no.' },
  similar: { zh: '相似课题与成果查重', en: 'Similar projects and results' },
  similarHint: {
    zh: '按全集团已有课题和成果比对（中文分词 + 标题相似度）。其他企业的涉密项目不参与比对。',
    en: 'Compared with every project and result in the group (Chinese words + title trigrams). Other enterprises’ confidential items are left out.',
  },
  similarEmpty: { zh: '未发现相似的课题或成果', en: 'Nothing similar found' },
  similarTyping: {
    zh: '填写课题名称和攻关目标后自动查重',
    en: 'Fill in the title and goal to check for similar work',
  },
  similarity: { zh: '相似度', en: 'Similarity' },
  sharedWords: { zh: '相同词语', en: 'Shared words' },
  kindProject: { zh: '课题', en: 'Project' },
  kindResult: { zh: '成果', en: 'Result' },
  otherEnterprise: { zh: '其他企业', en: 'other enterprise' },
  submitProposal: { zh: '提交申请', en: 'Submit proposal' },
  proposed: { zh: '课题申请已提交，编号 {code}', en: 'Proposal submitted, no. {code}' },
  pickStudio: { zh: '选择工作室', en: 'Choose a studio' },
  pickPerson: { zh: '输入姓名或工号搜索', en: 'Search by name or employee no.' },
  terminatedReason: { zh: '终止原因', en: 'Reason' },
  actionConfirm: { zh: '确定要{action}吗？', en: 'Confirm: {action}?' },
  opinionRequired: { zh: '请填写意见', en: 'Please give an opinion' },
  yuan: { zh: '元', en: '¥' },
} satisfies Record<string, { zh: string; en: string }>;

export type TextKey = keyof typeof texts;

/** `tx('key', { n: 10 })` → the text in the UI language. */
export function useTexts() {
  const { lang } = useI18n();
  return (key: TextKey, vars?: Record<string, string | number>) => {
    const s: string = texts[key][lang];
    return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
  };
}
