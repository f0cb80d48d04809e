import {
  patentStatuses,
  patentStatusLabels,
  patentTypeLabels,
  patentTypes,
  resultKindLabels,
  resultKinds,
} from '../../../common/schemas/results.js';
import { overviewListCap, type StatsOverview } from '../../../common/schemas/stats.js';
import type { Ctx } from '../../core/context.js';
import { coverageOf, employeesOf, perThousand } from './stats.coverage.js';
import { listPages as P, pageLink } from './stats.links.js';
import * as repo from './stats.repository.js';
import type { collector } from './stats.service.js';

/** Sections of the overview too long to sit in stats.service.ts: coverage (普及面) and results with patents. */

/** Coverage: orgs with and without a studio, head counts, per-1,000 rates, trades no studio covers. */
export async function coverage(
  ctx: Ctx,
  c: ReturnType<typeof collector>,
  out: StatsOverview,
  active: Awaited<ReturnType<typeof repo.activeStudios>>,
) {
  const { fig, table } = c;
  const orgId = out.org.id;
  const orgs = await repo.subtreeOrgs(ctx.db, out.org.path);
  const hosts = active.map((s) => s.hostPath);
  const ent = coverageOf('enterprise', orgs, hosts);
  const ws = coverageOf('workshop', orgs, hosts);
  const ref = (o: { id: number; name: string; kind: string }) => ({ id: o.id, name: o.name, kind: o.kind });
  out.gaps = {
    enterprises: ent.without.slice(0, overviewListCap).map(ref),
    workshops: ws.without.slice(0, overviewListCap).map(ref),
    enterprisesTotal: ent.without.length,
    workshopsTotal: ws.without.length,
  };
  const orgList = (kind: string) => pageLink(P.orgs, { under: orgId, kind });
  fig(
    'coverage.enterprises',
    { zh: '企业', en: 'Enterprises' },
    ent.withStudio.length + ent.without.length,
    'count',
    orgList('enterprise'),
  );
  fig(
    'coverage.enterprisesWithStudio',
    { zh: '已建工作室企业', en: 'Enterprises with a studio' },
    ent.withStudio.length,
    'count',
    null,
  );
  fig(
    'coverage.enterprisesWithout',
    { zh: '未建工作室企业', en: 'Enterprises without a studio' },
    ent.without.length,
    'count',
    null,
  );
  fig(
    'coverage.workshops',
    { zh: '车间', en: 'Workshops' },
    ws.withStudio.length + ws.without.length,
    'count',
    orgList('workshop'),
  );
  fig(
    'coverage.workshopsWithStudio',
    { zh: '已建工作室车间', en: 'Workshops with a studio' },
    ws.withStudio.length,
    'count',
    null,
  );
  fig(
    'coverage.workshopsWithout',
    { zh: '未建工作室车间', en: 'Workshops without a studio' },
    ws.without.length,
    'count',
    null,
  );
  table({
    key: 'coverage',
    title: { zh: '普及面（有无工作室）', en: 'Coverage (with / without a studio)' },
    unit: 'count',
    chart: 'bar',
    series: [
      { key: 'with', label: { zh: '已建', en: 'With a studio' } },
      { key: 'without', label: { zh: '未建', en: 'Without' } },
    ],
    rows: [
      {
        key: 'enterprise',
        label: c.l({ zh: '企业', en: 'Enterprises' }),
        values: [ent.withStudio.length, ent.without.length],
        links: [null, null],
      },
      {
        key: 'workshop',
        label: c.l({ zh: '车间', en: 'Workshops' }),
        values: [ws.withStudio.length, ws.without.length],
        links: [null, null],
      },
    ],
  });
  const employees = employeesOf(orgId, orgs);
  const members = await repo.activeMembers(ctx.db, out.org.path);
  fig('coverage.members', { zh: '工作室成员', en: 'Studio members' }, members, 'people', null);
  if (employees > 0) {
    fig('coverage.employees', { zh: '职工人数', en: 'Employees' }, employees, 'people', null);
    fig(
      'coverage.studiosPerThousand',
      { zh: '每千名职工工作室数', en: 'Studios per 1,000 employees' },
      perThousand(active.length, employees)!,
      'perThousand',
      pageLink(P.studios, { orgId }),
    );
    fig(
      'coverage.membersPerThousand',
      { zh: '每千名职工成员数', en: 'Members per 1,000 employees' },
      perThousand(members, employees)!,
      'perThousand',
      null,
    );
  }
  const trades = await repo.tradesWithoutStudio(ctx.db, out.org.path);
  fig(
    'coverage.tradesWithout',
    { zh: '无工作室覆盖的工种', en: 'Trades without a studio' },
    trades.length,
    'count',
    null,
  );
  table({
    key: 'tradesWithout',
    title: { zh: '无工作室覆盖的工种（职工人数）', en: 'Trades without a studio (employees)' },
    unit: 'people',
    chart: 'bar',
    series: [{ key: 'people', label: { zh: '职工人数', en: 'Employees' } }],
    rows: trades.map((t) => ({
      key: t.trade,
      label: t.trade,
      values: [t.n],
      links: [pageLink(P.people, { orgId, trade: t.trade })],
    })),
  });
}

