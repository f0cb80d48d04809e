import { describe, expect, it } from 'vitest';
import { periodBounds } from './points.service.js';

describe('leaderboard periods', () => {
  it.each([
    ['month', '2026-01-31', '2026-01-01', '2026-02-01'],
    ['month', '2026-12-05', '2026-12-01', '2027-01-01'],
    ['quarter', '2026-03-31', '2026-01-01', '2026-04-01'],
    ['quarter', '2026-04-01', '2026-04-01', '2026-07-01'],
    ['quarter', '2026-11-30', '2026-10-01', '2027-01-01'],
    ['year', '2026-06-15', '2026-01-01', '2027-01-01'],
  ] as const)('%s containing %s is [%s, %s)', (period, at, from, to) => {
    expect(periodBounds(period, at)).toEqual({ from, to });
  });
  it('is unbounded for all time', () => {
    expect(periodBounds('all', '2026-06-15')).toEqual({ from: null, to: null });
  });
});
