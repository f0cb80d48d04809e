import { and, asc, count, desc, eq, ilike, isNull, or, type SQL, sql } from 'drizzle-orm';
import type { NamingLevel } from '../../../common/enums.js';
import type { Page } from '../../../common/schemas/shared.js';
import type {
  ShowcaseListQuery,
  ShowcaseResultSettings,
  ShowcaseStudioSettings,
  ShowcaseStudioUpdate,
} from '../../../common/schemas/showcase.js';
import { inScope } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { likeText, offsetOf, pageResult } from '../../core/pagination.js';
import { orgs } from '../orgs/orgs.table.js';
import { results } from '../results/results.table.js';
import { getStudioAccess } from '../studios/studios.access.js';
import { studios } from '../studios/studios.table.js';
import { resultIsPublic } from './showcase.repository.js';
import { showcaseResults, showcaseStudios } from './showcase.table.js';

/** Studios the actor manages: hosted under their admin grants, or led by them. Agrees with getStudioAccess 'manage'. */
function managedStudios(ctx: Ctx): SQL {
  const admin = ctx.actor.grants
    .filter((g) => g.role === 'group_admin' || g.role === 'enterprise_admin')
    .map((g) => g.orgPath);
  const parts: SQL[] = [inScope(orgs.path, admin)];
  if (ctx.actor.personId !== null)
    parts.push(
      sql`${studios.id} IN (SELECT studio_id FROM studio_members WHERE person_id = ${ctx.actor.personId} AND role = 'leader' AND left_on IS NULL)`,
    );
  return or(...parts)!;
}

const currentPlaque = sql<
  string | null
>`(SELECT n.plaque_no FROM studio_namings n WHERE n.studio_id = ${studios.id} AND n.revoked_on IS NULL
  AND n.archived_at IS NULL AND n.plaque_no IS NOT NULL ORDER BY n.named_on DESC, n.id DESC LIMIT 1)`;

const studioSettingsColumns = {
  studioId: studios.id,
  studioName: studios.name,
  status: studios.status,
  level: studios.currentLevel,
  plaqueNo: currentPlaque,
  published: sql<boolean>`coalesce(${showcaseStudios.published}, false)`,
  story: showcaseStudios.story,
  publishedAt: showcaseStudios.publishedAt,
  version: sql<number>`coalesce(${showcaseStudios.version}, 0)`.mapWith(Number),
};

const toStudioSettings = (r: {
  level: string | null;
  published: boolean;
  [k: string]: unknown;
}): ShowcaseStudioSettings => ({ ...(r as ShowcaseStudioSettings), level: r.level as NamingLevel | null });

/** The studios the actor manages with their showcase settings (for the 展示与牌匾 page). */
export async function findStudioSettings({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: ShowcaseListQuery;
}): Promise<Page<ShowcaseStudioSettings>> {
  const where = and(
    managedStudios(ctx),
    isNull(studios.archivedAt),
    query.q ? ilike(studios.name, likeText(query.q)) : undefined,
  );
  const base = <T extends Record<string, unknown>>(cols: T) =>
    ctx.db
      .select(cols as never)
      .from(studios)
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .leftJoin(showcaseStudios, eq(showcaseStudios.studioId, studios.id));
  const [rows, [total]] = await Promise.all([
    base(studioSettingsColumns)
      .where(where)
      .orderBy(asc(studios.name), asc(studios.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    base({ n: count() }).where(where),
  ]);
  return pageResult(
    (rows as Parameters<typeof toStudioSettings>[0][]).map(toStudioSettings),
    (total as { n: number } | undefined)?.n ?? 0,
    query,
  );
}

async function studioSettings(ctx: Ctx, id: number): Promise<ShowcaseStudioSettings> {
  const [row] = await ctx.db
    .select(studioSettingsColumns)
    .from(studios)
    .leftJoin(showcaseStudios, eq(showcaseStudios.studioId, studios.id))
    .where(eq(studios.id, id));
  if (!row) throw new AppError('studios.not_found', 404);
  return toStudioSettings(row);
}

/** A studio's showcase settings; 404 when the actor may not see it, 403 when they may not manage it. */
export async function getStudioSettings({ ctx, id }: { ctx: Ctx; id: number }) {
  await getStudioAccess({ ctx, id, need: 'manage' });
  return studioSettings(ctx, id);
}

/**
 * Publishes (or withdraws) a studio on the showcase and sets its story. Admins over the studio and its
 * leader may; a stale version is conflict.stale (409). Audited.
 */
export async function updateStudioSettings({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ShowcaseStudioUpdate;
}) {
  const access = await getStudioAccess({ ctx, id, need: 'manage' });
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(showcaseStudios)
      .where(eq(showcaseStudios.studioId, id))
      .for('update');
    if ((before?.version ?? 0) !== input.version) throw new AppError('conflict.stale', 409);
    const values = {
      published: input.published,
      story: input.story === undefined ? (before?.story ?? null) : input.story,
      publishedAt: input.published ? (before?.published ? before.publishedAt : now) : null,
      updatedBy: ctx.actor.userId,
      version: input.version + 1,
      updatedAt: now,
    };
    const [after] = before
      ? await tx.update(showcaseStudios).set(values).where(eq(showcaseStudios.studioId, id)).returning()
      : await tx
          .insert(showcaseStudios)
          .values({ studioId: id, ...values })
          .returning();
    await recordAudit(tx, ctx, {
      action: input.published ? 'showcase.publish_studio' : 'showcase.withdraw_studio',
      entityType: 'studio',
      entityId: id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      before: before ?? null,
      after,
    });
  });
  return studioSettings(ctx, id);
}

