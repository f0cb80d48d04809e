import { type NamingLevel, namingLevelLabels, studioTypeLabels, studioTypes } from '../../../common/enums.js';
import { activityKindLabels, activityKinds } from '../../../common/schemas/activities.js';
import {
  overviewListCap,
  type StatFigure,
  type StatsOverview,
  type StatsOverviewQuery,
  type StatTable,
  type StatUnit,
} from '../../../common/schemas/stats.js';
import { projectStatuses, projectStatusLabels } from '../../../common/workflows/project.js';
import { scopeOf } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { orgErrors } from '../orgs/orgs.errors.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import { listAtRisk } from '../studios/studios.at-risk.js';
import { localToday } from '../studios/studios.health.js';
import { cachedByGeneration } from './stats.cache.js';
import { listPages as P, pageLink } from './stats.links.js';
import * as repo from './stats.repository.js';
import { coverage, resultFigures } from './stats.sections.js';
import { availableSources, type StatSource, statSources } from './stats.sources.js';
import { yearSpan } from './stats.sql.js';

type Label = { zh: string; en: string };

/** The org a statistic is about: it must lie in the actor's stats.read scope, else orgs.not_found (404). */
export async function getStatsOrg(ctx: Ctx, orgId: number) {
  const row = await orgsRepo.findOrgInScope({
    db: ctx.db,
    scope: scopeOf(ctx.actor, 'stats.read'),
    id: orgId,
  });
  if (!row || row.archivedAt) throw orgErrors.notFound();
  return row;
}

/** The current year in China (the union's calendar). */
export function currentYear(ctx: Ctx): number {
  return Number(localToday(ctx.clock).slice(0, 4));
}

/** Collects figures and tables in the request's language. */
export function collector(ctx: Ctx) {
  const figures: StatFigure[] = [];
  const tables: StatTable[] = [];
  const l = (label: Label) => label[ctx.lang];
  return {
    figures,
    tables,
    l,
    fig(key: string, label: Label, value: number, unit: StatUnit, link: string | null) {
      figures.push({ key, label: l(label), value, unit, link });
    },
    table(
      t: Omit<StatTable, 'title' | 'series'> & {
        title: Label;
        series: { key: string; label: Label; unit?: StatUnit }[];
      },
    ) {
      tables.push({ ...t, title: l(t.title), series: t.series.map((s) => ({ ...s, label: l(s.label) })) });
    },
  };
}

const studioSeries = [
  { key: 'named', label: { zh: '已命名', en: 'Named' } },
  { key: 'rectifying', label: { zh: '整改中', en: 'Rectifying' } },
  { key: 'cultivating', label: { zh: '培育中', en: 'Cultivating' } },
];

/**
 * The dashboard of one org node for one year: studios, coverage, results, patents, projects, verified benefit,
 * activities and training, mentoring, ideas and studios at risk. Each figure carries the URL of the list behind
 * it. A source module not installed yet leaves its figures out and is named in `missing`.
 * Throws orgs.not_found (404) for an org outside the actor's stats.read scope.
 */
export async function getOverview({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: StatsOverviewQuery;
}): Promise<StatsOverview> {
  const org = await getStatsOrg(ctx, query.orgId);
  const year = query.year ?? currentYear(ctx);
  // Reused until any data the dashboard reads changes (see stats.cache.ts); the date keys the at-risk list.
  const key = `overview:${org.id}:${year}:${ctx.lang}:${localToday(ctx.clock)}`;
  // One that took over 3 s to compute (a province or the nation) is served as computed (its asOf says
  // when) while the next one is computed in the background.
  return cachedByGeneration(ctx.db, key, () => overviewOf(ctx, org, year), { staleWhenSlowerThanMs: 3000 });
}

