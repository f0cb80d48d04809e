import { and, count, desc, eq, ilike, isNull, ne, or, type SQL } from 'drizzle-orm';
import type {
  Bid,
  Challenge,
  ChallengeActionBody,
  ChallengeCreate,
  ChallengeDetail,
  ChallengeListQuery,
  ChallengeUpdate,
} from '../../../common/schemas/challenges.js';
import {
  type ChallengeAction,
  type ChallengeStatus,
  challengeOpenStatuses,
  challengeTransition,
} from '../../../common/workflows/challenge.js';
import { can, inScope, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { conflict, forbidden, notFound, withCurrentOnStale } from '../../core/errors.js';
import { likeText, offsetOf, pageResult } from '../../core/pagination.js';
import {
  chinaDate,
  groupRootOf,
  groupRootsOf,
  inActorGroups,
  membershipsOf,
  nextCode,
  recordStep,
  searchVector,
  stepsOf,
} from '../ideas/engagement.js';
import { projectRequests } from '../ideas/engagement.table.js';
import { notify } from '../notifications/notifications.service.js';
import { studioUserIds } from '../notifications/recipients.js';
import { orgs } from '../orgs/orgs.table.js';
import { challengeErrors } from './challenges.errors.js';
import { type ChallengeFacts, challengeAbilities, challengeRolesOf } from './challenges.policy.js';
import * as repo from './challenges.repository.js';
import { challenges } from './challenges.table.js';
import { applyTransition } from './challenges.workflow.js';

export function factsOf(r: repo.ChallengeJoined, memberships: Map<number, string>): ChallengeFacts {
  return {
    ownerPath: r.ownerPath,
    status: r.c.status as ChallengeStatus,
    selectedStudioPath: r.selectedStudioPath,
    selectedStudioRole: r.c.selectedStudioId ? (memberships.get(r.c.selectedStudioId) ?? null) : null,
  };
}

export function toChallenge(ctx: Ctx, r: repo.ChallengeJoined, memberships: Map<number, string>): Challenge {
  const c = r.c;
  const leadsAStudio = [...memberships.values()].includes('leader') || can(ctx.actor, 'studios.manage');
  const { abilities } = challengeAbilities(ctx.actor, factsOf(r, memberships), {
    leadsAStudio,
    deadlinePassed: c.deadline < chinaDate(ctx.clock.now()),
  });
  return {
    id: c.id,
    code: c.code,
    ownerOrgId: c.ownerOrgId,
    ownerOrgName: r.ownerOrgName,
    title: c.title,
    field: c.field,
    description: c.description,
    bountyFen: c.bountyFen,
    deadline: c.deadline,
    status: c.status as ChallengeStatus,
    bidCount: Number(r.bidCount),
    selectedStudioId: c.selectedStudioId,
    selectedStudioName: r.selectedStudioName,
    projectId: c.projectId,
    projectRequestId: c.projectRequestId,
    bountyReleasedAt: c.bountyReleasedAt,
    bountyReleasedFen: c.bountyReleasedFen,
    acceptanceNote: c.acceptanceNote,
    createdAt: c.createdAt,
    version: c.version,
    abilities,
  };
}

/** Loads a challenge of the actor's group (challenges.not_found otherwise) with their roles. */
export async function loadChallenge(ctx: Ctx, id: number) {
  const row = await repo.findChallengeJoined({ db: ctx.db, id });
  if (!row || !inActorGroups(ctx.actor, row.ownerPath) || row.c.archivedAt) throw challengeErrors.notFound();
  const memberships = await membershipsOf(ctx);
  const facts = factsOf(row, memberships);
  return { row, memberships, facts, roles: challengeRolesOf(ctx.actor, facts) };
}

/** The challenge board of the actor's group: filter by status, field, text; `mine` = posted by enterprises I manage. */
export async function findChallenges({ ctx, query }: { ctx: Ctx; query: ChallengeListQuery }) {
  const where: SQL | undefined = and(
    inScope(orgs.path, groupRootsOf(ctx.actor)),
    isNull(challenges.archivedAt),
    query.mine === 'true' ? inScope(orgs.path, scopeOf(ctx.actor, 'challenges.manage')) : undefined,
    query.status ? eq(challenges.status, query.status) : undefined,
    query.field ? ilike(challenges.field, likeText(query.field)) : undefined,
    query.q
      ? or(ilike(challenges.title, likeText(query.q)), ilike(challenges.code, likeText(query.q)))
      : undefined,
  );
  const memberships = await membershipsOf(ctx);
  const [rows, [total]] = await Promise.all([
    repo
      .challengesJoined(ctx.db)
      .where(where)
      .orderBy(desc(challenges.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    ctx.db
      .select({ n: count() })
      .from(challenges)
      .innerJoin(orgs, eq(orgs.id, challenges.ownerOrgId))
      .where(where),
  ]);
  return pageResult(
    rows.map((r) => toChallenge(ctx, r, memberships)),
    total?.n ?? 0,
    query,
  );
}

export function toBid(ctx: Ctx, b: repo.BidJoined, memberships: Map<number, string>, open: boolean): Bid {
  const mine = memberships.get(b.b.studioId) === 'leader' || can(ctx.actor, 'studios.manage', b.studioPath);
  return {
    id: b.b.id,
    challengeId: b.b.challengeId,
    studioId: b.b.studioId,
    studioName: b.studioName,
    enterpriseName: b.enterpriseName,
    proposal: b.b.proposal,
    plan: b.b.plan,
    expectedDays: b.b.expectedDays,
    status: b.b.status as Bid['status'],
    createdAt: b.b.createdAt,
    version: b.b.version,
    abilities: { withdraw: mine && open && b.b.status === 'submitted' },
  };
}

/** A challenge with its history, the bids the actor may see (all for the owner, their studios' own otherwise) and actions. */
export async function getChallenge({ ctx, id }: { ctx: Ctx; id: number }): Promise<ChallengeDetail> {
  const { row, memberships, facts, roles } = await loadChallenge(ctx, id);
  const [bids, steps] = await Promise.all([
    repo.bidsOf({ db: ctx.db, challengeId: id }),
    stepsOf({ db: ctx.db, entityType: 'challenge', entityId: id }),
  ]);
  const owner = roles.includes('owner');
  const open = challengeOpenStatuses.includes(facts.status);
  const visible = bids.filter(
    (b) => owner || memberships.has(b.b.studioId) || can(ctx.actor, 'studios.manage', b.studioPath),
  );
  const leadsAStudio = [...memberships.values()].includes('leader') || can(ctx.actor, 'studios.manage');
  return {
    ...toChallenge(ctx, row, memberships),
    bids: visible.map((b) => toBid(ctx, b, memberships, open)),
    steps: steps.map((s) => ({
      action: s.action,
      toStatus: s.toStatus,
      note: s.note,
      actorName: s.actorName,
      at: s.at,
    })),
    actions: challengeAbilities(ctx.actor, facts, {
      leadsAStudio,
      deadlinePassed: row.c.deadline < chinaDate(ctx.clock.now()),
    }).actions,
  };
}

/**
 * Posts a challenge for an enterprise the actor manages (404 outside their scope, 403 without the
 * right). Studios of the group whose field matches are told. Audited.
 */
export async function createChallenge({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ChallengeCreate;
}): Promise<ChallengeDetail> {
  const [org] = await ctx.db
    .select()
    .from(orgs)
    .where(
      and(
        eq(orgs.id, input.ownerOrgId),
        isNull(orgs.archivedAt),
        inScope(orgs.path, scopeOf(ctx.actor, 'orgs.read')),
      ),
    );
  if (!org) throw notFound('orgs.not_found');
  if (!can(ctx.actor, 'challenges.manage', org.path)) throw forbidden();
  const now = ctx.clock.now();
  if (input.deadline < chinaDate(now)) throw challengeErrors.deadlinePast();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(challenges)
      .values({
        ...input,
        code: await nextCode({ db: tx, prefix: 'JB', at: now }),
        searchText: searchVector([input.title, input.field, input.description]) as never,
        createdBy: ctx.actor.userId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      })
      .returning();
    const c = row!;
    await recordStep(tx, ctx, {
      entityType: 'challenge',
      entityId: c.id,
      action: 'publish',
      toStatus: 'published',
    });
    const { searchText: _s, ...after } = c;
    await recordAudit(tx, ctx, {
      action: 'challenges.create',
      entityType: 'challenge',
      entityId: c.id,
      orgId: org.id,
      orgPath: org.path,
      after,
    });
    const matching = await repo.studiosMatchingField({
      db: tx,
      field: input.field,
      groupRoot: groupRootOf(org.path),
    });
    await notify({
      db: tx,
      userIds: await studioUserIds({ db: tx, studioIds: matching.map((s) => s.id), leadersOnly: true }),
      kind: 'challenges.published',
      title: `新榜单（${input.field}）：${input.title}`,
      body: `${org.name}发布揭榜挂帅难题，揭榜截止 ${input.deadline}。`,
      link: `/challenges/${c.id}`,
      now,
    });
    return c.id;
  });
  return getChallenge({ ctx, id });
}

/** Edits a challenge while it is open for bids (owner only). Stale version → 409. */
export async function updateChallenge({ ctx, id, input }: { ctx: Ctx; id: number; input: ChallengeUpdate }) {
  const { row, roles } = await loadChallenge(ctx, id);
  if (!roles.includes('owner')) throw forbidden();
  if (!challengeOpenStatuses.includes(row.c.status as ChallengeStatus)) throw challengeErrors.notEditable();
  if (input.deadline && input.deadline < chinaDate(ctx.clock.now())) throw challengeErrors.deadlinePast();
  const { version, ...set } = input;
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const merged = { ...row.c, ...set };
        const [after] = await tx
          .update(challenges)
          .set({
            ...set,
            searchText: searchVector([merged.title, merged.field, merged.description]) as never,
            version: version + 1,
            updatedAt: ctx.clock.now().toISOString(),
          })
          .where(and(eq(challenges.id, id), eq(challenges.version, version)))
          .returning();
        if (!after) throw conflict('conflict.stale');
        const { searchText: _a, ...before } = row.c;
        const { searchText: _b, ...changed } = after;
        await recordAudit(tx, ctx, {
          action: 'challenges.update',
          entityType: 'challenge',
          entityId: id,
          orgId: row.c.ownerOrgId,
          orgPath: row.ownerPath,
          before,
          after: changed,
        });
      }),
    () => getChallenge({ ctx, id }),
  );
  return getChallenge({ ctx, id });
}