const resultSettingsColumns = {
  resultId: results.id,
  title: results.title,
  kind: results.kind,
  studioId: studios.id,
  studioName: studios.name,
  status: results.status,
  confidential: results.confidential,
  published: sql<boolean>`coalesce(${showcaseResults.published}, false)`,
  visible: sql<boolean>`coalesce(${resultIsPublic}, false)`,
  version: sql<number>`coalesce(${showcaseResults.version}, 0)`.mapWith(Number),
};

function resultBase<T extends Record<string, unknown>>(ctx: Ctx, cols: T) {
  return ctx.db
    .select(cols as never)
    .from(results)
    .innerJoin(studios, eq(studios.id, results.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .leftJoin(showcaseStudios, eq(showcaseStudios.studioId, studios.id))
    .leftJoin(showcaseResults, eq(showcaseResults.resultId, results.id));
}

/** Recognised results of the studios the actor manages, with whether each is marked public and shown. */
export async function findResultSettings({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: ShowcaseListQuery;
}): Promise<Page<ShowcaseResultSettings>> {
  const where = and(
    managedStudios(ctx),
    eq(results.status, 'recognised'),
    isNull(results.archivedAt),
    query.q ? or(ilike(results.title, likeText(query.q)), ilike(studios.name, likeText(query.q))) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    resultBase(ctx, resultSettingsColumns)
      .where(where)
      .orderBy(sql`${results.recognisedOn} DESC NULLS LAST`, desc(results.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    resultBase(ctx, { n: count() }).where(where),
  ]);
  return pageResult(rows as ShowcaseResultSettings[], (total as { n: number } | undefined)?.n ?? 0, query);
}

/**
 * Marks a result public (or not). Needs 'manage' on its studio; a confidential result is refused with
 * showcase.confidential (409). The mark shows the result only once it is recognised and its studio published.
 */
export async function updateResultSettings({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: { published: boolean; version: number };
}): Promise<ShowcaseResultSettings> {
  const [r] = await ctx.db
    .select({ studioId: results.studioId, confidential: results.confidential })
    .from(results)
    .where(eq(results.id, id));
  if (!r) throw new AppError('results.not_found', 404);
  let access: Awaited<ReturnType<typeof getStudioAccess>>;
  try {
    access = await getStudioAccess({ ctx, id: r.studioId, need: 'manage' });
  } catch (e) {
    if (e instanceof AppError && e.status === 404) throw new AppError('results.not_found', 404);
    throw e;
  }
  if (input.published && r.confidential) throw new AppError('showcase.confidential', 409);
  const now = ctx.clock.now().toISOString();
  await ctx.db.transaction(async (tx) => {
    const [before] = await tx
      .select()
      .from(showcaseResults)
      .where(eq(showcaseResults.resultId, id))
      .for('update');
    if ((before?.version ?? 0) !== input.version) throw new AppError('conflict.stale', 409);
    const values = {
      published: input.published,
      publishedAt: input.published ? (before?.published ? before.publishedAt : now) : null,
      updatedBy: ctx.actor.userId,
      version: input.version + 1,
      updatedAt: now,
    };
    const [after] = before
      ? await tx.update(showcaseResults).set(values).where(eq(showcaseResults.resultId, id)).returning()
      : await tx
          .insert(showcaseResults)
          .values({ resultId: id, ...values })
          .returning();
    await recordAudit(tx, ctx, {
      action: input.published ? 'showcase.publish_result' : 'showcase.withdraw_result',
      entityType: 'result',
      entityId: id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      before: before ?? null,
      after,
    });
  });
  const [row] = await resultBase(ctx, resultSettingsColumns).where(eq(results.id, id));
  return row as unknown as ShowcaseResultSettings;
}
