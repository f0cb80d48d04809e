import { and, count, eq, gte, inArray, isNotNull, isNull, lte, sql, sum } from 'drizzle-orm';
import type { PrefillFact } from '../../../common/schemas/assessments.js';
import { type ResultKind, resultKindLabels, resultKinds } from '../../../common/schemas/results.js';
import { registerIndicatorSource } from '../assessments/assessments.indicators.js';
import { benefits } from '../benefits/benefits.table.js';
import { registerConditionChecker } from '../rulebooks/conditions.js';
import { results } from './results.table.js';

/**
 * What the results module tells other modules about a studio's results:
 * - the assessment pre-fill: results recognised in the year (by kind), patents filed and granted in the
 *   year, and the finance-verified benefit of the year;
 * - the naming condition `minResultsPerYear`: recognised results in each of the last full years.
 */
const live = (studioIds: number[]) => and(inArray(results.studioId, studioIds), isNull(results.archivedAt));

registerIndicatorSource('results', async (db, studioIds, { year, from, to }) => {
  const recognised = await db
    .select({ studioId: results.studioId, kind: results.kind, n: count() })
    .from(results)
    .where(
      and(
        live(studioIds),
        eq(results.status, 'recognised'),
        gte(results.recognisedOn, from),
        lte(results.recognisedOn, to),
      ),
    )
    .groupBy(results.studioId, results.kind);
  const patents = await db
    .select({
      studioId: results.studioId,
      filed: sql<number>`count(*) FILTER (WHERE ${results.patentFiledOn} BETWEEN ${from} AND ${to})`.mapWith(
        Number,
      ),
      granted:
        sql<number>`count(*) FILTER (WHERE ${results.patentGrantedOn} BETWEEN ${from} AND ${to})`.mapWith(
          Number,
        ),
    })
    .from(results)
    .where(and(live(studioIds), isNotNull(results.patentType)))
    .groupBy(results.studioId);
  const benefit = await db
    .select({ studioId: results.studioId, fen: sum(benefits.amountFen).mapWith(Number), n: count() })
    .from(benefits)
    .innerJoin(results, eq(results.id, benefits.resultId))
    .where(
      and(
        live(studioIds),
        eq(benefits.status, 'verified'),
        isNull(benefits.archivedAt),
        gte(benefits.verifiedOn, from),
        lte(benefits.verifiedOn, to),
      ),
    )
    .groupBy(results.studioId);
  const out = new Map<number, PrefillFact[]>();
  for (const id of studioIds) {
    const mine = recognised.filter((r) => r.studioId === id);
    const p = patents.find((r) => r.studioId === id);
    const b = benefit.find((r) => r.studioId === id);
    const src = `成果库：${year} 年内认定的成果`;
    out.set(id, [
      {
        key: 'results.total',
        label: '认定成果',
        value: mine.reduce((s, r) => s + Number(r.n), 0),
        unit: '项',
        source: src,
        indicatorKey: 'breakthrough',
      },
      ...resultKinds
        .map((kind: ResultKind) => ({ kind, n: Number(mine.find((r) => r.kind === kind)?.n ?? 0) }))
        .filter((k) => k.n > 0)
        .map(({ kind, n }) => ({
          key: `results.${kind}`,
          label: `其中${resultKindLabels[kind].zh}`,
          value: n,
          unit: '项',
          source: src,
          indicatorKey: 'breakthrough',
        })),
      {
        key: 'patents.filed',
        label: '专利申请',
        value: p?.filed ?? 0,
        unit: '件',
        source: `成果库专利信息：${year} 年内申请`,
        indicatorKey: 'patents',
      },
      {
        key: 'patents.granted',
        label: '专利授权',
        value: p?.granted ?? 0,
        unit: '件',
        source: `成果库专利信息：${year} 年内授权`,
        indicatorKey: 'patents',
      },
      {
        key: 'benefit.verified',
        label: '经济效益（财务核定）',
        value: Math.round(b?.fen ?? 0) / 100,
        unit: '元',
        source: `效益核算：${year} 年内财务核定的 ${b?.n ?? 0} 笔`,
        indicatorKey: 'breakthrough',
      },
    ]);
  }
  return out;
});

registerConditionChecker('minResultsPerYear', async (c, cx) => {
  const thisYear = Number(cx.today.slice(0, 4));
  const years = Array.from({ length: c.years }, (_, i) => thisYear - c.years + i);
  const rows = await cx.db
    .select({
      year: sql<number>`extract(year from ${results.recognisedOn})::int`.mapWith(Number),
      n: count(),
    })
    .from(results)
    .where(
      and(
        eq(results.studioId, cx.studio.id),
        isNull(results.archivedAt),
        eq(results.status, 'recognised'),
        gte(results.recognisedOn, `${years[0]}-01-01`),
        lte(results.recognisedOn, `${thisYear - 1}-12-31`),
      ),
    )
    .groupBy(sql`1`);
  const per = years.map((y) => ({ y, n: Number(rows.find((r) => r.year === y)?.n ?? 0) }));
  const text = `${per.map((p) => `${p.y} 年认定成果 ${p.n} 项`).join('，')}；要求每年不少于 ${c.perYear} 项`;
  return per.every((p) => p.n >= c.perYear)
    ? { status: 'passed', reason: text }
    : { status: 'failed', reason: text };
});
