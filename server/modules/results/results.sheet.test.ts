import { describe, expect, it } from 'vitest';
import {
  bandPoints,
  builtinResultSheet,
  economicBands,
  scoreAgainstSheet,
  suggestedGrade,
} from './results.sheet.js';

describe('result score sheet', () => {
  it('scores 经济效益 by bands of verified benefit, scaled to the indicator maximum', () => {
    const ind = { max: 40, bands: economicBands };
    expect(bandPoints(ind, 0)).toBe(0);
    expect(bandPoints(ind, 1)).toBe(8);
    expect(bandPoints(ind, 5_000_000)).toBe(20); // ¥50,000
    expect(bandPoints(ind, 100_000_000)).toBe(40); // ¥1,000,000
    expect(bandPoints({ max: 20, bands: economicBands }, 100_000_000)).toBe(20);
  });

  it('needs every hand-scored indicator within its range and computes the banded one', () => {
    const full = { advanced: 9, innovation: 8.5, difficulty: 8, social: 9, promotion: 7, value: 9 };
    const ok = scoreAgainstSheet(builtinResultSheet, full, 25_000_000);
    expect(ok).toEqual({ items: { ...full, economic: 30 }, total: 80.5 });
    const bad = scoreAgainstSheet(
      builtinResultSheet,
      { ...full, advanced: 11, innovation: 8.3, economic: 40, bogus: 1 },
      0,
    );
    expect('fields' in bad && Object.keys(bad.fields).sort()).toEqual([
      'items.advanced',
      'items.bogus',
      'items.innovation',
    ]);
    const missing = scoreAgainstSheet(builtinResultSheet, {}, 0);
    expect('fields' in missing && missing.fields['items.social']).toBe('请为“社会效益”打分');
  });

  it('suggests the grade of the band the average falls in', () => {
    expect(suggestedGrade(builtinResultSheet, 92)).toBe('first');
    expect(suggestedGrade(builtinResultSheet, 80)).toBe('second');
    expect(suggestedGrade(builtinResultSheet, 75.5)).toBe('third');
    expect(suggestedGrade(builtinResultSheet, 40)).toBeNull();
    expect(suggestedGrade(builtinResultSheet, null)).toBeNull();
  });
});
