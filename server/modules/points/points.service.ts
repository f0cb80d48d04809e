import { and, asc, count, desc, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type {
  Leaderboard,
  LeaderboardQuery,
  PointCorrection,
  PointEntry,
  PointEntryQuery,
  PointRule,
  PointRuleUpdate,
} from '../../../common/schemas/points.js';
import { can, inScope, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, notFound, withCurrentOnStale } from '../../core/errors.js';
import { offsetOf, pageResult } from '../../core/pagination.js';
import { chinaDate, enterprisePrefixOf } from '../ideas/engagement.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { getStudioAccess } from '../studios/studios.access.js';
import { studios } from '../studios/studios.table.js';
import { pointErrors } from './points.errors.js';
import { pointEntries, pointRules } from './points.table.js';

type RuleRow = typeof pointRules.$inferSelect;
const toRule = (r: RuleRow): PointRule => ({
  id: r.id,
  event: r.event,
  label: r.label,
  subject: r.subject as PointRule['subject'],
  points: r.points,
  active: r.active,
  version: r.version,
  updatedAt: r.updatedAt,
});

/** Every points rule (everyone may see how points are earned). */
export async function listRules({ ctx }: { ctx: Ctx }): Promise<PointRule[]> {
  return (await ctx.db.select().from(pointRules).orderBy(asc(pointRules.id))).map(toRule);
}

/**
 * Changes a rule's points, label or active flag (group admin). Versioned: a stale version gets
 * conflict.stale; entries keep the rule version they were earned under. Audited with before/after.
 */
export async function updateRule({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: PointRuleUpdate;
}): Promise<PointRule> {
  const [before] = await ctx.db.select().from(pointRules).where(eq(pointRules.id, id));
  if (!before) throw pointErrors.ruleNotFound();
  const { version, ...set } = input;
  return withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const [row] = await tx
          .update(pointRules)
          .set({
            ...set,
            version: version + 1,
            updatedBy: ctx.actor.userId,
            updatedAt: ctx.clock.now().toISOString(),
          })
          .where(and(eq(pointRules.id, id), eq(pointRules.version, version)))
          .returning();
        if (!row) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: 'points.rule_update',
          entityType: 'point_rule',
          entityId: id,
          before,
          after: row,
        });
        return toRule(row);
      }),
    async () => toRule((await ctx.db.select().from(pointRules).where(eq(pointRules.id, id)))[0]!),
  );
}

const corrections = sql<number>`(SELECT coalesce(sum(c.points), 0) FROM point_entries c WHERE c.correction_of_id = ${pointEntries.id})`;
const entryColumns = {
  e: pointEntries,
  personName: people.name,
  studioName: studios.name,
  orgName: orgs.name,
  label: pointRules.label,
  corrections: sql<number>`${corrections}::int`,
};

async function selectEntries(ctx: Ctx, where: SQL | undefined, page?: { limit: number; offset: number }) {
  const q = ctx.db
    .select(entryColumns)
    .from(pointEntries)
    .innerJoin(orgs, eq(orgs.id, pointEntries.orgId))
    .leftJoin(people, eq(people.id, pointEntries.personId))
    .leftJoin(studios, eq(studios.id, pointEntries.studioId))
    .leftJoin(pointRules, eq(pointRules.id, pointEntries.ruleId))
    .where(where)
    .orderBy(desc(pointEntries.createdAt), desc(pointEntries.id));
  const rows = page ? await q.limit(page.limit).offset(page.offset) : await q;
  return rows.map((r): PointEntry => {
    const isCorrection = r.e.correctionOfId !== null;
    return {
      id: r.e.id,
      personId: r.e.personId,
      personName: r.personName,
      studioId: r.e.studioId,
      studioName: r.studioName,
      orgName: r.orgName,
      event: r.e.event,
      label: isCorrection ? '积分调整' : (r.label ?? r.e.event),
      points: r.e.points,
      causeType: r.e.causeType,
      causeId: r.e.causeId,
      note: r.e.note,
      correctionOfId: r.e.correctionOfId,
      netPoints: isCorrection ? r.e.points : r.e.points + Number(r.corrections),
      createdAt: r.e.createdAt,
      abilities: { correct: !isCorrection && can(ctx.actor, 'points.ledger', r.e.orgPath) },
    };
  });
}

