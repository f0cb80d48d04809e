import { and, eq, isNull, ne } from 'drizzle-orm';
import type { NamingLevel, StudioType } from '../../../common/enums.js';
import type {
  Application,
  ApplicationCreate,
  ApplicationDetail,
  ApplicationListQuery,
  ApplicationUpdate,
  ExpertAssignment,
  Objection,
  ScoreSummary,
} from '../../../common/schemas/applications.js';
import {
  type ApplicationActorRole,
  type ApplicationState,
  editableStates,
} from '../../../common/workflows/application.js';
import { scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { conflict, mapUniqueViolation } from '../../core/errors.js';
import { pageResult } from '../../core/pagination.js';
import { listReviewers } from '../rulebooks/reviews.experts.js';
import {
  type AssignmentRow,
  findMyAssignment,
  listAssignments,
  listScorecards,
} from '../rulebooks/reviews.service.js';
import { chinaToday, getCurrentRulebookRow, getRulebookRow } from '../rulebooks/rulebooks.service.js';
import { reviewAssignments } from '../rulebooks/rulebooks.table.js';
import { aggregateScores, gradeFor } from '../rulebooks/scoring.js';
import { getStudioAccess } from '../studios/studios.access.js';
import { studioMembers } from '../studios/studios.table.js';
import { applicationErrors } from './applications.errors.js';
import {
  applicationAbilities,
  applicationRoles,
  canSeeApplication,
  publicityPhase,
} from './applications.policy.js';
import * as repo from './applications.repository.js';
import { applications } from './applications.table.js';

export const SUBJECT = 'application';

/** An application as the actor sees it: the joined row, their workflow roles and review assignment. */
export interface LoadedApplication {
  j: repo.ApplicationJoined;
  roles: ApplicationActorRole[];
  memberRole: string | null;
  assignment: AssignmentRow | null;
}

/** Loads an application for the actor; throws applications.not_found (404) when they may not see it. */
export async function loadApplication({
  ctx,
  id,
  db,
}: {
  ctx: Ctx;
  id: number;
  db?: Db;
}): Promise<LoadedApplication> {
  const d = db ?? ctx.db;
  const j = await repo.findApplication({ db: d, id });
  if (!j) throw applicationErrors.notFound();
  const memberRole = await repo.memberRoleOf({ db: d, studioId: j.studio.id, personId: ctx.actor.personId });
  const roles = applicationRoles(ctx.actor, {
    orgPath: j.orgPath,
    leaderPersonId: j.studio.leaderPersonId,
    memberRole,
  });
  const assignment = await findMyAssignment({
    db: d,
    subjectType: SUBJECT,
    subjectId: id,
    userId: ctx.actor.userId,
  });
  if (
    !canSeeApplication(j.app.state as ApplicationState, roles, { memberRole, assigned: assignment !== null })
  ) {
    throw applicationErrors.notFound();
  }
  return { j, roles, memberRole, assignment };
}

/** The API shape of an application for the actor who loaded it. */
export function toApplication(ctx: Ctx, l: LoadedApplication): Application {
  const { app, studio } = l.j;
  const state = app.state as ApplicationState;
  return {
    id: app.id,
    studioId: studio.id,
    studioName: studio.name,
    studioType: studio.type as StudioType,
    hostOrgName: l.j.hostOrgName,
    leaderName: l.j.leaderName,
    level: app.level as NamingLevel,
    state,
    rulebookId: app.rulebookId,
    rulebookVersionNo: l.j.rulebookVersionNo,
    materials: app.materials,
    conditionCheck: app.conditionCheck,
    dropExtremes: app.dropExtremes,
    expertDeadline: app.expertDeadline,
    publicityStart: app.publicityStart,
    publicityEnd: app.publicityEnd,
    finalScore: app.finalScore === null ? null : Number(app.finalScore),
    grade: app.grade,
    namingId: app.namingId,
    plaqueNo: app.plaqueNo,
    submittedAt: app.submittedAt,
    openObjections: l.j.openObjections,
    version: app.version,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
    abilities: applicationAbilities({
      state,
      roles: l.roles,
      pendingAssignment: l.assignment?.status === 'pending',
      publicity: publicityPhase(app.publicityStart, app.publicityEnd, chinaToday(ctx.clock)),
      openObjections: l.j.openObjections,
      named: app.namingId !== null,
    }),
  };
}

/** The live aggregate of the submitted expert scores, graded on the application's pinned sheet. */
export async function scoreSummaryOf({
  db,
  app,
}: {
  db: Db;
  app: typeof applications.$inferSelect;
}): Promise<ScoreSummary> {
  const assignments = await listAssignments({ db, subjectType: SUBJECT, subjectId: app.id });
  const cards = await listScorecards({ db, assignmentIds: assignments.map((a) => a.id) });
  const totals = cards.filter((c) => c.submittedAt !== null).map((c) => Number(c.total));
  const { score, dropped } = aggregateScores(totals, app.dropExtremes);
  const rulebook = await getRulebookRow({ db, id: app.rulebookId });
  return {
    count: totals.length,
    score,
    grade: score === null ? null : gradeFor(rulebook.sheet, score),
    dropExtremes: app.dropExtremes,
    dropped,
  };
}

/**
 * Gets an application with its history, experts, score summary and objections, each shown as far as
 * the actor may see: experts and live scores to the group admin, objection filers' names to admins.
 */
export async function getApplication({ ctx, id }: { ctx: Ctx; id: number }): Promise<ApplicationDetail> {
  const l = await loadApplication({ ctx, id });
  const { app } = l.j;
  const isAdmin = l.roles.includes('groupAdmin') || l.roles.includes('enterpriseAdmin');
  const isGroupAdmin = l.roles.includes('groupAdmin');
  const steps = (await repo.listSteps({ db: ctx.db, applicationId: id })).map((s) => ({
    id: s.id,
    action: s.action,
    fromState: s.fromState as ApplicationState,
    toState: s.toState as ApplicationState,
    opinion: s.opinion,
    // Whoever files an objection is known to the admins only.
    actorName: s.action === 'fileObjection' && !isAdmin ? null : s.actorName,
    at: s.at,
  }));
  let experts: ExpertAssignment[] = [];
  let scoreSummary: ScoreSummary | null = null;
  if (isGroupAdmin) {
    experts = await listReviewers({ db: ctx.db, subjectType: SUBJECT, subjectId: id });
    scoreSummary = await scoreSummaryOf({ db: ctx.db, app });
  } else if (app.finalScore !== null) {
    scoreSummary = {
      count: 0,
      score: Number(app.finalScore),
      grade: app.grade,
      dropExtremes: app.dropExtremes,
      dropped: false,
    };
  }
  const canSeeObjections = isAdmin || l.roles.includes('leader') || l.memberRole !== null;
  const objections: Objection[] = canSeeObjections
    ? (await repo.listObjections({ db: ctx.db, applicationId: id })).map((o) => ({
        id: o.id,
        content: o.content,
        filedByName: isAdmin ? o.filedByName : null,
        filedAt: o.filedAt,
        mine: o.filedByUserId === ctx.actor.userId,
        status: o.status as Objection['status'],
        resolution: o.resolution,
        resolvedByName: o.resolvedByName,
        resolvedAt: o.resolvedAt,
      }))
    : [];
  const base = toApplication(ctx, l);
  // Finishing the expert review needs every assigned expert's score in: no button that would be refused.
  if (isGroupAdmin && base.abilities.finishExpertReview) {
    base.abilities.finishExpertReview =
      experts.some((e) => e.status === 'submitted') && !experts.some((e) => e.status === 'pending');
  }
  return { ...base, steps, experts, scoreSummary, objections };
}

/** Finds a page of the applications the actor may see, with per-state counts for the board's tabs. */
export async function findApplications({ ctx, query }: { ctx: Ctx; query: ApplicationListQuery }) {
  const visible = repo.visibleTo({
    adminScope: scopeOf(ctx.actor, 'applications.review'),
    personId: ctx.actor.personId,
    userId: ctx.actor.userId,
  });
  const [{ items, total }, counts] = await Promise.all([
    repo.findApplications({ db: ctx.db, visible, query }),
    repo.countByState({ db: ctx.db, visible, query }),
  ]);
  const personId = ctx.actor.personId;
  const memberships = new Map(
    personId === null
      ? []
      : (
          await ctx.db
            .select({ studioId: studioMembers.studioId, role: studioMembers.role })
            .from(studioMembers)
            .where(and(eq(studioMembers.personId, personId), isNull(studioMembers.leftOn)))
        ).map((m) => [m.studioId, m.role]),
  );
  const mine = await ctx.db
    .select()
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.subjectType, SUBJECT),
        eq(reviewAssignments.reviewerUserId, ctx.actor.userId),
        ne(reviewAssignments.status, 'cancelled'),
      ),
    );
  const out = items.map((j) => {
    const memberRole = memberships.get(j.studio.id) ?? null;
    const roles = applicationRoles(ctx.actor, {
      orgPath: j.orgPath,
      leaderPersonId: j.studio.leaderPersonId,
      memberRole,
    });
    const assignment = mine.find((a) => a.subjectId === j.app.id) ?? null;
    return toApplication(ctx, { j, roles, memberRole, assignment });
  });
  return { ...pageResult(out, total, query), counts };
}

