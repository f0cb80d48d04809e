import { and, desc, eq, isNull } from 'drizzle-orm';
import { type ResultGrade, resultGradeLabels, type ScoreSheet } from '../../../common/schemas/results.js';
import type { Db } from '../../core/db.js';
import { rulebooks } from '../rulebooks/rulebooks.table.js';

/**
 * 经济效益 is scored by rule, from the result's finance-verified benefit (yuan, lower bound inclusive),
 * for an indicator of 40 points; a sheet that gives the indicator another maximum scales the points.
 */
export const economicBands: { minYuan: number; points: number }[] = [
  { minYuan: 1_000_000, points: 40 },
  { minYuan: 500_000, points: 35 },
  { minYuan: 200_000, points: 30 },
  { minYuan: 100_000, points: 25 },
  { minYuan: 50_000, points: 20 },
  { minYuan: 10_000, points: 15 },
  { minYuan: 0.01, points: 8 },
];
export const ECONOMIC_KEY = 'economic';

/** The result sheet used when no rulebook row exists (same indicators as the rulebooks module's default). */
export const builtinResultSheet: ScoreSheet = {
  source: 'builtin',
  id: null,
  version: 1,
  name: '创新成果评审评分表（内置）',
  indicators: [
    { key: 'advanced', name: '先进程度', max: 10 },
    { key: 'innovation', name: '创新程度', max: 10 },
    { key: 'difficulty', name: '难易复杂', max: 10 },
    { key: ECONOMIC_KEY, name: '经济效益', max: 40, bands: economicBands },
    { key: 'social', name: '社会效益', max: 10 },
    { key: 'promotion', name: '推广', max: 10 },
    { key: 'value', name: '应用价值', max: 10 },
  ],
  grades: [
    { name: '一等', minScore: 90 },
    { name: '二等', minScore: 80 },
    { name: '三等', minScore: 70 },
    { name: '不予认定', minScore: 0 },
  ],
};

/**
 * The current result score sheet: the newest version of the rulebooks module's `result` rulebook (its id
 * and version are pinned on the result when scoring begins), or the built-in sheet when there is none.
 */
export async function resolveResultSheet({ db }: { db: Db }): Promise<ScoreSheet> {
  const [row] = await db
    .select()
    .from(rulebooks)
    .where(and(eq(rulebooks.purpose, 'result'), isNull(rulebooks.level)))
    .orderBy(desc(rulebooks.versionNo))
    .limit(1);
  if (!row) return builtinResultSheet;
  return {
    source: 'rulebook',
    id: row.id,
    version: row.versionNo,
    name: row.name,
    indicators: row.sheet.indicators.map((i) => ({
      key: i.key,
      name: i.name,
      max: i.maxPoints,
      ...(i.key === ECONOMIC_KEY ? { bands: economicBands } : {}),
    })),
    grades: row.sheet.grades.map((g) => ({ name: g.name, minScore: g.minScore })),
  };
}

/** Points for a banded indicator from the verified benefit in fen, scaled to the indicator's maximum. */
export function bandPoints(
  indicator: { max: number; bands?: { minYuan: number; points: number }[] },
  verifiedFen: number,
): number {
  const bands = indicator.bands ?? [];
  const top = Math.max(...bands.map((b) => b.points), 0) || indicator.max;
  const hit = bands.find((b) => verifiedFen / 100 >= b.minYuan);
  if (!hit) return 0;
  return Math.round(((hit.points * indicator.max) / top) * 2) / 2;
}

/**
 * Checks an expert's points against the sheet and completes them: every hand-scored indicator present
 * within 0..max in half points, banded ones computed. Returns the items and total, or field errors.
 */
export function scoreAgainstSheet(
  sheet: ScoreSheet,
  input: Record<string, number>,
  verifiedFen: number,
): { items: Record<string, number>; total: number } | { fields: Record<string, string> } {
  const fields: Record<string, string> = {};
  const items: Record<string, number> = {};
  for (const ind of sheet.indicators) {
    if (ind.bands) {
      items[ind.key] = bandPoints(ind, verifiedFen);
      continue;
    }
    const v = input[ind.key];
    if (v === undefined) fields[`items.${ind.key}`] = `请为“${ind.name}”打分`;
    else if (v < 0 || v > ind.max) fields[`items.${ind.key}`] = `“${ind.name}”应在 0–${ind.max} 分之间`;
    else if (Math.round(v * 2) !== v * 2) fields[`items.${ind.key}`] = `“${ind.name}”最小单位为 0.5 分`;
    else items[ind.key] = v;
  }
  for (const k of Object.keys(input))
    if (!sheet.indicators.some((i) => i.key === k)) fields[`items.${k}`] = '评分表中没有该指标';
  if (Object.keys(fields).length) return { fields };
  return { items, total: Object.values(items).reduce((a, b) => a + b, 0) };
}

/** The grade the sheet's bands give an average total, as a result grade (null: 不予认定 or no band). */
export function suggestedGrade(sheet: ScoreSheet, avg: number | null): ResultGrade | null {
  if (avg === null) return null;
  const band = [...sheet.grades].sort((a, b) => b.minScore - a.minScore).find((g) => avg >= g.minScore);
  if (!band) return null;
  const hit = (Object.entries(resultGradeLabels) as [ResultGrade, { zh: string }][]).find(([, l]) =>
    band.name.startsWith(l.zh),
  );
  return hit ? hit[0] : null;
}
