import type { PrefillFact } from '../../../common/schemas/assessments.js';
import type { Db } from '../../core/db.js';

/** The period an assessment counts: the campaign's calendar year, members as of `asOf`. */
export interface IndicatorPeriod {
  year: number;
  /** YYYY-01-01 of the year. */
  from: string;
  /** YYYY-12-31 of the year. */
  to: string;
  /** The day rosters are read on: the end of the year, or today while the year is still running. */
  asOf: string;
}

/** A module's contribution to the assessment pre-fill: facts per studio id (studios it has nothing on may be left out). */
export type IndicatorSource = (
  db: Db,
  studioIds: number[],
  period: IndicatorPeriod,
) => Promise<Map<number, PrefillFact[]>>;

const sources = new Map<string, IndicatorSource>();

/**
 * Adds a module's numbers to the annual assessment pre-fill: the studios module counts members, innovation
 * counts results, patents and verified benefit, studio life counts activities, training, mentoring and funds.
 * Call once at load time next to the module's routes; a name registered again replaces the earlier source.
 * Each fact names its `source` so the leader and the reviewers see where a number came from.
 */
export function registerIndicatorSource(name: string, source: IndicatorSource): void {
  sources.set(name, source);
}

/** Removes a source (tests). */
export function unregisterIndicatorSource(name: string): void {
  sources.delete(name);
}

/** Names of the registered sources, in registration order. */
export function indicatorSourceNames(): string[] {
  return [...sources.keys()];
}

/** The period of a campaign year, with rosters read on `today` while the year runs. */
export function periodOf(year: number, today: string): IndicatorPeriod {
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  return { year, from, to, asOf: today < to ? today : to };
}

/** Every registered source's facts for the given studios, in registration order (every id gets a list). */
export async function collectIndicators(
  db: Db,
  studioIds: number[],
  period: IndicatorPeriod,
): Promise<Map<number, PrefillFact[]>> {
  const out = new Map<number, PrefillFact[]>(studioIds.map((id) => [id, []]));
  if (studioIds.length === 0) return out;
  for (const source of sources.values()) {
    for (let i = 0; i < studioIds.length; i += 1000) {
      const found = await source(db, studioIds.slice(i, i + 1000), period);
      for (const [id, facts] of found) out.get(id)?.push(...facts);
    }
  }
  return out;
}