/**
 * Starts a draft application of a studio the actor leads, pinned to the current naming rulebook of
 * the level. Throws applications.not_leader (403), applications.already_open (409), rulebooks.missing.
 */
export async function createApplication({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ApplicationCreate;
}): Promise<ApplicationDetail> {
  const access = await getStudioAccess({ ctx, id: input.studioId, need: 'read' });
  const isLeader =
    access.memberRole === 'leader' ||
    (ctx.actor.personId !== null && access.studio.leaderPersonId === ctx.actor.personId);
  if (!isLeader) throw applicationErrors.notLeader();
  const rulebook = await getCurrentRulebookRow({ db: ctx.db, purpose: 'naming', level: input.level });
  const id = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(applications)
      .values({
        studioId: input.studioId,
        level: input.level,
        state: 'draft',
        rulebookId: rulebook.id,
        materials: input.materials,
        applicantUserId: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .catch((e) => mapUniqueViolation(e, { applications_open_key: applicationErrors.alreadyOpen }));
    await recordAudit(tx, ctx, {
      action: 'applications.create',
      entityType: 'application',
      entityId: row!.id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      after: row,
    });
    return row!.id;
  });
  return getApplication({ ctx, id });
}

/** Edits the materials of a draft or returned application (its leader only). A stale version → 409. */
export async function updateApplication({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ApplicationUpdate;
}) {
  const l = await loadApplication({ ctx, id });
  if (!l.roles.includes('leader')) throw applicationErrors.notLeader();
  if (!editableStates.includes(l.j.app.state as ApplicationState)) throw applicationErrors.notEditable();
  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateApplicationRow({
      db: tx,
      id,
      version: input.version,
      set: { materials: input.materials },
      now: ctx.clock.now().toISOString(),
    });
    if (!row) throw conflict('conflict.stale', { current: toApplication(ctx, l) });
    await recordAudit(tx, ctx, {
      action: 'applications.update',
      entityType: 'application',
      entityId: id,
      orgId: l.j.studio.hostOrgId,
      orgPath: l.j.orgPath,
      before: { materials: l.j.app.materials },
      after: { materials: row.materials },
    });
  });
  return getApplication({ ctx, id });
}

/** Studios the actor leads, for the application wizard. */
export async function findMyStudios({ ctx }: { ctx: Ctx }) {
  if (ctx.actor.personId === null) return [];
  const rows = await repo.findLedStudios({ db: ctx.db, personId: ctx.actor.personId });
  return rows.map((r) => ({
    id: r.studio.id,
    name: r.studio.name,
    type: r.studio.type as StudioType,
    hostOrgName: r.hostOrgName,
    status: r.studio.status,
    currentLevel: r.studio.currentLevel as NamingLevel | null,
  }));
}
