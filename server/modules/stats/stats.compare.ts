import type { StatsComparison, StatsPeriodQuery, StatUnit } from '../../../common/schemas/stats.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { employeesOf, perThousand } from './stats.coverage.js';
import { statsErrors } from './stats.errors.js';
import { listPages as P, pageLink } from './stats.links.js';
import * as repo from './stats.repository.js';
import { collector, getStatsOrg } from './stats.service.js';
import { availableSources, type StatSource, statSources } from './stats.sources.js';
import { yearSpan } from './stats.sql.js';

type Label = { zh: string; en: string };
interface Metric {
  key: string;
  label: Label;
  unit: StatUnit;
  source: StatSource;
  /** stock metrics (studios and members now) only make sense across orgs, not across years. */
  stock?: boolean;
  /** The list behind a cell, when the list can express the same filter (a single year). */
  link?: (orgId: number, year: number) => string;
}

export const metrics: Metric[] = [
  {
    key: 'studiosNamed',
    label: { zh: '已命名工作室', en: 'Named studios' },
    unit: 'count',
    source: 'studios',
    stock: true,
  },
  {
    key: 'studiosCultivating',
    label: { zh: '培育中工作室', en: 'Cultivating studios' },
    unit: 'count',
    source: 'studios',
    stock: true,
  },
  {
    key: 'members',
    label: { zh: '工作室成员', en: 'Members' },
    unit: 'people',
    source: 'studios',
    stock: true,
  },
  {
    key: 'studiosPerThousand',
    label: { zh: '每千名职工工作室数', en: 'Studios per 1,000' },
    unit: 'perThousand',
    source: 'studios',
    stock: true,
  },
  {
    key: 'studiosNamedInPeriod',
    label: { zh: '新命名工作室', en: 'Newly named' },
    unit: 'count',
    source: 'namings',
  },
  {
    key: 'resultsRecognised',
    label: { zh: '认定成果', en: 'Recognised results' },
    unit: 'items',
    source: 'results',
    link: (orgId, year) => pageLink(P.results, { orgId, year, status: 'recognised' }),
  },
  {
    key: 'patents',
    label: { zh: '申报专利', en: 'Patents' },
    unit: 'items',
    source: 'results',
    link: (orgId, year) => pageLink(P.results, { orgId, year, hasPatent: 'true' }),
  },
  {
    key: 'projectsApproved',
    label: { zh: '立项课题', en: 'Projects approved' },
    unit: 'items',
    source: 'projects',
  },
  {
    key: 'benefitVerifiedFen',
    label: { zh: '核定效益', en: 'Verified benefit' },
    unit: 'fen',
    source: 'benefits',
  },
  { key: 'activities', label: { zh: '活动', en: 'Activities' }, unit: 'times', source: 'activities' },
  {
    key: 'trainingHours',
    label: { zh: '培训学时', en: 'Training hours' },
    unit: 'hours',
    source: 'activities',
  },
  {
    key: 'peopleTrained',
    label: { zh: '培训人数', en: 'People trained' },
    unit: 'people',
    source: 'activities',
  },
  {
    key: 'mentorshipsStarted',
    label: { zh: '新签师徒', en: 'Mentorships started' },
    unit: 'items',
    source: 'mentorships',
  },
  { key: 'ideasSubmitted', label: { zh: '金点子', en: 'Ideas' }, unit: 'items', source: 'ideas' },
  { key: 'ideasAdopted', label: { zh: '采纳金点子', en: 'Ideas adopted' }, unit: 'items', source: 'ideas' },
];

