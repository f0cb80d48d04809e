import { useTextsOf } from '../ideas/texts';

/** UI texts of the technical clinic (技术门诊). */
const texts = {
  clinic: { zh: '技术门诊', en: 'Technical clinic' },
  clinicSub: {
    zh: '生产中遇到技术难题？提问后按专业分诊到相关创新工作室，由工作室成员解答',
    en: 'Ask a production question; it goes to the studios of its field and their members answer',
  },
  ask: { zh: '我要提问', en: 'Ask' },
  title: { zh: '问题', en: 'Question' },
  titlePh: { zh: '一句话概括，如：不锈钢薄板焊接变形大', en: 'In one line' },
  content: { zh: '详细描述', en: 'Details' },
  contentPh: {
    zh: '设备、材料、工艺参数、现象、已尝试的办法…',
    en: 'Machine, material, parameters, what happens, what you tried…',
  },
  field: { zh: '专业领域', en: 'Field' },
  fieldPh: { zh: '如：焊接、数控加工、电气自动化', en: 'e.g. welding, CNC machining' },
  view: { zh: '范围', en: 'Scope' },
  viewAll: { zh: '全部问题', en: 'All' },
  viewMine: { zh: '我提的', en: 'Mine' },
  viewRouted: { zh: '分诊给我的工作室', en: 'Routed to my studio' },
  status: { zh: '状态', en: 'Status' },
  asker: { zh: '提问人', en: 'Asked by' },
  answers: { zh: '解答', en: 'Answers' },
  answerCount: { zh: '{n} 条解答', en: '{n} answers' },
  routed: { zh: '分诊工作室', en: 'Routed to' },
  noRoute: {
    zh: '暂无匹配的工作室，集团内工作室成员均可解答',
    en: 'No matching studio; any studio member may answer',
  },
  yourAnswer: { zh: '我来解答', en: 'Your answer' },
  answerPh: { zh: '请给出具体可操作的办法', en: 'Give a concrete, practical answer' },
  submitAnswer: { zh: '提交解答', en: 'Answer' },
  accept: { zh: '采纳', en: 'Accept' },
  accepted: { zh: '已采纳', en: 'Accepted' },
  close: { zh: '关闭问题', en: 'Close' },
  search: { zh: '问题或领域', en: 'Question or field' },
  photos: { zh: '现场照片', en: 'Photos' },
  createdAt: { zh: '提问时间', en: 'Asked' },
  noAnswers: { zh: '暂无解答', en: 'No answers yet' },
  membersOnly: { zh: '仅创新工作室成员可以解答', en: 'Only studio members can answer' },
};

export function useTexts() {
  return useTextsOf(texts);
}
