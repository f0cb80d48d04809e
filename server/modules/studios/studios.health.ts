import type { HealthStatus, StudioHealth } from '../../../common/schemas/studios.js';
import type { Clock } from '../../core/context.js';
import type { Db } from '../../core/db.js';

/** The dates a module knows for a studio (YYYY-MM-DD); absent means "no data from this module". */
export interface HealthSignals {
  lastResultOn?: string | null;
  lastActivityOn?: string | null;
  lastBenefitOn?: string | null;
}

/** A module's view of studio health: for each studio id it has data on, its latest dates. */
export type HealthSource = (db: Db, studioIds: number[]) => Promise<Map<number, HealthSignals>>;

const sources = new Map<string, HealthSource>();

/**
 * Adds a module's signals to studio health: results report lastResultOn/lastBenefitOn, activities
 * lastActivityOn, and so on. Call once at load time (next to the module's routes); a name registered again
 * replaces the earlier function. Only real results, activities and benefits count — member changes,
 * namings or uploads are not signs of life.
 */
export function registerHealthSource(name: string, source: HealthSource): void {
  sources.set(name, source);
}

/** Removes a source (tests). */
export function unregisterHealthSource(name: string): void {
  sources.delete(name);
}

/** Names of the registered sources. */
export function healthSourceNames(): string[] {
  return [...sources.keys()].sort();
}

const maxDate = (a: string | null | undefined, b: string | null | undefined): string | null =>
  !a ? (b ?? null) : !b ? a : a > b ? a : b;

/** Merges every registered source for the given studios: the latest date per kind wins. */
export async function collectSignals(
  db: Db,
  studioIds: number[],
): Promise<Map<number, Required<HealthSignals>>> {
  const out = new Map<number, Required<HealthSignals>>();
  for (const id of studioIds) out.set(id, { lastResultOn: null, lastActivityOn: null, lastBenefitOn: null });
  if (studioIds.length === 0) return out;
  const batches: Promise<Map<number, HealthSignals>>[] = [];
  for (const source of sources.values())
    for (let i = 0; i < studioIds.length; i += 1000) batches.push(source(db, studioIds.slice(i, i + 1000)));
  // The sources are independent reads: asked at once, merged in order.
  for (const found of await Promise.all(batches)) {
    for (const [id, s] of found) {
      const cur = out.get(id);
      if (!cur) continue;
      cur.lastResultOn = maxDate(cur.lastResultOn, s.lastResultOn);
      cur.lastActivityOn = maxDate(cur.lastActivityOn, s.lastActivityOn);
      cur.lastBenefitOn = maxDate(cur.lastBenefitOn, s.lastBenefitOn);
    }
  }
  return out;
}

/** Today's date in China (UTC+8) as YYYY-MM-DD: the calendar the union works by. */
export function localToday(clock: Clock): string {
  return new Date(clock.now().getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** `date` minus `months` calendar months (YYYY-MM-DD; the 31st of a short month rolls into the next). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1 - months, d)).toISOString().slice(0, 10);
}

export const AT_RISK_MONTHS = 12;
export const WARNING_MONTHS = 9;

/**
 * The health status of one studio on `today`:
 * - inactive: archived, revoked or merged;
 * - active: a result, activity or benefit within the last 9 months;
 * - atRisk: nothing in 12 months, and founded more than 12 months ago;
 * - warning: idle for 9 months (the flag before it is at risk);
 * - new: founded under 9 months ago with nothing yet.
 * `since` is the founding date (or the creation date when unknown).
 */
export function healthStatus({
  today,
  since,
  lastSignalOn,
  inactive,
}: {
  today: string;
  since: string;
  lastSignalOn: string | null;
  inactive: boolean;
}): HealthStatus {
  if (inactive) return 'inactive';
  const riskCut = monthsBefore(today, AT_RISK_MONTHS);
  const warnCut = monthsBefore(today, WARNING_MONTHS);
  if (lastSignalOn && lastSignalOn >= warnCut) return 'active';
  const idleFrom = maxDate(lastSignalOn, since)!;
  if (idleFrom < riskCut) return 'atRisk';
  if (idleFrom < warnCut) return 'warning';
  return 'new';
}

export interface HealthSubject {
  id: number;
  foundedOn: string | null;
  createdAt: string;
  status: string;
  archivedAt: string | null;
}

/** Health of several studios at once. */
export async function healthOf({
  db,
  clock,
  studios,
}: {
  db: Db;
  clock: Clock;
  studios: HealthSubject[];
}): Promise<Map<number, StudioHealth>> {
  const today = localToday(clock);
  const signals = await collectSignals(
    db,
    studios.map((s) => s.id),
  );
  const names = healthSourceNames();
  const out = new Map<number, StudioHealth>();
  for (const s of studios) {
    const sig = signals.get(s.id)!;
    const lastSignalOn = maxDate(maxDate(sig.lastResultOn, sig.lastActivityOn), sig.lastBenefitOn);
    const since =
      s.foundedOn ?? new Date(new Date(s.createdAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
    const inactive = s.archivedAt !== null || s.status === 'revoked' || s.status === 'merged';
    out.set(s.id, {
      studioId: s.id,
      ...sig,
      lastSignalOn,
      status: healthStatus({ today, since, lastSignalOn, inactive }),
      sources: names,
    });
  }
  return out;
}