/** Recognised results by kind and by year, patents by type and status. */
export async function resultFigures(
  ctx: Ctx,
  c: ReturnType<typeof collector>,
  orgId: number,
  path: string,
  year: number,
) {
  const { fig, table, l } = c;
  const byKind = await repo.resultsByKind(ctx.db, path, year, year);
  const total = byKind.reduce((s, r) => s + r.n, 0);
  fig(
    'results.recognised',
    { zh: '认定成果', en: 'Recognised results' },
    total,
    'items',
    pageLink(P.results, { orgId, year, status: 'recognised' }),
  );
  table({
    key: 'resultsByKind',
    title: { zh: '认定成果（按类别）', en: 'Recognised results by kind' },
    unit: 'items',
    chart: 'pie',
    series: [{ key: 'count', label: { zh: '成果数', en: 'Results' } }],
    rows: resultKinds
      .map((k) => ({
        key: k,
        label: l(resultKindLabels[k]),
        values: [byKind.find((r) => r.kind === k)?.n ?? 0],
        links: [pageLink(P.results, { orgId, year, kind: k, status: 'recognised' })],
      }))
      .filter((r) => r.values[0]! > 0),
  });
  const byYear = await repo.resultsByYear(ctx.db, path, year - 4, year);
  table({
    key: 'resultsByYear',
    title: { zh: '认定成果（近五年）', en: 'Recognised results, last five years' },
    unit: 'items',
    chart: 'line',
    series: [{ key: 'count', label: { zh: '成果数', en: 'Results' } }],
    rows: [0, 1, 2, 3, 4].map((i) => {
      const y = year - 4 + i;
      return {
        key: String(y),
        label: String(y),
        values: [byYear.find((r) => r.year === y)?.n ?? 0],
        links: [pageLink(P.results, { orgId, year: y, status: 'recognised' })],
      };
    }),
  });
  const pats = await repo.patentsByTypeStatus(ctx.db, path, year, year);
  const pn = (type: string | null, status: string | null) =>
    pats
      .filter((r) => (type === null || r.type === type) && (status === null || r.status === status))
      .reduce((s, r) => s + r.n, 0);
  fig(
    'patents.total',
    { zh: '申报专利', en: 'Patents filed' },
    pn(null, null),
    'items',
    pageLink(P.results, { orgId, year, hasPatent: 'true' }),
  );
  for (const t of patentTypes)
    fig(
      `patents.${t}`,
      patentTypeLabels[t],
      pn(t, null),
      'items',
      pageLink(P.results, { orgId, year, patentType: t }),
    );
  fig(
    'patents.granted',
    { zh: '已授权专利', en: 'Patents granted' },
    pn(null, 'granted'),
    'items',
    pageLink(P.results, { orgId, year, patentStatus: 'granted' }),
  );
  table({
    key: 'patentsByType',
    title: { zh: '专利（按类型与状态）', en: 'Patents by type and status' },
    unit: 'items',
    chart: 'bar',
    series: patentStatuses.map((s) => ({ key: s, label: patentStatusLabels[s] })),
    rows: patentTypes.map((t) => ({
      key: t,
      label: l(patentTypeLabels[t]),
      values: patentStatuses.map((s) => pn(t, s)),
      links: patentStatuses.map((s) => pageLink(P.results, { orgId, year, patentType: t, patentStatus: s })),
    })),
  });
}
