import { describe, expect, it } from 'vitest';
import { contestPoints, ranksFromScores, settleEntries } from './contests.policy.js';

describe('contest results', () => {
  it('ranks by score with shared ranks for ties and no rank without a score', () => {
    expect(ranksFromScores([90, 95, 90, null, 80])).toEqual([2, 1, 2, null, 4]);
  });
  it('points: level weight × best of award and rank factor; taking part earns 0', () => {
    expect(contestPoints('national', 1, null)).toBe(50);
    expect(contestPoints('province', 4, 'second')).toBe(18);
    expect(contestPoints('enterprise', 2, 'first')).toBe(10);
    expect(contestPoints('studio', 3, null)).toBe(2);
    expect(contestPoints('group', 9, 'excellence')).toBe(3);
    expect(contestPoints('city', null, null)).toBe(0);
  });
  it('keeps given ranks consistent with scores and within the field', () => {
    expect(
      settleEntries([
        { personId: 1, score: 9, rank: 1 },
        { personId: 2, score: 8, rank: 2 },
      ]).fields,
    ).toEqual({});
    expect(
      settleEntries([
        { personId: 1, score: 9, rank: 2 },
        { personId: 2, score: 8, rank: 1 },
      ]).fields,
    ).toHaveProperty('entries.0.rank');
    expect(settleEntries([{ personId: 1, rank: 3 }]).fields).toHaveProperty('entries.0.rank');
    expect(settleEntries([{ personId: 1 }, { personId: 1 }]).fields).toEqual({
      'entries.1.personId': '参赛人员重复',
    });
    expect(
      settleEntries([
        { personId: 1, score: 70 },
        { personId: 2, score: 90 },
      ]).entries.map((e) => e.rank),
    ).toEqual([2, 1]);
  });
});
