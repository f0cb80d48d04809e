import { type SkillGrade, skillGrades } from '../../../common/enums.js';

/** Whether `to` is a higher 技能等级 than `from` (any grade is higher than none). */
export function isHigherGrade(to: SkillGrade, from: SkillGrade | null): boolean {
  return from === null || skillGrades.indexOf(to) > skillGrades.indexOf(from);
}

/** Field errors of an agreement's period and parties. */
export function agreementFieldErrors(a: {
  mentorPersonId: number;
  apprenticePersonId: number;
  startsOn: string;
  endsOn: string;
}): Record<string, string> {
  const f: Record<string, string> = {};
  if (a.mentorPersonId === a.apprenticePersonId) f.apprenticePersonId = '师傅和徒弟不能是同一人';
  if (a.endsOn < a.startsOn) f.endsOn = '协议结束日期不能早于开始日期';
  return f;
}
