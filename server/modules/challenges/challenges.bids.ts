import { and, eq } from 'drizzle-orm';
import type { BidCreate, ChallengeDetail } from '../../../common/schemas/challenges.js';
import { challengeOpenStatuses } from '../../../common/workflows/challenge.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { mapUniqueViolation } from '../../core/errors.js';
import { chinaDate, groupRootOf, recordStep } from '../ideas/engagement.js';
import { notify } from '../notifications/notifications.service.js';
import { closestAdmins } from '../notifications/recipients.js';
import { addTodo } from '../notifications/todos.service.js';
import { getStudioAccess } from '../studios/studios.access.js';
import { challengeErrors } from './challenges.errors.js';
import { getChallenge, loadChallenge } from './challenges.service.js';
import { challengeBids } from './challenges.table.js';

/**
 * A studio bids (揭榜) on an open challenge of its group, before the deadline, with a proposal. The
 * caller must manage the studio (its leader or an admin over it). One live bid per studio. The owner's
 * admins get a to-do to select a bid, due a week after the deadline.
 */
export async function createBid({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: BidCreate;
}): Promise<ChallengeDetail> {
  const { row } = await loadChallenge(ctx, id);
  const c = row.c;
  const today = chinaDate(ctx.clock.now());
  if (!challengeOpenStatuses.includes(c.status as never) || c.deadline < today)
    throw challengeErrors.notOpen();
  const access = await getStudioAccess({ ctx, id: input.studioId, need: 'manage' });
  const studio = access.studio;
  if (
    groupRootOf(access.orgPath) !== groupRootOf(row.ownerPath) ||
    studio.archivedAt ||
    ['revoked', 'merged'].includes(studio.status)
  )
    throw challengeErrors.studioNotEligible();
  const now = ctx.clock.now();
  await ctx.db.transaction(async (tx) => {
    const [bid] = await tx
      .insert(challengeBids)
      .values({
        challengeId: id,
        studioId: input.studioId,
        proposal: input.proposal,
        plan: input.plan ?? null,
        expectedDays: input.expectedDays ?? null,
        submittedBy: ctx.actor.userId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning()
      .catch((e) => mapUniqueViolation(e, { challenge_bids_active_key: challengeErrors.bidExists }));
    await recordStep(tx, ctx, {
      entityType: 'challenge',
      entityId: id,
      action: 'bid',
      note: `${studio.name} 揭榜`,
    });
    await recordAudit(tx, ctx, {
      action: 'challenges.bid',
      entityType: 'challenge_bid',
      entityId: bid!.id,
      orgId: c.ownerOrgId,
      orgPath: row.ownerPath,
      after: bid,
    });
    const owners = [
      ...new Set([
        ...(await closestAdmins({ db: tx, orgPath: row.ownerPath })),
        ...(c.createdBy ? [c.createdBy] : []),
      ]),
    ];
    await addTodo({
      db: tx,
      userIds: owners,
      kind: 'challenge.select',
      title: `选定揭榜方：${c.title}`,
      body: `揭榜截止 ${c.deadline}，请在截止后一周内选定。`,
      link: `/challenges/${id}`,
      entityType: 'challenge',
      entityId: id,
      orgPath: row.ownerPath,
      dueAt: new Date(new Date(`${c.deadline}T23:59:59+08:00`).getTime() + 7 * 86_400_000).toISOString(),
      now,
    });
    await notify({
      db: tx,
      userIds: owners,
      kind: 'challenges.bid',
      title: `${studio.name} 揭榜：${c.title}`,
      link: `/challenges/${id}`,
      now,
    });
  });
  return getChallenge({ ctx, id });
}

/** Withdraws a studio's bid while the challenge is open (the studio's leader or an admin over it). */
export async function withdrawBid({
  ctx,
  id,
  bidId,
}: {
  ctx: Ctx;
  id: number;
  bidId: number;
}): Promise<ChallengeDetail> {
  const { row } = await loadChallenge(ctx, id);
  const [bid] = await ctx.db
    .select()
    .from(challengeBids)
    .where(and(eq(challengeBids.id, bidId), eq(challengeBids.challengeId, id)));
  if (!bid || bid.status === 'withdrawn') throw challengeErrors.bidNotFound();
  await getStudioAccess({ ctx, id: bid.studioId, need: 'manage' }).catch((e) => {
    throw e?.status === 404 ? challengeErrors.bidNotFound() : e;
  });
  if (!challengeOpenStatuses.includes(row.c.status as never) || bid.status !== 'submitted')
    throw challengeErrors.notOpen();
  await ctx.db.transaction(async (tx) => {
    const [after] = await tx
      .update(challengeBids)
      .set({ status: 'withdrawn', version: bid.version + 1, updatedAt: ctx.clock.now().toISOString() })
      .where(and(eq(challengeBids.id, bidId), eq(challengeBids.version, bid.version)))
      .returning();
    await recordStep(tx, ctx, { entityType: 'challenge', entityId: id, action: 'withdrawBid' });
    await recordAudit(tx, ctx, {
      action: 'challenges.withdraw_bid',
      entityType: 'challenge_bid',
      entityId: bidId,
      orgId: row.c.ownerOrgId,
      orgPath: row.ownerPath,
      before: bid,
      after,
    });
  });
  return getChallenge({ ctx, id });
}
