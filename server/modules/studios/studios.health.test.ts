import { describe, expect, it } from 'vitest';
import type { Db } from '../../core/db.js';
import { collectSignals, healthStatus, localToday, monthsBefore } from './studios.health.js';
import { highestLevel } from './studios.repository.js';

const today = '2026-06-15';
const status = (since: string, lastSignalOn: string | null, inactive = false) =>
  healthStatus({ today, since, lastSignalOn, inactive });

describe('healthStatus', () => {
  it('is at risk after 12 months with nothing, for a studio founded more than 12 months ago', () => {
    expect(status('2020-01-01', null)).toBe('atRisk');
    expect(status('2020-01-01', '2025-06-14')).toBe('atRisk');
    expect(status('2020-01-01', '2025-06-15')).toBe('warning');
  });
  it('warns after 9 idle months, before the studio is at risk', () => {
    expect(status('2020-01-01', '2025-09-14')).toBe('warning');
    expect(status('2025-08-01', null)).toBe('warning');
    expect(status('2020-01-01', '2025-09-15')).toBe('active');
  });
  it('never calls a studio younger than 12 months at risk', () => {
    expect(status('2025-06-16', null)).toBe('warning');
    expect(status('2026-01-01', null)).toBe('new');
    expect(status('2026-01-01', '2026-02-01')).toBe('active');
  });
  it('reports archived, revoked and merged studios as inactive', () => {
    expect(status('2020-01-01', null, true)).toBe('inactive');
  });
  it('counts calendar months and China dates', () => {
    expect(monthsBefore('2026-03-31', 1)).toBe('2026-03-03');
    expect(monthsBefore('2026-06-15', 12)).toBe('2025-06-15');
    expect(localToday({ now: () => new Date('2026-06-14T17:30:00Z') })).toBe('2026-06-15');
  });
});

describe('health sources', () => {
  const db = {} as Db;
  it('treats a missing source as no data (and asks the database nothing)', async () => {
    const m = await collectSignals(db, [1, 2]);
    expect(m.get(1)).toEqual({ lastResultOn: null, lastActivityOn: null, lastBenefitOn: null });
  });
});

describe('highestLevel', () => {
  it('uses the order of namingLevels and skips revoked and deleted entries', () => {
    const n = (level: string, revokedOn: string | null = null, archivedAt: string | null = null) => ({
      level,
      revokedOn,
      archivedAt,
    });
    expect(highestLevel([])).toBeNull();
    expect(highestLevel([n('group'), n('province'), n('city')])).toBe('province');
    expect(
      highestLevel([
        n('group'),
        n('national', '2024-01-01'),
        n('provinceDemo', null, '2024-01-01T00:00:00Z'),
      ]),
    ).toBe('group');
  });
});
