import type { ContestAward, ContestLevel, EntryInput } from '../../../common/schemas/contests.js';

/** Weight of a contest level in points. */
export const levelWeight: Record<ContestLevel, number> = {
  studio: 1,
  enterprise: 2,
  group: 3,
  city: 4,
  province: 6,
  national: 10,
};
const awardFactor: Record<ContestAward, number> = { first: 5, second: 3, third: 2, excellence: 1 };
const rankFactor = [0, 5, 3, 2];

/**
 * Points a contest result earns a person: level weight × the better of the award factor (一等奖 5,
 * 二等奖 3, 三等奖 2, 优秀奖 1) and the rank factor (1st 5, 2nd 3, 3rd 2). Taking part alone earns 0.
 */
export function contestPoints(level: ContestLevel, rank: number | null, award: ContestAward | null): number {
  const byAward = award ? awardFactor[award] : 0;
  const byRank = rank !== null && rank >= 1 && rank <= 3 ? rankFactor[rank]! : 0;
  return levelWeight[level] * Math.max(byAward, byRank);
}

/** Competition ranking (1, 2, 2, 4) by score, highest first; entries without a score get no rank. */
export function ranksFromScores(scores: (number | null | undefined)[]): (number | null)[] {
  return scores.map((s) => {
    if (s === null || s === undefined) return null;
    return 1 + scores.filter((o) => o !== null && o !== undefined && o > s).length;
  });
}

/**
 * Completes and checks the entries of a contest. When no entry carries a rank, ranks are computed from
 * the scores. Given ranks must lie within the number of entrants and agree with the scores: a higher
 * score never has a worse rank. Nobody enters twice. Returns the entries with ranks, or field errors.
 */
export function settleEntries(entries: EntryInput[]): {
  entries: EntryInput[];
  fields: Record<string, string>;
} {
  const fields: Record<string, string> = {};
  const seen = new Set<number>();
  entries.forEach((e, i) => {
    if (seen.has(e.personId)) fields[`entries.${i}.personId`] = '参赛人员重复';
    seen.add(e.personId);
  });
  const anyRank = entries.some((e) => e.rank !== null && e.rank !== undefined);
  if (!anyRank) {
    const ranks = ranksFromScores(entries.map((e) => e.score));
    return { entries: entries.map((e, i) => ({ ...e, rank: ranks[i] ?? null })), fields };
  }
  entries.forEach((e, i) => {
    if (e.rank && e.rank > entries.length)
      fields[`entries.${i}.rank`] = `名次不能大于参赛人数（${entries.length}）`;
  });
  entries.forEach((a, i) => {
    entries.forEach((b) => {
      if (a === b || a.rank == null || b.rank == null || a.score == null || b.score == null) return;
      if (a.score > b.score && a.rank > b.rank)
        fields[`entries.${i}.rank`] ??= '名次与成绩不一致：成绩更高者名次不能更靠后';
    });
  });
  return { entries, fields };
}
