import { useI18n } from '../../shared/i18n';

const texts = {
  alliances: { zh: '创新联盟', en: 'Innovation alliances' },
  newAlliance: { zh: '组建联盟', en: 'Form an alliance' },
  name: { zh: '联盟名称', en: 'Name' },
  org: { zh: '所属组织', en: 'Registered under' },
  foundedOn: { zh: '成立日期', en: 'Founded' },
  intro: { zh: '联盟简介', en: 'Introduction' },
  leadTerm: { zh: '轮值期（月）', en: 'Lead term (months)' },
  lead: { zh: '当前牵头工作室', en: 'Current lead' },
  leadSince: { zh: '牵头起始', en: 'Lead since' },
  nextRotation: { zh: '下次轮换', en: 'Next rotation' },
  studios: { zh: '成员工作室', en: 'Member studios' },
  partners: { zh: '外部单位', en: 'Outside partners' },
  partnerName: { zh: '单位名称', en: 'Partner' },
  partnerKind: { zh: '单位类型', en: 'Kind' },
  addPartner: { zh: '添加外部单位', en: 'Add partner' },
  members: { zh: '成员', en: 'Members' },
  addMember: { zh: '加入成员', en: 'Add member' },
  memberType: { zh: '成员类型', en: 'Member type' },
  studioMember: { zh: '工作室', en: 'Studio' },
  partnerMember: { zh: '外部单位', en: 'Outside partner' },
  joinedOn: { zh: '加入日期', en: 'Joined' },
  leftOn: { zh: '退出日期', en: 'Left' },
  leave: { zh: '退出', en: 'Leave' },
  leads: { zh: '牵头轮值', en: 'Lead rotation' },
  rotate: { zh: '轮换牵头', en: 'Rotate lead' },
  rotateTo: { zh: '接任工作室（留空则按加入顺序轮换）', en: 'Next lead (empty: next in joining order)' },
  startsOn: { zh: '接任日期', en: 'Takes over on' },
  projects: { zh: '联合项目', en: 'Joint projects' },
  addProject: { zh: '新增联合项目', en: 'Add joint project' },
  editProject: { zh: '编辑联合项目', en: 'Edit joint project' },
  projectTitle: { zh: '项目名称', en: 'Project' },
  leadStudio: { zh: '牵头工作室', en: 'Lead studio' },
  partStudios: { zh: '参与工作室', en: 'Taking part' },
  startedOn: { zh: '开始日期', en: 'Started' },
  endedOn: { zh: '结束日期', en: 'Ended' },
  projectStatus: { zh: '状态', en: 'Status' },
  sharedActivities: { zh: '联盟活动', en: 'Shared activities' },
  current: { zh: '现任', en: 'Current' },
  studioCount: { zh: '成员工作室', en: 'Studios' },
  projectCount: { zh: '联合项目', en: 'Projects' },
} satisfies Record<string, { zh: string; en: string }>;

/** Texts of the alliance pages. */
export function useAllianceTexts() {
  const { lang } = useI18n();
  return (key: keyof typeof texts) => texts[key][lang];
}
