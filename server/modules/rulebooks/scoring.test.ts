import { describe, expect, it } from 'vitest';
import { defaultNamingSheet } from './rulebooks.defaults.js';
import { aggregateScores, fullMarks, gradeFor, scoreTotal } from './scoring.js';

const full = { basics: 35, management: 15, breakthrough: 15, exchange: 15, mentoring: 20 };

describe('score sheets', () => {
  it('adds indicators and caps nothing when within the maxima', () => {
    const r = scoreTotal(
      defaultNamingSheet,
      { items: { ...full, mentoring: 12.5 }, bonus: { patents: 4, adoption: 2 } },
      { complete: true },
    );
    expect(r).toEqual({ total: 92.5 + 6, errors: {} });
    expect(fullMarks(defaultNamingSheet)).toBe(110);
  });

  it('refuses points above an indicator’s max, unknown indicators and missing ones on submission', () => {
    const r = scoreTotal(
      defaultNamingSheet,
      { items: { basics: 36, nope: 1 }, bonus: { awards: 5 } },
      { complete: true },
    );
    expect(r.errors['items.basics']).toBe('“基础保障”最多 35 分');
    expect(r.errors['items.nope']).toBe('评分表中没有该指标');
    expect(r.errors['items.mentoring']).toBe('请为“带徒传艺”打分');
    expect(r.errors['bonus.awards']).toBe('“省部级及以上奖项”最多加 4 分');
    expect(scoreTotal(defaultNamingSheet, { items: { basics: 30 }, bonus: {} }, { complete: false })).toEqual(
      { total: 30, errors: {} },
    );
  });

  it('refuses bonus points above the cap', () => {
    const sheet = { ...defaultNamingSheet, bonusCap: 5 };
    const r = scoreTotal(sheet, { items: full, bonus: { patents: 4, awards: 4 } }, { complete: true });
    expect(r.errors.bonus).toBe('加分项合计最多 5 分');
  });

  it('grades by band from the top down', () => {
    expect(gradeFor(defaultNamingSheet, 90)).toBe('优秀');
    expect(gradeFor(defaultNamingSheet, 89.99)).toBe('良好');
    expect(gradeFor(defaultNamingSheet, 75)).toBe('良好');
    expect(gradeFor(defaultNamingSheet, 60)).toBe('合格');
    expect(gradeFor(defaultNamingSheet, 59.5)).toBe('不合格');
    expect(gradeFor(defaultNamingSheet, 0)).toBe('不合格');
  });

  it('aggregates with the mean, dropping the highest and lowest only when asked and with ≥3 scores', () => {
    expect(aggregateScores([], true)).toEqual({ score: null, dropped: false });
    expect(aggregateScores([80, 90], true)).toEqual({ score: 85, dropped: false });
    expect(aggregateScores([70, 80, 99], false)).toEqual({ score: 83, dropped: false });
    expect(aggregateScores([70, 80, 99], true)).toEqual({ score: 80, dropped: true });
    expect(aggregateScores([60, 85, 86, 87, 100], true)).toEqual({ score: 86, dropped: true });
    expect(aggregateScores([85, 86, 88], false).score).toBe(86.33);
  });
});