/** The ledger in the actor's admin scope, filtered by person, studio or event. */
export async function findEntries({ ctx, query }: { ctx: Ctx; query: PointEntryQuery }) {
  const where = and(
    inScope(pointEntries.orgPath, scopeOf(ctx.actor, 'points.ledger')),
    query.personId ? eq(pointEntries.personId, query.personId) : undefined,
    query.studioId ? eq(pointEntries.studioId, query.studioId) : undefined,
    query.event ? eq(pointEntries.event, query.event) : undefined,
  );
  const [items, [total]] = await Promise.all([
    selectEntries(ctx, where, { limit: query.pageSize, offset: offsetOf(query) }),
    ctx.db.select({ n: count() }).from(pointEntries).where(where),
  ]);
  return pageResult(items, total?.n ?? 0, query);
}

async function totals(ctx: Ctx, subject: SQL) {
  const yearStart = `${chinaDate(ctx.clock.now()).slice(0, 4)}-01-01T00:00:00+08:00`;
  const [t] = await ctx.db
    .select({
      total: sql<number>`coalesce(sum(${pointEntries.points}), 0)::int`,
      thisYear: sql<number>`coalesce(sum(${pointEntries.points}) FILTER (WHERE ${pointEntries.createdAt} >= ${yearStart}), 0)::int`,
    })
    .from(pointEntries)
    .where(subject);
  return { total: Number(t?.total ?? 0), thisYear: Number(t?.thisYear ?? 0) };
}

/** The current user's points: totals and their latest 50 entries. */
export async function getMyPoints({ ctx }: { ctx: Ctx }) {
  const personId = ctx.actor.personId ?? -1;
  const subject = eq(pointEntries.personId, personId);
  return {
    ...(await totals(ctx, subject)),
    entries: await selectEntries(ctx, subject, { limit: 50, offset: 0 }),
  };
}

/** A studio's points, for anyone who may see the studio (studios.not_found otherwise). */
export async function getStudioPoints({ ctx, studioId }: { ctx: Ctx; studioId: number }) {
  await getStudioAccess({ ctx, id: studioId, need: 'read' });
  const subject = eq(pointEntries.studioId, studioId);
  return {
    ...(await totals(ctx, subject)),
    entries: await selectEntries(ctx, subject, { limit: 50, offset: 0 }),
  };
}

/**
 * Corrects an entry by appending a correction entry (the ledger is never changed): e.g. −10 to reverse
 * an adoption later found to be a duplicate. Only original entries may be corrected (points.not_correctable);
 * invisible entries are points.entry_not_found. Audited.
 */
export async function correctEntry({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: PointCorrection;
}): Promise<PointEntry> {
  const [orig] = await ctx.db
    .select()
    .from(pointEntries)
    .where(and(eq(pointEntries.id, id), inScope(pointEntries.orgPath, scopeOf(ctx.actor, 'points.ledger'))));
  if (!orig) throw pointErrors.entryNotFound();
  if (!can(ctx.actor, 'points.ledger', orig.orgPath)) throw forbidden();
  if (orig.correctionOfId !== null) throw pointErrors.notCorrectable();
  const entryId = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(pointEntries)
      .values({
        personId: orig.personId,
        studioId: orig.studioId,
        orgId: orig.orgId,
        orgPath: orig.orgPath,
        event: 'correction',
        points: input.points,
        causeType: orig.causeType,
        causeId: orig.causeId,
        note: input.reason,
        correctionOfId: orig.id,
        createdBy: ctx.actor.userId,
        createdAt: ctx.clock.now().toISOString(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'points.correct',
      entityType: 'point_entry',
      entityId: row!.id,
      orgId: orig.orgId,
      orgPath: orig.orgPath,
      before: orig,
      after: row,
    });
    return row!.id;
  });
  const [entry] = await selectEntries(ctx, eq(pointEntries.id, entryId));
  return entry!;
}

/** Where the actor may see leaderboards: their enterprises (the whole group for a grant on the group root). */
function boardScope(ctx: Ctx): string[] {
  const paths = [...new Set(ctx.actor.grants.map((g) => enterprisePrefixOf(g.orgPath)))].sort();
  return paths.filter((p, i) => !paths.slice(0, i).some((q) => p.startsWith(q)));
}

