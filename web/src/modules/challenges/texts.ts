import { useTextsOf } from '../ideas/texts';

/** UI texts of the challenge board (揭榜挂帅). */
const texts = {
  board: { zh: '揭榜挂帅', en: 'Challenge board' },
  boardSub: {
    zh: '企业张榜生产难题，工作室揭榜攻关；选定后立项，验收通过发放悬赏',
    en: 'Enterprises post problems, studios bid; the selection becomes a project and acceptance releases the bounty',
  },
  post: { zh: '发布榜单', en: 'Post a challenge' },
  code: { zh: '榜单编号', en: 'No.' },
  title: { zh: '难题名称', en: 'Problem' },
  field: { zh: '专业领域', en: 'Field' },
  description: { zh: '问题描述与目标', en: 'Description and goal' },
  owner: { zh: '发榜单位', en: 'Posted by' },
  bounty: { zh: '悬赏金额', en: 'Bounty' },
  bountyYuan: { zh: '悬赏金额（元）', en: 'Bounty (yuan)' },
  deadline: { zh: '揭榜截止', en: 'Bids close' },
  status: { zh: '状态', en: 'Status' },
  bids: { zh: '揭榜', en: 'Bids' },
  bidCount: { zh: '{n} 家揭榜', en: '{n} bids' },
  mine: { zh: '本单位发布', en: 'Posted by us' },
  search: { zh: '名称或编号', en: 'Title or no.' },
  bid: { zh: '我要揭榜', en: 'Bid' },
  studio: { zh: '揭榜工作室', en: 'Studio' },
  proposal: { zh: '攻关方案', en: 'Proposal' },
  plan: { zh: '进度安排', en: 'Plan' },
  expectedDays: { zh: '预计天数', en: 'Days expected' },
  select: { zh: '选定', en: 'Select' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  selected: { zh: '选定工作室', en: 'Selected studio' },
  project: { zh: '攻关课题', en: 'Project' },
  projectPending: { zh: '待工作室立项', en: 'Awaiting the studio' },
  bountyReleased: { zh: '悬赏发放', en: 'Bounty released' },
  acceptanceNote: { zh: '验收意见', en: 'Acceptance opinion' },
  note: { zh: '意见/说明', en: 'Opinion / note' },
  plannedEnd: { zh: '计划完成日期', en: 'Planned end' },
  steps: { zh: '办理记录', en: 'History' },
  noBids: { zh: '暂无揭榜方案', en: 'No bids yet' },
  ownBidOnly: { zh: '仅发榜单位可查看全部揭榜方案', en: 'Only the posting enterprise sees all bids' },
  fieldPh: { zh: '焊接 / 数控加工 / 电气自动化…', en: 'Welding / CNC machining / electrical automation…' },
};

export function useTexts() {
  return useTextsOf(texts);
}
