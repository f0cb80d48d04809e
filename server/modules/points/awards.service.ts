import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { Award, AwardCreate, AwardQuery } from '../../../common/schemas/points.js';
import { can, inScope, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, withCurrentOnStale } from '../../core/errors.js';
import { offsetOf, pageResult } from '../../core/pagination.js';
import { groupRootsOf } from '../ideas/engagement.js';
import { notify } from '../notifications/notifications.service.js';
import { studioUserIds, userIdOfPerson } from '../notifications/recipients.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';
import { awardPoints } from './points.award.js';
import { pointErrors } from './points.errors.js';
import { awards, pointEntries } from './points.table.js';

const columns = {
  a: awards,
  orgName: orgs.name,
  orgPath: orgs.path,
  personName: people.name,
  studioName: studios.name,
};
type Joined = {
  a: typeof awards.$inferSelect;
  orgName: string;
  orgPath: string;
  personName: string | null;
  studioName: string | null;
};

function toAward(ctx: Ctx, r: Joined): Award {
  const manage = can(ctx.actor, 'awards.manage', r.orgPath);
  return {
    id: r.a.id,
    title: r.a.title,
    year: r.a.year,
    subject: r.a.subject as Award['subject'],
    personId: r.a.personId,
    studioId: r.a.studioId,
    winnerName: r.personName ?? r.studioName ?? '',
    orgName: r.orgName,
    citation: r.a.citation,
    awardedOn: r.a.awardedOn,
    archivedAt: r.a.archivedAt,
    version: r.a.version,
    abilities: { archive: manage && !r.a.archivedAt, restore: manage && !!r.a.archivedAt },
  };
}

function base(ctx: Ctx) {
  return ctx.db
    .select(columns)
    .from(awards)
    .innerJoin(orgs, eq(orgs.id, awards.orgId))
    .leftJoin(people, eq(people.id, awards.personId))
    .leftJoin(studios, eq(studios.id, awards.studioId));
}

/** Awards of the actor's group (an honour roll everyone in the group may read), newest first. */
export async function findAwards({ ctx, query }: { ctx: Ctx; query: AwardQuery }) {
  const where = and(
    inScope(orgs.path, groupRootsOf(ctx.actor)),
    query.includeArchived === 'true' ? undefined : isNull(awards.archivedAt),
    query.year ? eq(awards.year, query.year) : undefined,
  );
  const [rows, [total]] = await Promise.all([
    base(ctx)
      .where(where)
      .orderBy(desc(awards.awardedOn), desc(awards.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db.select({ n: count() }).from(awards).innerJoin(orgs, eq(orgs.id, awards.orgId)).where(where),
  ]);
  return pageResult(
    rows.map((r) => toAward(ctx, r)),
    total?.n ?? 0,
    query,
  );
}

async function getJoined(ctx: Ctx, id: number) {
  const [r] = await base(ctx).where(and(eq(awards.id, id), inScope(orgs.path, groupRootsOf(ctx.actor))));
  if (!r) throw pointErrors.awardNotFound();
  return r;
}

/**
 * Grants an award (评优) with its citation to a person or studio inside the actor's scope, credits the
 * rule's points (award.person / award.studio) and tells the winner. Audited.
 */
export async function createAward({ ctx, input }: { ctx: Ctx; input: AwardCreate }): Promise<Award> {
  const scope = scopeOf(ctx.actor, 'awards.manage');
  const [winner] = input.personId
    ? await ctx.db
        .select({ orgId: orgs.id, path: orgs.path })
        .from(people)
        .innerJoin(orgs, eq(orgs.id, people.orgId))
        .where(and(eq(people.id, input.personId), isNull(people.archivedAt)))
    : await ctx.db
        .select({ orgId: orgs.id, path: orgs.path })
        .from(studios)
        .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
        .where(and(eq(studios.id, input.studioId!), isNull(studios.archivedAt)));
  if (!winner || !scope.some((p) => winner.path.startsWith(p)))
    throw pointErrors.winnerInvalid(input.personId ? 'personId' : 'studioId');
  const id = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now();
    const [row] = await tx
      .insert(awards)
      .values({
        title: input.title,
        year: input.year,
        subject: input.personId ? 'person' : 'studio',
        personId: input.personId ?? null,
        studioId: input.studioId ?? null,
        orgId: winner.orgId,
        citation: input.citation,
        awardedOn: input.awardedOn,
        createdBy: ctx.actor.userId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'awards.create',
      entityType: 'award',
      entityId: row!.id,
      orgId: winner.orgId,
      orgPath: winner.path,
      after: row,
    });
    await awardPoints({
      db: tx,
      ctx,
      personId: input.personId,
      studioId: input.studioId,
      event: input.personId ? 'award.person' : 'award.studio',
      cause: { type: 'award', id: row!.id },
      note: input.title,
    });
    const userIds = input.personId
      ? [await userIdOfPerson({ db: tx, personId: input.personId })].filter((u): u is number => u !== null)
      : await studioUserIds({ db: tx, studioIds: [input.studioId!] });
    await notify({
      db: tx,
      userIds,
      kind: 'awards.granted',
      title: `恭喜获评：${input.title}`,
      body: input.citation,
      link: '/points/awards',
      now,
    });
    return row!.id;
  });
  return toAward(ctx, await getJoined(ctx, id));
}

/**
 * Archives (withdraws) or restores an award. Its points are never deleted: withdrawing appends a
 * correction reversing them, restoring appends one re-crediting them. Audited; stale version → 409.
 */
export async function setAwardArchived({
  ctx,
  id,
  version,
  archived,
}: {
  ctx: Ctx;
  id: number;
  version: number;
  archived: boolean;
}) {
  const before = await getJoined(ctx, id);
  if (!can(ctx.actor, 'awards.manage', before.orgPath)) throw forbidden();
  if (!!before.a.archivedAt === archived) throw conflict('conflict.stale', { current: toAward(ctx, before) });
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now().toISOString();
        const [row] = await tx
          .update(awards)
          .set({ archivedAt: archived ? now : null, version: version + 1, updatedAt: now })
          .where(and(eq(awards.id, id), eq(awards.version, version)))
          .returning();
        if (!row) throw conflict('conflict.stale');
        const [orig] = await tx
          .select()
          .from(pointEntries)
          .where(
            and(
              eq(pointEntries.causeType, 'award'),
              eq(pointEntries.causeId, id),
              isNull(pointEntries.correctionOfId),
            ),
          );
        if (orig) {
          await tx.insert(pointEntries).values({
            personId: orig.personId,
            studioId: orig.studioId,
            orgId: orig.orgId,
            orgPath: orig.orgPath,
            event: 'correction',
            points: archived ? -orig.points : orig.points,
            causeType: 'award',
            causeId: id,
            note: archived ? `撤销评优：${row.title}` : `恢复评优：${row.title}`,
            correctionOfId: orig.id,
            createdBy: ctx.actor.userId,
            createdAt: now,
          });
        }
        await recordAudit(tx, ctx, {
          action: archived ? 'awards.archive' : 'awards.restore',
          entityType: 'award',
          entityId: id,
          orgId: row.orgId,
          orgPath: before.orgPath,
          before: { archivedAt: before.a.archivedAt },
          after: { archivedAt: row.archivedAt },
        });
      }),
    async () => toAward(ctx, await getJoined(ctx, id)),
  );
  return toAward(ctx, await getJoined(ctx, id));
}