/** [from, to) of the period containing `at` (YYYY-MM-DD), in China time; nulls for all time. */
export function periodBounds(
  period: LeaderboardQuery['period'],
  at: string,
): { from: string | null; to: string | null } {
  if (period === 'all') return { from: null, to: null };
  const y = Number(at.slice(0, 4));
  const m = Number(at.slice(5, 7));
  const startMonth = period === 'year' ? 1 : period === 'quarter' ? Math.floor((m - 1) / 3) * 3 + 1 : m;
  const months = period === 'year' ? 12 : period === 'quarter' ? 3 : 1;
  const endIndex = y * 12 + (startMonth - 1) + months;
  const fmt = (yy: number, mm: number) => `${yy}-${String(mm).padStart(2, '0')}-01`;
  return { from: fmt(y, startMonth), to: fmt(Math.floor(endIndex / 12), (endIndex % 12) + 1) };
}

/**
 * Points leaderboard of persons, studios or enterprises for a month, quarter, year or all time, within the
 * actor's enterprises (the whole group for group-level users), or one enterprise. Corrections count in
 * the period they were made. Ties share a rank.
 */
export async function getLeaderboard({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: LeaderboardQuery;
}): Promise<Leaderboard> {
  let scope = boardScope(ctx);
  if (query.enterpriseId) {
    const [ent] = await ctx.db.select().from(orgs).where(eq(orgs.id, query.enterpriseId));
    const path = ent ? enterprisePrefixOf(ent.path) : null;
    if (!ent || !path || !scope.some((p) => path.startsWith(p))) throw notFound('orgs.not_found');
    scope = [path];
  }
  const { from, to } = periodBounds(query.period, query.at ?? chinaDate(ctx.clock.now()));
  const where = and(
    inScope(pointEntries.orgPath, scope),
    from ? sql`${pointEntries.createdAt} >= ${`${from}T00:00:00+08:00`}` : undefined,
    to ? sql`${pointEntries.createdAt} < ${`${to}T00:00:00+08:00`}` : undefined,
  );
  const sum = sql<number>`sum(${pointEntries.points})::int`;
  const n = sql<number>`count(*) FILTER (WHERE ${pointEntries.correctionOfId} IS NULL)::int`;
  const entPrefix = sql<string>`substring(${pointEntries.orgPath} from '^/[0-9]+/[0-9]+/')`;
  let rows: { id: number; name: string; points: number; entries: number; entPath: string | null }[];
  if (query.subject === 'enterprise') {
    rows = await ctx.db
      .select({ id: orgs.id, name: orgs.name, points: sum, entries: n, entPath: orgs.path })
      .from(pointEntries)
      .innerJoin(orgs, eq(orgs.path, entPrefix))
      .where(where)
      .groupBy(orgs.id, orgs.name, orgs.path)
      .orderBy(sql`2 DESC`, asc(orgs.id))
      .limit(query.limit);
    rows = rows.map((r) => ({ ...r, entPath: null }));
  } else {
    const subjectCol = query.subject === 'person' ? pointEntries.personId : pointEntries.studioId;
    const nameCol = query.subject === 'person' ? people.name : studios.name;
    const joined = ctx.db
      .select({
        id: sql<number>`${subjectCol}`,
        name: nameCol,
        points: sum,
        entries: n,
        entPath: sql<string>`max(${entPrefix})`,
      })
      .from(pointEntries);
    const withName =
      query.subject === 'person'
        ? joined.innerJoin(people, eq(people.id, pointEntries.personId))
        : joined.innerJoin(studios, eq(studios.id, pointEntries.studioId));
    rows = await withName
      .where(
        and(
          where,
          query.subject === 'person' ? isNull(pointEntries.studioId) : isNull(pointEntries.personId),
        ),
      )
      .groupBy(subjectCol, nameCol)
      .orderBy(sql`3 DESC`, asc(subjectCol))
      .limit(query.limit);
  }
  rows.sort((a, b) => Number(b.points) - Number(a.points) || a.id - b.id);
  const entPaths = [...new Set(rows.map((r) => r.entPath).filter((p): p is string => !!p))];
  const entNames = new Map(
    entPaths.length
      ? (
          await ctx.db
            .select({ path: orgs.path, name: orgs.name })
            .from(orgs)
            .where(inArray(orgs.path, entPaths))
        ).map((o) => [o.path, o.name])
      : [],
  );
  return {
    subject: query.subject,
    period: query.period,
    from,
    to,
    rows: rows.map((r) => ({
      rank: 1 + rows.filter((x) => Number(x.points) > Number(r.points)).length,
      id: Number(r.id),
      name: r.name,
      enterpriseName: r.entPath ? (entNames.get(r.entPath) ?? null) : null,
      points: Number(r.points),
      entries: Number(r.entries),
    })),
  };
}
