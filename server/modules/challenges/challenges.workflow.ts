import { and, eq, ne } from 'drizzle-orm';
import type { ChallengeActionBody } from '../../../common/schemas/challenges.js';
import type { ChallengeTransition } from '../../../common/workflows/challenge.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { conflict } from '../../core/errors.js';
import { recordStep as recordEngagementStep } from '../ideas/engagement.js';
import { projectRequests } from '../ideas/engagement.table.js';
import { convertRequest, createProjectRequest } from '../ideas/project-requests.js';
import { notify } from '../notifications/notifications.service.js';
import { closestAdmins, studioUserIds } from '../notifications/recipients.js';
import { addTodo, completeTodos } from '../notifications/todos.service.js';
import { awardPoints } from '../points/points.award.js';
import { studios } from '../studios/studios.table.js';
import { challengeErrors } from './challenges.errors.js';
import type { loadChallenge } from './challenges.service.js';
import { challengeBids, challenges } from './challenges.table.js';

type Loaded = Awaited<ReturnType<typeof loadChallenge>>;
type ChallengeRow = typeof challenges.$inferSelect;

/**
 * What each action does besides moving the status, all in one transaction:
 * - select: the chosen bid is selected and the others declined; the studio earns `challenge.selected`
 *   points and its leaders get a request (to-do) to open the project.
 * - start: the request becomes a project of the studio (projects module, source 揭榜, linked back).
 * - submit: the owner's admins get a to-do to accept.
 * - accept: the bounty record is released (when, how much, to whom) and the studio earns `challenge.solved`.
 * - rejectAcceptance: back to work, with the owner's opinion.
 * - cancel: open bids are declined and a pending project request is withdrawn.
 */
