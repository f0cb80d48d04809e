import { useTextsOf } from '../ideas/texts';

/** UI texts of points, leaderboards and awards. */
const texts = {
  leaderboard: { zh: '积分排行榜', en: 'Leaderboard' },
  myPoints: { zh: '我的积分', en: 'My points' },
  awards: { zh: '评优表彰', en: 'Awards' },
  rules: { zh: '积分规则', en: 'Points rules' },
  ledger: { zh: '积分台账', en: 'Points ledger' },
  person: { zh: '个人', en: 'People' },
  studio: { zh: '工作室', en: 'Studios' },
  enterprise: { zh: '企业', en: 'Enterprises' },
  month: { zh: '本月', en: 'Month' },
  quarter: { zh: '本季度', en: 'Quarter' },
  year: { zh: '本年度', en: 'Year' },
  all: { zh: '累计', en: 'All time' },
  rank: { zh: '名次', en: 'Rank' },
  name: { zh: '名称', en: 'Name' },
  points: { zh: '积分', en: 'Points' },
  entries: { zh: '记录数', en: 'Entries' },
  period: { zh: '统计区间', en: 'Period' },
  empty: { zh: '本期暂无积分', en: 'No points in this period' },
  total: { zh: '累计积分', en: 'Total' },
  thisYear: { zh: '本年积分', en: 'This year' },
  event: { zh: '事由', en: 'For' },
  at: { zh: '时间', en: 'When' },
  note: { zh: '说明', en: 'Note' },
  net: { zh: '净值', en: 'Net' },
  correct: { zh: '调整', en: 'Correct' },
  correctTitle: {
    zh: '积分调整（追加一条调整记录，原记录不变）',
    en: 'Correction (appends an entry; the original stays)',
  },
  delta: { zh: '调整分值（负数为扣减）', en: 'Change (negative to deduct)' },
  reason: { zh: '调整原因', en: 'Reason' },
  subject: { zh: '对象', en: 'Subject' },
  active: { zh: '启用', en: 'Active' },
  version: { zh: '版本', en: 'Version' },
  rulesSub: {
    zh: '积分按规则自动计入，每次修改都会留痕；已计入的积分保留当时的规则版本',
    en: 'Points follow these rules; every change is audited and entries keep the rule version',
  },
  newAward: { zh: '新增评优', en: 'New award' },
  awardTitle: { zh: '荣誉名称', en: 'Title' },
  winner: { zh: '获奖对象', en: 'Winner' },
  citation: { zh: '评语', en: 'Citation' },
  awardedOn: { zh: '授予日期', en: 'Awarded on' },
  personWinner: { zh: '个人', en: 'Person' },
  studioWinner: { zh: '工作室', en: 'Studio' },
  withdrawAward: { zh: '撤销', en: 'Withdraw' },
  howToEarn: { zh: '如何获得积分', en: 'How to earn points' },
  awardTitlePh: { zh: '2026年度金点子之星', en: 'Idea star of 2026' },
};

export function useTexts() {
  return useTextsOf(texts);
}
