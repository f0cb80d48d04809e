import { inArray, type SQL, sql } from 'drizzle-orm';
import type { HealthStatus, StudioHealth } from '../../../common/schemas/studios.js';
import type { Clock } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { studios } from './studios.table.js';

/** The dates a module knows for a studio (YYYY-MM-DD); absent means "no data from this module". */
export interface HealthSignals {
  lastResultOn?: string | null;
  lastActivityOn?: string | null;
  lastBenefitOn?: string | null;
}
const signalKinds = ['lastResultOn', 'lastActivityOn', 'lastBenefitOn'] as const;

/**
 * A module's view of studio health, as SQL: given the SQL of one studio's id, a scalar subquery per kind of
 * signal it knows, giving that studio's latest date (a `date`, or NULL when it has none). Every source is
 * folded into the statement that reads the studio, so health costs no round trip of its own.
 */
export type HealthSource = (studioId: SQL) => { [K in keyof HealthSignals]?: SQL };

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

/**
 * The latest date of each kind over every registered source, as columns for a select over studios:
 * `studioId` is the SQL of the studio's id in that select. Each is YYYY-MM-DD text or NULL
 * (GREATEST skips NULLs).
 */
export function healthColumns(studioId: SQL): Record<(typeof signalKinds)[number], SQL<string | null>> {
  const parts: Record<(typeof signalKinds)[number], SQL[]> = {
    lastResultOn: [],
    lastActivityOn: [],
    lastBenefitOn: [],
  };
  for (const name of healthSourceNames()) {
    const found = sources.get(name)!(studioId);
    for (const k of signalKinds) {
      const q = found[k];
      if (q) parts[k].push(sql`(${q})::date`);
    }
  }
  const column = (qs: SQL[]) =>
    qs.length === 0
      ? sql<string | null>`NULL::text`
      : sql<string | null>`GREATEST(${sql.join(qs, sql`, `)})::text`;
  return {
    lastResultOn: column(parts.lastResultOn),
    lastActivityOn: column(parts.lastActivityOn),
    lastBenefitOn: column(parts.lastBenefitOn),
  };
}

/** Every registered source for the given studios, in one statement per 1,000 studios: the latest date per kind wins. */
export async function collectSignals(
  db: Db,
  studioIds: number[],
): Promise<Map<number, Required<HealthSignals>>> {
  const out = new Map<number, Required<HealthSignals>>();
  for (const id of studioIds) out.set(id, { lastResultOn: null, lastActivityOn: null, lastBenefitOn: null });
  if (studioIds.length === 0 || sources.size === 0) return out;
  const batches: Promise<
    { id: number; lastResultOn: string | null; lastActivityOn: string | null; lastBenefitOn: string | null }[]
  >[] = [];
  for (let i = 0; i < studioIds.length; i += 1000)
    batches.push(
      db
        .select({ id: studios.id, ...healthColumns(sql`${studios.id}`) })
        .from(studios)
        .where(inArray(studios.id, studioIds.slice(i, i + 1000))),
    );
  for (const rows of await Promise.all(batches))
    for (const { id, ...sig } of rows) if (out.has(id)) out.set(id, sig);
  return out;
}

const maxDate = (a: string | null | undefined, b: string | null | undefined): string | null =>
  !a ? (b ?? null) : !b ? a : a > b ? a : b;

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

/** The health of one studio on `today` from its signals (as read by collectSignals or healthColumns). */
export function healthFrom({
  today,
  studio: s,
  signals: sig,
}: {
  today: string;
  studio: HealthSubject;
  signals: Required<HealthSignals>;
}): StudioHealth {
  const lastSignalOn = maxDate(maxDate(sig.lastResultOn, sig.lastActivityOn), sig.lastBenefitOn);
  const since =
    s.foundedOn ?? new Date(new Date(s.createdAt).getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  const inactive = s.archivedAt !== null || s.status === 'revoked' || s.status === 'merged';
  return {
    studioId: s.id,
    lastResultOn: sig.lastResultOn,
    lastActivityOn: sig.lastActivityOn,
    lastBenefitOn: sig.lastBenefitOn,
    lastSignalOn,
    status: healthStatus({ today, since, lastSignalOn, inactive }),
    sources: healthSourceNames(),
  };
}
