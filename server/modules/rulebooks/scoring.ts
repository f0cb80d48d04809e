import type { ScoreSheet } from '../../../common/schemas/rulebooks.js';

const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Checks a scorer's points against a sheet and adds them up: each indicator at most its max, the bonus
 * items at most theirs and together at most the bonus cap. `complete` requires every indicator (a
 * submission); a draft may leave some out. Returns field messages in Chinese for anything wrong.
 */
export function scoreTotal(
  sheet: ScoreSheet,
  input: { items: Record<string, number>; bonus: Record<string, number> },
  opts: { complete: boolean },
): { total: number; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  let total = 0;
  const known = new Map(sheet.indicators.map((i) => [i.key, i]));
  for (const [key, points] of Object.entries(input.items)) {
    const ind = known.get(key);
    if (!ind) errors[`items.${key}`] = '评分表中没有该指标';
    else if (points > ind.maxPoints) errors[`items.${key}`] = `“${ind.name}”最多 ${ind.maxPoints} 分`;
    else total += points;
  }
  if (opts.complete) {
    for (const ind of sheet.indicators) {
      if (input.items[ind.key] === undefined) errors[`items.${ind.key}`] = `请为“${ind.name}”打分`;
    }
  }
  const bonusKnown = new Map(sheet.bonus.map((i) => [i.key, i]));
  let bonus = 0;
  for (const [key, points] of Object.entries(input.bonus)) {
    const ind = bonusKnown.get(key);
    if (!ind) errors[`bonus.${key}`] = '评分表中没有该加分项';
    else if (points > ind.maxPoints) errors[`bonus.${key}`] = `“${ind.name}”最多加 ${ind.maxPoints} 分`;
    else bonus += points;
  }
  if (bonus > sheet.bonusCap) errors.bonus = `加分项合计最多 ${sheet.bonusCap} 分`;
  return { total: round2(total + Math.min(bonus, sheet.bonusCap)), errors };
}

/** The grade band a total falls in: the band with the highest minimum not above the total. */
export function gradeFor(sheet: Pick<ScoreSheet, 'grades'>, total: number): string | null {
  const bands = [...sheet.grades].sort((a, b) => b.minScore - a.minScore);
  return (bands.find((b) => total >= b.minScore) ?? bands.at(-1))?.name ?? null;
}

/**
 * Aggregates reviewers' totals into one score: the mean, rounded to two decimals. With `dropExtremes`
 * and at least three scores, one highest and one lowest are left out first.
 */
export function aggregateScores(
  totals: readonly number[],
  dropExtremes: boolean,
): { score: number | null; dropped: boolean } {
  if (totals.length === 0) return { score: null, dropped: false };
  let used = [...totals].sort((a, b) => a - b);
  const dropped = dropExtremes && used.length >= 3;
  if (dropped) used = used.slice(1, -1);
  return { score: round2(used.reduce((s, n) => s + n, 0) / used.length), dropped };
}

/** The sheet's full marks: indicators plus the bonus cap. */
export function fullMarks(sheet: ScoreSheet): number {
  return sheet.indicators.reduce((s, i) => s + i.maxPoints, 0) + sheet.bonusCap;
}
