import { describe, expect, it } from 'vitest';
import { agreementFieldErrors, isHigherGrade } from './mentorships.policy.js';

describe('mentoring rules', () => {
  it('orders skill grades from 初级工 to 高级技师', () => {
    expect(isHigherGrade('technician', 'senior')).toBe(true);
    expect(isHigherGrade('senior', 'technician')).toBe(false);
    expect(isHigherGrade('senior', 'senior')).toBe(false);
    expect(isHigherGrade('junior', null)).toBe(true);
  });
  it('refuses a mentor as their own apprentice and a period ending before it starts', () => {
    expect(
      agreementFieldErrors({
        mentorPersonId: 1,
        apprenticePersonId: 1,
        startsOn: '2025-01-02',
        endsOn: '2025-01-01',
      }),
    ).toEqual({
      apprenticePersonId: '师傅和徒弟不能是同一人',
      endsOn: '协议结束日期不能早于开始日期',
    });
    expect(
      agreementFieldErrors({
        mentorPersonId: 1,
        apprenticePersonId: 2,
        startsOn: '2025-01-01',
        endsOn: '2025-01-01',
      }),
    ).toEqual({});
  });
});
