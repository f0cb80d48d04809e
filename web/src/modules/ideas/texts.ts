import { useI18n } from '../../shared/i18n';

type Texts = Record<string, { zh: string; en: string }>;

/** `tx(key, vars)` over a module's `{ key: { zh, en } }` texts in the UI language (shared by the engagement pages). */
export function useTextsOf<T extends Texts>(texts: T) {
  const { lang } = useI18n();
  return (key: keyof T, vars?: Record<string, string | number>) => {
    const s: string = texts[key]![lang];
    return vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;
  };
}

/** UI texts of the idea pages (金点子/合理化建议). */
const texts = {
  submitTitle: { zh: '提交金点子', en: 'Submit an idea' },
  submitSub: {
    zh: '一分钟说清一个问题和您的办法，处理人须在期限内书面答复',
    en: 'Say the problem and your fix in a minute; the handler must answer in writing by a deadline',
  },
  anonymousSub: {
    zh: '无需登录，可匿名提交；请保存查询码，凭码查看办理进度和答复',
    en: 'No login needed; keep the tracking code to follow progress and the answer',
  },
  title: { zh: '标题', en: 'Title' },
  titlePh: { zh: '一句话说明，如：焊接车间防护挡板加高', en: 'One line, e.g. raise the welding screens' },
  content: { zh: '问题和建议', en: 'Problem and suggestion' },
  contentPh: {
    zh: '现在的问题是什么？您建议怎么改？预计有什么效果？',
    en: 'What is the problem? What do you suggest? What will it bring?',
  },
  category: { zh: '类别', en: 'Category' },
  org: { zh: '所在单位', en: 'Unit' },
  orgPh: { zh: '选择您所在的企业或分厂', en: 'Choose your enterprise or branch' },
  photo: { zh: '现场照片（可选）', en: 'Photo (optional)' },
  addPhoto: { zh: '拍照/选图', en: 'Add photo' },
  submit: { zh: '提交', en: 'Submit' },
  submitted: { zh: '已提交，编号 {code}', en: 'Submitted as {code}' },
  similarTitle: { zh: '已有相似建议，请先看看', en: 'Similar ideas already exist' },
  similarHint: {
    zh: '如果相同，可不必重复提交；重复的建议会被合并，您仍会被记为共同提出人',
    en: 'If it is the same, no need to resubmit; duplicates are merged and you are still credited',
  },
  trackingCode: { zh: '查询码', en: 'Tracking code' },
  copyCode: { zh: '复制查询码', en: 'Copy code' },
  copied: { zh: '已复制', en: 'Copied' },
  trackingSaved: {
    zh: '请截图或抄下查询码，这是查看进度的唯一凭证',
    en: 'Save this code: it is the only way to follow the idea',
  },
  trackTitle: { zh: '查询办理进度', en: 'Track an idea' },
  trackPh: { zh: '输入 10 位查询码', en: '10-character tracking code' },
  track: { zh: '查询', en: 'Track' },
  newIdea: { zh: '再提一条', en: 'Submit another' },
  loginHint: { zh: '已有账号？登录后提交可获得积分', en: 'Have an account? Log in to earn points' },
  anonymousLink: { zh: '匿名提交金点子', en: 'Submit anonymously' },
  deadline: { zh: '答复期限', en: 'Answer by' },
  answer: { zh: '书面答复', en: 'Written answer' },
  answeredAt: { zh: '答复时间', en: 'Answered' },
  noAnswer: { zh: '尚未答复', en: 'Not answered yet' },
  steps: { zh: '办理进度', en: 'Progress' },
  myIdeas: { zh: '我的金点子', en: 'My ideas' },
  queue: { zh: '待我处理', en: 'My queue' },
  allIdeas: { zh: '全部建议', en: 'All ideas' },
  routes: { zh: '分派规则', en: 'Routing rules' },
  code: { zh: '编号', en: 'No.' },
  status: { zh: '状态', en: 'Status' },
  submitter: { zh: '提出人', en: 'Submitter' },
  anonymous: { zh: '匿名', en: 'Anonymous' },
  handler: { zh: '处理人', en: 'Handler' },
  createdAt: { zh: '提交时间', en: 'Submitted' },
  overdue: { zh: '已超期', en: 'Overdue' },
  overdueOnly: { zh: '只看超期', en: 'Overdue only' },
  search: { zh: '标题或编号', en: 'Title or no.' },
  benefit: { zh: '经济效益', en: 'Benefit' },
  benefitNote: { zh: '效益说明', en: 'How it was measured' },
  recordBenefit: { zh: '登记效益', en: 'Record benefit' },
  toProject: { zh: '转为攻关课题', en: 'Make it a project' },
  studio: { zh: '承接工作室', en: 'Studio' },
  projectLinked: { zh: '已立项课题 #{id}', en: 'Project #{id}' },
  projectPending: { zh: '已请工作室立项，待确认', en: 'Awaiting the studio’s confirmation' },
  credits: { zh: '提出人（含合并）', en: 'Credited' },
  creditMerged: { zh: '合并', en: 'merged' },
  similarForHandler: { zh: '相似的早期建议', en: 'Similar earlier ideas' },
  mergeInto: { zh: '合并到此条', en: 'Merge into this' },
  mergedInto: { zh: '已合并到 {code}', en: 'Merged into {code}' },
  answerPh: {
    zh: '提交人将看到这段答复，请写明理由和下一步安排',
    en: 'The submitter sees this; give reasons and next steps',
  },
  answerRequired: { zh: '请填写书面答复', en: 'Write an answer' },
  newHandler: { zh: '新处理人（用户 ID）', en: 'New handler (user id)' },
  score: { zh: '相似度', en: 'Similarity' },
  attachments: { zh: '附件与照片', en: 'Photos & files' },
  orgSubtree: { zh: '组织（含下级）', en: 'Org (and below)' },
  anyCategory: { zh: '全部类别', en: 'Any category' },
  deadlineDays: { zh: '答复期限（天）', en: 'Days to answer' },
  defaultDays: { zh: '默认 15 天', en: 'Default 15' },
  handlerUser: { zh: '处理人', en: 'Handler' },
  newRoute: { zh: '新增规则', en: 'New rule' },
  routesSub: {
    zh: '按组织和类别把建议分派给处理人；未匹配时由本企业工会管理员处理',
    en: 'Route ideas by org and category; unmatched ones go to the enterprise admin',
  },
  fallback: {
    zh: '匹配顺序：下级组织优先，指定类别优先',
    en: 'Deeper orgs first, specific categories first',
  },
  confirmAction: { zh: '确定要“{action}”吗？', en: 'Confirm “{action}”?' },
  target: { zh: '合并到（更早的建议）', en: 'Merge into (earlier idea)' },
  daysLeft: { zh: '剩 {n} 天', en: '{n} days left' },
  benefitYuan: { zh: '（元）', en: ' (¥)' },
  photoHint: {
    zh: '支持 JPEG、PNG、WebP 照片；离线时照片无法保存，只提交文字',
    en: 'JPEG, PNG or WebP; offline, only the text is kept (not the photo)',
  },
  queuedNoPhoto: {
    zh: '当前离线，文字已保存在本机，网络恢复后自动提交；照片未保存，可在联网后重新提一条附上',
    en: 'Offline: the text is kept on this device and sent when the connection returns; the photo was not kept',
  },
  offlineArrived: {
    zh: '离线保存的建议已送达，请记下查询码',
    en: 'Your idea saved offline has arrived; note its tracking code',
  },
  myAnonymous: { zh: '本机提交记录', en: 'Submitted from this device' },
  waitingNetwork: { zh: '等待联网后发送', en: 'Waiting for a connection' },
  notDelivered: { zh: '未能送达，请重新提交', en: 'Not delivered; please submit again' },
  photos: { zh: '现场照片', en: 'Photos' },
};

export function useTexts() {
  return useTextsOf(texts);
}
