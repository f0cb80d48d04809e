import { describe, expect, it } from 'vitest';
import { addMonths, nextLead } from './alliances.policy.js';

describe('alliance lead rotation', () => {
  it('passes the lead to the next member in joining order, wrapping around', () => {
    expect(nextLead([4, 7, 9], 4)).toBe(7);
    expect(nextLead([4, 7, 9], 9)).toBe(4);
    expect(nextLead([4, 7, 9], null)).toBe(4);
    expect(nextLead([4, 7, 9], 5)).toBe(4);
    expect(nextLead([4], 4)).toBeNull();
  });
  it('computes term ends by calendar months', () => {
    expect(addMonths('2024-01-01', 12)).toBe('2025-01-01');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-11-15', 3)).toBe('2025-02-15');
  });
});
