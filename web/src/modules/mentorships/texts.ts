import { useI18n } from '../../shared/i18n';

const texts = {
  mentorships: { zh: '师带徒', en: 'Mentoring' },
  newMentorship: { zh: '签订师带徒协议', en: 'New mentoring agreement' },
  editMentorship: { zh: '编辑协议', en: 'Edit agreement' },
  mentor: { zh: '师傅', en: 'Mentor' },
  apprentice: { zh: '徒弟', en: 'Apprentice' },
  period: { zh: '协议期限', en: 'Period' },
  startsOn: { zh: '开始日期', en: 'Starts' },
  endsOn: { zh: '结束日期', en: 'Ends' },
  goals: { zh: '培养目标', en: 'Goals' },
  targetGrade: { zh: '目标等级', en: 'Target grade' },
  currentGrade: { zh: '徒弟当前等级', en: 'Apprentice’s grade' },
  status: { zh: '状态', en: 'Status' },
  notes: { zh: '带徒进展', en: 'Progress notes' },
  addNote: { zh: '记录进展', en: 'Add a note' },
  notedOn: { zh: '记录日期', en: 'Date' },
  content: { zh: '内容', en: 'Note' },
  complete: { zh: '出师', en: 'Complete' },
  terminate: { zh: '终止协议', en: 'Terminate' },
  outcomeOn: { zh: '出师/终止日期', en: 'Ended on' },
  outcomeGrade: { zh: '取得技能等级', en: 'Grade reached' },
  outcomeGradeHint: {
    zh: '填写后将把徒弟的技能等级更新为该等级，并记入其技能等级变化记录',
    en: 'The apprentice’s skill grade is raised to this and recorded in their history',
  },
  certificate: { zh: '证书', en: 'Certificate' },
  outcomeNote: { zh: '说明', en: 'Note' },
  reason: { zh: '终止原因', en: 'Reason' },
  outcome: { zh: '出师结果', en: 'Outcome' },
  noteCount: { zh: '进展记录', en: 'Notes' },
  searchPerson: { zh: '师傅或徒弟姓名', en: 'Mentor or apprentice' },
} satisfies Record<string, { zh: string; en: string }>;

/** Texts of the mentoring pages. */
export function useMentorTexts() {
  const { lang } = useI18n();
  return (key: keyof typeof texts) => texts[key][lang];
}