export async function applyTransition(
  ctx: Ctx,
  loaded: Loaded,
  t: ChallengeTransition,
  body: ChallengeActionBody,
) {
  const { row } = loaded;
  const c = row.c;
  const action = t.action;
  const note = body.note?.trim() || null;
  if ((action === 'accept' || action === 'rejectAcceptance') && !note) throw challengeErrors.noteRequired();
  let bid: typeof challengeBids.$inferSelect | undefined;
  if (action === 'select') {
    if (!body.bidId) throw challengeErrors.bidRequired();
    [bid] = await ctx.db
      .select()
      .from(challengeBids)
      .where(
        and(
          eq(challengeBids.id, body.bidId),
          eq(challengeBids.challengeId, c.id),
          eq(challengeBids.status, 'submitted'),
        ),
      );
    if (!bid) throw challengeErrors.bidNotFound();
  }
  const now = ctx.clock.now();
  const link = `/challenges/${c.id}`;
  await ctx.db.transaction(async (tx) => {
    const set: Partial<typeof challenges.$inferInsert> = { status: t.to };
    if (action === 'select') Object.assign(set, { selectedBidId: bid!.id, selectedStudioId: bid!.studioId });
    if (action === 'accept')
      Object.assign(set, {
        acceptanceNote: note,
        bountyReleasedAt: now.toISOString(),
        bountyReleasedFen: c.bountyFen,
      });
    if (action === 'rejectAcceptance') set.acceptanceNote = note;
    if (action === 'start') {
      const [req] = await tx
        .select()
        .from(projectRequests)
        .where(
          and(
            eq(projectRequests.source, 'challenge'),
            eq(projectRequests.sourceId, c.id),
            eq(projectRequests.status, 'pending'),
          ),
        );
      if (req)
        set.projectId = await convertRequest(tx, ctx, req, {
          plannedEnd: body.plannedEnd,
          challengeId: c.id,
        });
    }
    const [after] = await tx
      .update(challenges)
      .set({ ...set, version: body.version + 1, updatedAt: now.toISOString() })
      .where(and(eq(challenges.id, c.id), eq(challenges.version, body.version)))
      .returning();
    if (!after) throw conflict('conflict.stale');
    const stepNote = action === 'select' ? `选定揭榜方：${await studioName(tx, bid!.studioId)}` : note;
    await recordStep(tx, ctx, action, c, after, stepNote);
    const { searchText: _a, ...before } = c;
    const { searchText: _b, ...changed } = after;
    await recordAudit(tx, ctx, {
      action: `challenges.${action}`,
      entityType: 'challenge',
      entityId: c.id,
      orgId: c.ownerOrgId,
      orgPath: row.ownerPath,
      before,
      after: changed,
    });
    const studioId = after.selectedStudioId;
    const studioPeople = studioId ? await studioUserIds({ db: tx, studioIds: [studioId] }) : [];
    if (action === 'select') {
      await tx
        .update(challengeBids)
        .set({ status: 'selected', updatedAt: now.toISOString() })
        .where(eq(challengeBids.id, bid!.id));
      const declined = await tx
        .update(challengeBids)
        .set({ status: 'declined', updatedAt: now.toISOString() })
        .where(
          and(
            eq(challengeBids.challengeId, c.id),
            eq(challengeBids.status, 'submitted'),
            ne(challengeBids.id, bid!.id),
          ),
        )
        .returning({ studioId: challengeBids.studioId });
      const req = await createProjectRequest(tx, ctx, {
        source: 'challenge',
        sourceId: c.id,
        studioId: bid!.studioId,
        title: c.title,
        goal: c.description,
        field: c.field,
        orgPath: row.ownerPath,
      });
      await tx.update(challenges).set({ projectRequestId: req.id }).where(eq(challenges.id, c.id));
      await awardPoints({
        db: tx,
        ctx,
        studioId: bid!.studioId,
        event: 'challenge.selected',
        cause: { type: 'challenge', id: c.id },
      });
      await completeTodos({ db: tx, entityType: 'challenge', entityId: c.id, kind: 'challenge.select', now });
      await notify({
        db: tx,
        userIds: studioPeople,
        kind: 'challenges.selected',
        title: `揭榜入选：${c.title}`,
        body: '请确认立项，开始攻关。',
        link,
        now,
      });
      await notify({
        db: tx,
        userIds: await studioUserIds({
          db: tx,
          studioIds: declined.map((d) => d.studioId),
          leadersOnly: true,
        }),
        kind: 'challenges.declined',
        title: `揭榜未入选：${c.title}`,
        link,
        now,
      });
    }
    if (action === 'submit') {
      await addTodo({
        db: tx,
        userIds: [
          ...new Set([
            ...(await closestAdmins({ db: tx, orgPath: row.ownerPath })),
            ...(c.createdBy ? [c.createdBy] : []),
          ]),
        ],
        kind: 'challenge.accept',
        title: `验收揭榜攻关：${c.title}`,
        link,
        entityType: 'challenge',
        entityId: c.id,
        orgPath: row.ownerPath,
        dueAt: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
        now,
      });
    }
    if (action === 'accept' || action === 'rejectAcceptance' || action === 'cancel') {
      await completeTodos({ db: tx, entityType: 'challenge', entityId: c.id, now });
    }
    if (action === 'accept') {
      await awardPoints({
        db: tx,
        ctx,
        studioId: studioId!,
        event: 'challenge.solved',
        cause: { type: 'challenge', id: c.id },
      });
      await notify({
        db: tx,
        userIds: studioPeople,
        kind: 'challenges.accepted',
        title: `揭榜攻关通过验收：${c.title}`,
        body: note,
        link,
        now,
      });
    }
    if (action === 'rejectAcceptance') {
      await notify({
        db: tx,
        userIds: studioPeople,
        kind: 'challenges.rejected',
        title: `揭榜攻关验收未通过：${c.title}`,
        body: note,
        link,
        now,
      });
    }
    if (action === 'cancel') {
      await tx
        .update(challengeBids)
        .set({ status: 'declined', updatedAt: now.toISOString() })
        .where(and(eq(challengeBids.challengeId, c.id), eq(challengeBids.status, 'submitted')));
      const withdrawn = await tx
        .update(projectRequests)
        .set({ status: 'declined', updatedAt: now.toISOString() })
        .where(
          and(
            eq(projectRequests.source, 'challenge'),
            eq(projectRequests.sourceId, c.id),
            eq(projectRequests.status, 'pending'),
          ),
        )
        .returning({ id: projectRequests.id });
      for (const w of withdrawn)
        await completeTodos({ db: tx, entityType: 'projectRequest', entityId: w.id, now });
      await notify({
        db: tx,
        userIds: studioPeople,
        kind: 'challenges.cancelled',
        title: `榜单已撤销：${c.title}`,
        body: note,
        link,
        now,
      });
    }
  });
}

async function studioName(tx: Db, id: number) {
  const [s] = await tx.select({ name: studios.name }).from(studios).where(eq(studios.id, id));
  return s?.name ?? '';
}

async function recordStep(
  tx: Db,
  ctx: Ctx,
  action: string,
  before: ChallengeRow,
  after: ChallengeRow,
  note: string | null,
) {
  await recordEngagementStep(tx, ctx, {
    entityType: 'challenge',
    entityId: before.id,
    action,
    fromStatus: before.status,
    toStatus: after.status,
    note,
  });
}