/**
 * Takes a workflow action (common/workflows/challenge.ts): 409 challenges.invalid_transition when the
 * status does not allow it, 403 without the role. See challenges.workflow.ts for what each action does.
 */
export async function actOnChallenge({
  ctx,
  id,
  action,
  body,
}: {
  ctx: Ctx;
  id: number;
  action: ChallengeAction;
  body: ChallengeActionBody;
}): Promise<ChallengeDetail> {
  const loaded = await loadChallenge(ctx, id);
  const status = loaded.facts.status;
  const t = challengeTransition(status, action);
  if (!t) throw challengeErrors.invalidTransition(status, action);
  if (!t.who.some((w) => loaded.roles.includes(w))) throw forbidden();
  await applyTransition(ctx, loaded, t, body);
  return getChallenge({ ctx, id });
}

/** The studio starts the project of a selected challenge (called from the studio's project request too). */
export async function startChallengeProject({
  ctx,
  challengeId,
  plannedEnd,
}: {
  ctx: Ctx;
  challengeId: number;
  plannedEnd?: string;
}) {
  const loaded = await loadChallenge(ctx, challengeId);
  const detail = await actOnChallenge({
    ctx,
    id: challengeId,
    action: 'start',
    body: { version: loaded.row.c.version, plannedEnd },
  });
  return { projectId: detail.projectId! };
}

/** Requests still pending for a challenge (the selection's project request). */
export async function pendingRequestOf(ctx: Ctx, challengeId: number) {
  const [r] = await ctx.db
    .select()
    .from(projectRequests)
    .where(
      and(
        eq(projectRequests.source, 'challenge'),
        eq(projectRequests.sourceId, challengeId),
        ne(projectRequests.status, 'declined'),
      ),
    );
  return r ?? null;
}
