import { and, eq } from 'drizzle-orm';
import type { NamingLevel, StudioType } from '../../../common/enums.js';
import type { ApplicationDetail, Objection, PublicityItem } from '../../../common/schemas/applications.js';
import type { ApplicationState } from '../../../common/workflows/application.js';
import type { Ctx } from '../../core/context.js';
import { findMyAssignment } from '../rulebooks/reviews.service.js';
import { chinaToday } from '../rulebooks/rulebooks.service.js';
import { applicationErrors } from './applications.errors.js';
import { applicationRoles, canSeeApplication, publicityPhase, rootPathOf } from './applications.policy.js';
import * as repo from './applications.repository.js';
import { getApplication, type LoadedApplication, loadApplication, SUBJECT } from './applications.service.js';
import { applicationObjections } from './applications.table.js';
import { assertMove, recordStep } from './applications.workflow.js';

function toObjection(ctx: Ctx, o: typeof applicationObjections.$inferSelect, showFiler: boolean): Objection {
  return {
    id: o.id,
    content: o.content,
    filedByName: showFiler ? o.filedByName : null,
    filedAt: o.filedAt,
    mine: o.filedByUserId === ctx.actor.userId,
    status: o.status as Objection['status'],
    resolution: o.resolution,
    resolvedByName: o.resolvedByName,
    resolvedAt: o.resolvedAt,
  };
}

/**
 * Loads an application for objection filing: readers as usual, and during 公示 anyone within the
 * studio's group (公示 is public inside the group). Everyone else gets 404.
 */
async function loadForObjection(ctx: Ctx, id: number): Promise<LoadedApplication> {
  const j = await repo.findApplication({ db: ctx.db, id });
  if (!j) throw applicationErrors.notFound();
  const memberRole = await repo.memberRoleOf({
    db: ctx.db,
    studioId: j.studio.id,
    personId: ctx.actor.personId,
  });
  const roles = applicationRoles(ctx.actor, {
    orgPath: j.orgPath,
    leaderPersonId: j.studio.leaderPersonId,
    memberRole,
  });
  const assignment = await findMyAssignment({
    db: ctx.db,
    subjectType: SUBJECT,
    subjectId: id,
    userId: ctx.actor.userId,
  });
  const reader = canSeeApplication(j.app.state as ApplicationState, roles, {
    memberRole,
    assigned: assignment !== null,
  });
  const publicViewer = j.app.state === 'publicity' && roles.includes('groupMember');
  if (!reader && !publicViewer) throw applicationErrors.notFound();
  return { j, roles, memberRole, assignment };
}

/**
 * Files an objection (异议) during the publicity window; anyone logged in within the group may.
 * Throws applications.invalid_transition (409) outside 公示, applications.publicity_closed (409)
 * outside the window's dates. Recorded as a workflow step and audited.
 */
export async function fileObjection({
  ctx,
  id,
  content,
}: {
  ctx: Ctx;
  id: number;
  content: string;
}): Promise<Objection> {
  const l = await loadForObjection(ctx, id);
  const to = assertMove(l, 'fileObjection');
  const today = chinaToday(ctx.clock);
  if (publicityPhase(l.j.app.publicityStart, l.j.app.publicityEnd, today) !== 'open')
    throw applicationErrors.publicityClosed();
  return ctx.db.transaction(async (tx) => {
    const [o] = await tx
      .insert(applicationObjections)
      .values({
        applicationId: id,
        content,
        filedByUserId: ctx.actor.userId,
        filedByName: ctx.actor.name,
        filedAt: ctx.clock.now().toISOString(),
      })
      .returning();
    await recordStep({
      db: tx,
      ctx,
      l,
      action: 'fileObjection',
      to,
      opinion: content,
      after: { objectionId: o!.id, content },
    });
    return toObjection(ctx, o!, true);
  });
}

/**
 * Resolves an open objection with a written resolution (group admin, during 公示).
 * Throws applications.objection_not_found (404), applications.objection_resolved (409).
 */
export async function resolveObjection({
  ctx,
  id,
  objectionId,
  resolution,
}: {
  ctx: Ctx;
  id: number;
  objectionId: number;
  resolution: string;
}): Promise<ApplicationDetail> {
  const l = await loadApplication({ ctx, id });
  const to = assertMove(l, 'resolveObjection');
  const [o] = await ctx.db
    .select()
    .from(applicationObjections)
    .where(and(eq(applicationObjections.id, objectionId), eq(applicationObjections.applicationId, id)));
  if (!o) throw applicationErrors.objectionNotFound();
  if (o.status !== 'open') throw applicationErrors.objectionResolved();
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(applicationObjections)
      .set({
        status: 'resolved',
        resolution,
        resolvedByUserId: ctx.actor.userId,
        resolvedByName: ctx.actor.name,
        resolvedAt: ctx.clock.now().toISOString(),
      })
      .where(and(eq(applicationObjections.id, objectionId), eq(applicationObjections.status, 'open')))
      .returning();
    if (!row) throw applicationErrors.objectionResolved();
    await recordStep({
      db: tx,
      ctx,
      l,
      action: 'resolveObjection',
      to,
      opinion: resolution,
      before: { objectionId, status: 'open' },
      after: { objectionId, status: 'resolved', resolution },
    });
  });
  return getApplication({ ctx, id });
}

/** Applications under 公示 in the actor's group(s), with the actor's own objections. */
export async function findPublicity({ ctx }: { ctx: Ctx }): Promise<PublicityItem[]> {
  const roots = [...new Set(ctx.actor.grants.map((g) => rootPathOf(g.orgPath)))];
  const today = chinaToday(ctx.clock);
  const out: PublicityItem[] = [];
  for (const rootPath of roots) {
    for (const j of await repo.findInPublicity({ db: ctx.db, rootPath })) {
      const mine = (await repo.listObjections({ db: ctx.db, applicationId: j.app.id })).filter(
        (o) => o.filedByUserId === ctx.actor.userId,
      );
      out.push({
        id: j.app.id,
        studioId: j.studio.id,
        studioName: j.studio.name,
        studioType: j.studio.type as StudioType,
        hostOrgName: j.hostOrgName,
        leaderName: j.leaderName,
        level: j.app.level as NamingLevel,
        summary: j.app.materials.summary,
        publicityStart: j.app.publicityStart,
        publicityEnd: j.app.publicityEnd,
        phase: publicityPhase(j.app.publicityStart, j.app.publicityEnd, today),
        myObjections: mine.map((o) => toObjection(ctx, o, true)),
      });
    }
  }
  return out;
}