async function overviewOf(
  ctx: Ctx,
  org: Awaited<ReturnType<typeof getStatsOrg>>,
  year: number,
): Promise<StatsOverview> {
  const span = yearSpan(year);
  const sources = await availableSources(ctx.db);
  const c = collector(ctx);
  const { fig, table, l } = c;
  const orgId = org.id;
  const path = org.path;
  const out: StatsOverview = {
    org: { id: org.id, name: org.name, kind: org.kind, path: org.path },
    year,
    asOf: ctx.clock.now().toISOString(),
    figures: c.figures,
    tables: c.tables,
    namedStudios: [],
    cultivatingStudios: [],
    atRisk: null,
    atRiskTotal: 0,
    gaps: { enterprises: [], workshops: [], enterprisesTotal: 0, workshopsTotal: 0 },
    missing: (Object.keys(statSources) as StatSource[])
      .filter((s) => !sources.has(s))
      .map((s) => ({ source: s, label: l(statSources[s].label) })),
  };

  if (sources.has('studios')) {
    const byTS = await repo.studiosByTypeStatus(ctx.db, path);
    const n = (type: string | null, status: string) =>
      byTS
        .filter((r) => (type === null || r.type === type) && r.status === status)
        .reduce((s, r) => s + r.n, 0);
    for (const s of studioSeries)
      fig(
        `studios.${s.key}`,
        s.label,
        n(null, s.key),
        'count',
        pageLink(P.studios, { orgId, status: s.key }),
      );
    table({
      key: 'studiosByType',
      title: { zh: '工作室（按类型）', en: 'Studios by type' },
      unit: 'count',
      chart: 'bar',
      series: studioSeries,
      rows: studioTypes.map((t) => ({
        key: t,
        label: l(studioTypeLabels[t]),
        values: studioSeries.map((s) => n(t, s.key)),
        links: studioSeries.map((s) => pageLink(P.studios, { orgId, type: t, status: s.key })),
      })),
    });
    const byLevel = await repo.studiosByLevel(ctx.db, path);
    table({
      key: 'studiosByLevel',
      title: { zh: '已命名工作室（按命名级别）', en: 'Named studios by level' },
      unit: 'count',
      chart: 'pie',
      series: [{ key: 'count', label: { zh: '工作室数', en: 'Studios' } }],
      rows: byLevel
        .filter((r) => r.level !== null)
        .sort((a, b) => namingLevelIndex(a.level) - namingLevelIndex(b.level))
        .map((r) => ({
          key: r.level!,
          label: l(namingLevelLabels[r.level as NamingLevel] ?? { zh: r.level!, en: r.level! }),
          values: [r.n],
          links: [pageLink(P.studios, { orgId, level: r.level })],
        })),
    });
    const active = await repo.activeStudios(ctx.db, path);
    out.namedStudios = active
      .filter((s) => s.status !== 'cultivating')
      .slice(0, overviewListCap)
      .map((s) => ({ id: s.id, name: s.name, level: s.level }));
    out.cultivatingStudios = active
      .filter((s) => s.status === 'cultivating')
      .slice(0, overviewListCap)
      .map((s) => ({ id: s.id, name: s.name }));
    await coverage(ctx, c, out, active);
    const atRisk = await listAtRisk({ db: ctx.db, clock: ctx.clock, scope: [path] });
    out.atRiskTotal = atRisk.length;
    out.atRisk = atRisk.slice(0, overviewListCap).map((x) => ({
      id: x.row.studio.id,
      code: x.row.studio.code,
      name: x.row.studio.name,
      hostOrgName: x.row.hostOrgName,
      lastSignalOn: x.health.lastSignalOn ?? null,
    }));
    fig(
      'studios.atRisk',
      { zh: '风险工作室', en: 'Studios at risk' },
      atRisk.length,
      'count',
      pageLink(P.atRisk, { orgId }),
    );
  }
  if (sources.has('namings')) {
    const n = await repo.studiosNamedIn(ctx.db, path, span);
    fig('studios.namedInYear', { zh: '本年新命名', en: 'Newly named this year' }, n, 'count', null);
  }
  if (sources.has('results')) await resultFigures(ctx, c, orgId, path, year);
  if (sources.has('projects')) {
    const rows = await repo.projectsByStatus(ctx.db, path, year, year);
    const n = (s: string) => rows.find((r) => r.status === s)?.n ?? 0;
    fig(
      'projects.total',
      { zh: '攻关课题', en: 'Projects' },
      rows.reduce((s, r) => s + r.n, 0),
      'items',
      pageLink(P.projects, { orgId, year }),
    );
    fig(
      'projects.approvedInYear',
      { zh: '本年立项', en: 'Approved this year' },
      await repo.projectsApprovedIn(ctx.db, path, span),
      'items',
      null,
    );
    table({
      key: 'projectsByStatus',
      title: { zh: '攻关课题（按状态）', en: 'Projects by status' },
      unit: 'items',
      chart: 'bar',
      series: [{ key: 'count', label: { zh: '课题数', en: 'Projects' } }],
      rows: projectStatuses.map((s) => ({
        key: s,
        label: l(projectStatusLabels[s]),
        values: [n(s)],
        links: [pageLink(P.projects, { orgId, year, status: s })],
      })),
    });
  }
  if (sources.has('benefits')) {
    const fen = await repo.verifiedBenefit(ctx.db, path, span);
    fig(
      'benefit.verified',
      { zh: '经核定经济效益', en: 'Verified benefit' },
      fen,
      'fen',
      pageLink(P.benefits, { orgId, status: 'verified', year }),
    );
  }
  if (sources.has('activities')) {
    const rows = await repo.activitiesByKind(ctx.db, path, span);
    const n = (k: string) => rows.find((r) => r.kind === k)?.n ?? 0;
    const range = { orgId, from: span.start, to: span.end };
    fig(
      'activities.total',
      { zh: '活动', en: 'Activities' },
      rows.reduce((s, r) => s + r.n, 0),
      'times',
      pageLink(P.activities, range),
    );
    table({
      key: 'activitiesByKind',
      title: { zh: '活动（按类型）', en: 'Activities by kind' },
      unit: 'times',
      chart: 'bar',
      series: [{ key: 'count', label: { zh: '次数', en: 'Times' } }],
      rows: activityKinds.map((k) => ({
        key: k,
        label: l(activityKindLabels[k]),
        values: [n(k)],
        links: [pageLink(P.activities, { ...range, kind: k })],
      })),
    });
    const t = await repo.training(ctx.db, path, span);
    const tl = pageLink(P.activities, { ...range, kind: 'training' });
    fig('training.sessions', { zh: '培训场次', en: 'Training sessions' }, t.sessions, 'times', tl);
    fig('training.hours', { zh: '培训学时', en: 'Training hours' }, t.hours, 'hours', tl);
    fig('training.people', { zh: '培训人数', en: 'People trained' }, t.people, 'people', tl);
    fig('training.personHours', { zh: '培训人·学时', en: 'Trainee hours' }, t.personHours, 'hours', tl);
  }
  if (sources.has('mentorships')) {
    const m = await repo.mentorships(ctx.db, path, span);
    fig(
      'mentorships.started',
      { zh: '本年新签师徒', en: 'Agreements started' },
      m.started,
      'items',
      pageLink(P.mentorships, { orgId, startedFrom: span.start, startedTo: span.end }),
    );
    fig(
      'mentorships.active',
      { zh: '在带师徒', en: 'Active agreements' },
      m.active,
      'items',
      pageLink(P.mentorships, { orgId, status: 'active' }),
    );
    fig(
      'mentorships.completed',
      { zh: '本年出师', en: 'Completed this year' },
      m.completed,
      'people',
      pageLink(P.mentorships, { orgId, status: 'completed', from: span.start, to: span.end }),
    );
  }
  if (sources.has('ideas')) {
    const i = await repo.ideas(ctx.db, path, span);
    const range = { orgId, from: span.start, to: span.end };
    fig(
      'ideas.submitted',
      { zh: '金点子提交', en: 'Ideas submitted' },
      i.submitted,
      'items',
      pageLink(P.ideas, range),
    );
    fig(
      'ideas.answeredOnTime',
      { zh: '按期答复', en: 'Answered on time' },
      i.onTime,
      'items',
      pageLink(P.ideas, { ...range, answeredOnTime: 'true' }),
    );
    fig(
      'ideas.adopted',
      { zh: '采纳', en: 'Adopted' },
      i.adopted,
      'items',
      pageLink(P.ideas, { ...range, adopted: 'true' }),
    );
  }
  return out;
}

function namingLevelIndex(level: string | null): number {
  const order = ['enterprise', 'group', 'city', 'province', 'provinceDemo', 'national'];
  const i = order.indexOf(level ?? '');
  return i < 0 ? 99 : i;
}