/** Every available metric of one subtree over whole years `from`..`to` (stock metrics as of now). */
export async function metricsOf(
  db: Db,
  path: string,
  orgId: number,
  from: number,
  to: number,
  sources: Set<StatSource>,
  stock: boolean,
) {
  const span = yearSpan(from, to);
  const v: Record<string, number> = {};
  if (stock && sources.has('studios')) {
    const active = await repo.activeStudios(db, path);
    v.studiosNamed = active.filter((s) => s.status !== 'cultivating').length;
    v.studiosCultivating = active.filter((s) => s.status === 'cultivating').length;
    v.members = await repo.activeMembers(db, path);
    const orgs = await repo.subtreeOrgs(db, path);
    const per = perThousand(active.length, employeesOf(orgId, orgs));
    if (per !== null) v.studiosPerThousand = per;
  }
  if (sources.has('namings')) v.studiosNamedInPeriod = await repo.studiosNamedIn(db, path, span);
  if (sources.has('results')) {
    v.resultsRecognised = (await repo.resultsByKind(db, path, from, to)).reduce((s, r) => s + r.n, 0);
    v.patents = (await repo.patentsByTypeStatus(db, path, from, to)).reduce((s, r) => s + r.n, 0);
  }
  if (sources.has('projects')) v.projectsApproved = await repo.projectsApprovedIn(db, path, span);
  if (sources.has('benefits')) v.benefitVerifiedFen = await repo.verifiedBenefit(db, path, span);
  if (sources.has('activities')) {
    v.activities = (await repo.activitiesByKind(db, path, span)).reduce((s, r) => s + r.n, 0);
    const t = await repo.training(db, path, span);
    v.trainingHours = t.hours;
    v.peopleTrained = t.people;
  }
  if (sources.has('mentorships')) v.mentorshipsStarted = (await repo.mentorships(db, path, span)).started;
  if (sources.has('ideas')) {
    const i = await repo.ideas(db, path, span);
    v.ideasSubmitted = i.submitted;
    v.ideasAdopted = i.adopted;
  }
  return v;
}

function checkPeriod(q: StatsPeriodQuery) {
  if (q.from > q.to || q.to - q.from > 9) throw statsErrors.invalidPeriod();
}

function missingOf(ctx: Ctx, sources: Set<StatSource>) {
  return (Object.keys(statSources) as StatSource[])
    .filter((s) => !sources.has(s))
    .map((s) => ({ source: s, label: statSources[s].label[ctx.lang] }));
}

/**
 * Year over year: one row per year of the period with every flow metric of the org's subtree.
 * Throws stats.invalid_period (400) for a reversed or over-long period, orgs.not_found (404) outside scope.
 */
export async function getTrend({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: StatsPeriodQuery;
}): Promise<StatsComparison> {
  checkPeriod(query);
  const org = await getStatsOrg(ctx, query.orgId);
  const sources = await availableSources(ctx.db);
  const shown = metrics.filter((m) => !m.stock && sources.has(m.source));
  const c = collector(ctx);
  const rows = [];
  for (let y = query.from; y <= query.to; y++) {
    const v = await metricsOf(ctx.db, org.path, org.id, y, y, sources, false);
    rows.push({
      key: String(y),
      label: String(y),
      values: shown.map((m) => v[m.key] ?? 0),
      links: shown.map((m) => m.link?.(org.id, y) ?? null),
    });
  }
  c.table({
    key: 'trend',
    title: { zh: '逐年对比', en: 'Year over year' },
    unit: 'count',
    chart: 'line',
    series: shown.map((m) => ({ key: m.key, label: m.label, unit: m.unit })),
    rows,
  });
  return {
    org: { id: org.id, name: org.name, kind: org.kind, path: org.path },
    from: query.from,
    to: query.to,
    table: c.tables[0]!,
    missing: missingOf(ctx, sources),
  };
}

/**
 * Enterprise comparison: the enterprises under the org (or, below enterprise level, its direct children), each
 * with the stock metrics now and the flow metrics of the period. Same errors as getTrend.
 */
export async function getComparison({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: StatsPeriodQuery;
}): Promise<StatsComparison> {
  checkPeriod(query);
  const org = await getStatsOrg(ctx, query.orgId);
  const sources = await availableSources(ctx.db);
  const shown = metrics.filter((m) => sources.has(m.source));
  const all = await repo.subtreeOrgs(ctx.db, org.path);
  const enterprises = all.filter((o) => o.kind === 'enterprise' && o.id !== org.id);
  const units = enterprises.length > 0 ? enterprises : all.filter((o) => o.parentId === org.id);
  const c = collector(ctx);
  const rows = [];
  for (const u of units) {
    const v = await metricsOf(ctx.db, u.path, u.id, query.from, query.to, sources, true);
    rows.push({
      key: String(u.id),
      label: u.name,
      values: shown.map((m) => v[m.key] ?? 0),
      links: shown.map((m) =>
        m.link && query.from === query.to
          ? m.link(u.id, query.to)
          : pageLink(P.dashboard, { orgId: u.id, year: query.to }),
      ),
    });
  }
  c.table({
    key: 'compare',
    title: { zh: '企业对比', en: 'Enterprise comparison' },
    unit: 'count',
    chart: 'bar',
    series: shown.map((m) => ({ key: m.key, label: m.label, unit: m.unit })),
    rows,
  });
  return {
    org: { id: org.id, name: org.name, kind: org.kind, path: org.path },
    from: query.from,
    to: query.to,
    table: c.tables[0]!,
    missing: missingOf(ctx, sources),
  };
}
