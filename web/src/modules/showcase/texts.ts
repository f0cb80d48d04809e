import { useI18n } from '../../shared/i18n';

/** UI texts of the public showcase and its settings page, kept with the module. */
const texts = {
  siteName: { zh: '匠心 · 创新工作室风采', en: 'Jiangxin · Innovation studios' },
  siteDescription: {
    zh: '集团劳模和工匠人才创新工作室展示：工作室风采、创新成果、命名名单与公示。',
    en: 'The group’s model-worker and craftsman innovation studios: studios, results, naming lists and notices.',
  },
  navHome: { zh: '首页', en: 'Home' },
  navResults: { zh: '创新成果', en: 'Results' },
  navNamings: { zh: '命名名单与公示', en: 'Namings & notices' },
  mainNav: { zh: '展示导航', en: 'Showcase navigation' },
  login: { zh: '登录平台', en: 'Log in' },
  heroTitle: { zh: '劳模和工匠人才创新工作室', en: 'Model-worker and craftsman innovation studios' },
  heroSub: {
    zh: '以劳模工匠为引领，聚焦生产难题，把金点子变成好成果。',
    en: 'Led by model workers and craftsmen, turning shop-floor problems into results.',
  },
  countStudios: { zh: '展示工作室', en: 'Studios' },
  countResults: { zh: '公开成果', en: 'Public results' },
  countEnterprises: { zh: '覆盖企业', en: 'Enterprises' },
  studios: { zh: '工作室风采', en: 'Studios' },
  recentResults: { zh: '最新认定成果', en: 'Recently recognised results' },
  allResults: { zh: '查看全部成果', en: 'All results' },
  notices: { zh: '公示', en: 'Public notices (公示)' },
  noticeLine: {
    zh: '拟命名为{level}创新工作室，公示期 {start} 至 {end}',
    en: 'proposed for {level} naming; notice period {start} to {end}',
  },
  noNotices: { zh: '当前没有公示', en: 'No notice at present' },
  leader: { zh: '领衔人', en: 'Leader' },
  story: { zh: '工作室故事', en: 'Story' },
  intro: { zh: '工作室简介', en: 'Introduction' },
  team: { zh: '团队成员', en: 'Team' },
  photos: { zh: '工作室照片', en: 'Photos' },
  photoOf: { zh: '{name}的照片 {n}', en: 'Photo {n} of {name}' },
  namings: { zh: '命名与授牌', en: 'Namings and plaques' },
  plaqueNo: { zh: '牌匾编号', en: 'Plaque no.' },
  namingBody: { zh: '命名单位', en: 'Naming body' },
  namedOn: { zh: '命名日期', en: 'Named on' },
  level: { zh: '命名级别', en: 'Naming level' },
  results: { zh: '创新成果', en: 'Results' },
  activities: { zh: '近期活动', en: 'Recent activities' },
  foundedOn: { zh: '成立于 {date}', en: 'Founded {date}' },
  field: { zh: '专业领域', en: 'Field' },
  kind: { zh: '成果类别', en: 'Kind' },
  enterprise: { zh: '所属企业', en: 'Enterprise' },
  studio: { zh: '工作室', en: 'Studio' },
  keyword: { zh: '成果名称或工作室', en: 'Result or studio name' },
  search: { zh: '搜索', en: 'Search' },
  recognisedOn: { zh: '认定日期', en: 'Recognised on' },
  problem: { zh: '解决的问题', en: 'Problem solved' },
  innovationPoints: { zh: '创新点', en: 'Innovation' },
  implementedOn: { zh: '实施日期', en: 'Implemented on' },
  contributors: { zh: '完成人', en: 'Contributors' },
  grade: { zh: '认定等级', en: 'Grade' },
  award: { zh: '获奖', en: 'Award' },
  resultCount: { zh: '{n} 项公开成果', en: '{n} public results' },
  empty: { zh: '暂无内容', en: 'Nothing here yet' },
  notFound: { zh: '该内容未公开或不存在', en: 'Not published or not found' },
  backHome: { zh: '返回展示首页', en: 'Back to the showcase' },
  namingList: { zh: '命名名单', en: 'Naming list' },
  footer: {
    zh: '本站仅展示已公开的工作室与成果；涉密成果不在此公开。',
    en: 'Only published studios and results are shown; confidential results are never public.',
  },
  // settings page (logged in)
  manageTitle: { zh: '展示与牌匾', en: 'Showcase & plaques' },
  manageIntro: {
    zh: '公开的工作室出现在展示网站上；成果须同时“已认定、非涉密、标记公开”且所在工作室已公开才会展示。牌匾二维码打开工作室的展示页。',
    en: 'Published studios appear on the public showcase; a result shows only when recognised, not confidential, marked public and its studio published. A plaque’s QR code opens the studio’s page.',
  },
  published: { zh: '公开展示', en: 'Published' },
  visible: { zh: '已在展示页', en: 'On the site' },
  notVisible: { zh: '未展示', en: 'Not shown' },
  confidential: { zh: '涉密', en: 'Confidential' },
  editStory: { zh: '编辑故事', en: 'Edit story' },
  storyPlaceholder: {
    zh: '讲述领衔人和工作室的故事（公开展示）',
    en: 'The story of the leader and the studio (shown publicly)',
  },
  plaque: { zh: '牌匾 PDF', en: 'Plaque PDF' },
  plaqueSheet: { zh: '打印二维码牌（{n} 个）', en: 'Print QR sheet ({n})' },
  viewPage: { zh: '查看展示页', en: 'View page' },
  studiosTab: { zh: '工作室', en: 'Studios' },
  resultsTab: { zh: '成果', en: 'Results' },
  status: { zh: '状态', en: 'Status' },
  actions: { zh: '操作', en: 'Actions' },
  title: { zh: '成果名称', en: 'Title' },
  name: { zh: '工作室名称', en: 'Studio' },
  saved: { zh: '已保存', en: 'Saved' },
  selectStudio: { zh: '选择工作室 {name}', en: 'Select studio {name}' },
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
