import { and, eq, inArray, isNull, like, sql } from 'drizzle-orm';
import type { StudioStatus, StudioType } from '../../../common/enums.js';
import type { ExpertAssignment, ScoreSummary } from '../../../common/schemas/applications.js';
import type {
  AssessmentDetail,
  AssessmentListItem,
  Campaign,
  CampaignBoard,
  CampaignCreate,
  SelfScoreInput,
} from '../../../common/schemas/assessments.js';
import {
  type AssessmentActorRole,
  type AssessmentState,
  assessmentEditableStates,
} from '../../../common/workflows/assessment.js';
import { can, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { conflict, forbidden, invalidFields, mapUniqueViolation } from '../../core/errors.js';
import { users } from '../accounts/accounts.table.js';
import { addTodo } from '../notifications/todos.service.js';
import { findOrgInScope } from '../orgs/orgs.repository.js';
import { orgs } from '../orgs/orgs.table.js';
import { listReviewers } from '../rulebooks/reviews.experts.js';
import {
  type AssignmentRow,
  findMyAssignment,
  listAssignments,
  listScorecards,
} from '../rulebooks/reviews.service.js';
import { chinaToday, getCurrentRulebookRow, getRulebookRow } from '../rulebooks/rulebooks.service.js';
import { aggregateScores, gradeFor, scoreTotal } from '../rulebooks/scoring.js';
import { studioMembers, studios } from '../studios/studios.table.js';
import { assessmentErrors } from './assessments.errors.js';
import { collectIndicators, periodOf } from './assessments.indicators.js';
import { assessmentAbilities, assessmentRoles, canSeeAssessment } from './assessments.policy.js';
import * as repo from './assessments.repository.js';
import { SUBJECT } from './assessments.repository.js';
import { assessmentCampaigns, assessments } from './assessments.table.js';

export { SUBJECT };

/** An assessment as the actor sees it: the joined row, their workflow roles and review assignment. */
export interface LoadedAssessment {
  j: repo.AssessmentJoined;
  roles: AssessmentActorRole[];
  memberRole: string | null;
  assignment: AssignmentRow | null;
}

async function memberRoleOf(db: Db, studioId: number, personId: number | null) {
  if (personId === null) return null;
  const [m] = await db
    .select({ role: studioMembers.role })
    .from(studioMembers)
    .where(
      and(
        eq(studioMembers.studioId, studioId),
        eq(studioMembers.personId, personId),
        isNull(studioMembers.leftOn),
      ),
    );
  return m?.role ?? null;
}

/** Loads an assessment for the actor; throws assessments.not_found (404) when they may not see it. */
export async function loadAssessment({ ctx, id, db }: { ctx: Ctx; id: number; db?: Db }) {
  const d = db ?? ctx.db;
  const j = await repo.findAssessment({ db: d, id });
  if (!j) throw assessmentErrors.notFound();
  const memberRole = await memberRoleOf(d, j.studio.id, ctx.actor.personId);
  const roles = assessmentRoles(ctx.actor, {
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
  if (!canSeeAssessment(roles, { memberRole, assigned: assignment !== null }))
    throw assessmentErrors.notFound();
  return { j, roles, memberRole, assignment } satisfies LoadedAssessment;
}

const n = (v: number | string | null) => (v === null ? null : Number(v));

export function toListItem(j: repo.AssessmentJoined): AssessmentListItem {
  return {
    id: j.a.id,
    campaignId: j.campaign.id,
    year: j.campaign.year,
    studioId: j.studio.id,
    studioName: j.studio.name,
    studioType: j.studio.type as StudioType,
    studioStatus: j.studio.status as StudioStatus,
    hostOrgName: j.hostOrgName,
    leaderName: j.leaderName,
    state: j.a.state as AssessmentState,
    selfTotal: n(j.a.selfTotal),
    finalScore: n(j.a.finalScore),
    grade: j.a.grade,
    reviewersAssigned: j.reviewersAssigned,
    reviewersSubmitted: j.reviewersSubmitted,
    openTasks: j.openTasks,
    updatedAt: j.a.updatedAt,
  };
}

/** The live aggregate of the submitted reviewer scores, graded on the campaign's sheet. */
export async function scoreSummaryOf({
  db,
  j,
}: {
  db: Db;
  j: repo.AssessmentJoined;
}): Promise<ScoreSummary & { pending: string[] }> {
  const assignments = await listAssignments({ db, subjectType: SUBJECT, subjectId: j.a.id });
  const cards = await listScorecards({ db, assignmentIds: assignments.map((a) => a.id) });
  const totals = cards.filter((c) => c.submittedAt !== null).map((c) => Number(c.total));
  const { score, dropped } = aggregateScores(totals, j.campaign.dropExtremes);
  const rulebook = await getRulebookRow({ db, id: j.campaign.rulebookId });
  return {
    count: totals.length,
    score,
    grade: score === null ? null : gradeFor(rulebook.sheet, score),
    dropExtremes: j.campaign.dropExtremes,
    dropped,
    pending: assignments.filter((a) => a.status === 'pending').map((a) => a.reviewerName),
  };
}

/**
 * Gets an assessment with its pre-filled indicators, self score, history, rectification tasks and, for the
 * group admin, the reviewers with their totals and the live aggregate.
 */
export async function getAssessment({ ctx, id }: { ctx: Ctx; id: number }): Promise<AssessmentDetail> {
  const l = await loadAssessment({ ctx, id });
  const { a, campaign } = l.j;
  const group = l.roles.includes('groupAdmin');
  let reviewers: ExpertAssignment[] = [];
  let scoreSummary: ScoreSummary | null = null;
  if (group) {
    reviewers = await listReviewers({ db: ctx.db, subjectType: SUBJECT, subjectId: id });
    const { pending: _, ...summary } = await scoreSummaryOf({ db: ctx.db, j: l.j });
    scoreSummary = summary;
  } else if (a.finalScore !== null) {
    scoreSummary = {
      count: 0,
      score: Number(a.finalScore),
      grade: a.grade,
      dropExtremes: campaign.dropExtremes,
      dropped: false,
    };
  }
  const today = chinaToday(ctx.clock);
  const steps = await repo.listSteps({ db: ctx.db, assessmentId: id });
  const tasks = await repo.listTasks({ db: ctx.db, assessmentId: id });
  const abilities = assessmentAbilities({
    state: a.state as AssessmentState,
    roles: l.roles,
    pendingAssignment: l.assignment?.status === 'pending',
  });
  // No button that the server would refuse for want of data.
  if (abilities.finishReview)
    abilities.finishReview =
      reviewers.some((r) => r.status === 'submitted') && !reviewers.some((r) => r.status === 'pending');
  if (abilities.reportRectified) abilities.reportRectified = tasks.every((t) => t.status === 'done');
  return {
    ...toListItem(l.j),
    campaignName: campaign.name,
    rulebookId: campaign.rulebookId,
    selfDeadline: campaign.selfDeadline,
    reviewDeadline: campaign.reviewDeadline,
    indicators: a.indicators,
    prefilledAt: a.prefilledAt,
    self: {
      items: a.selfItems,
      bonus: a.selfBonus,
      notes: a.selfNotes,
      comment: a.selfComment,
      total: n(a.selfTotal),
    },
    outcomeNote: a.outcomeNote,
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action,
      fromState: s.fromState as AssessmentState,
      toState: s.toState as AssessmentState,
      opinion: s.opinion,
      actorName: s.actorName,
      at: s.at,
    })),
    reviewers,
    scoreSummary,
    tasks: tasks.map((t) => ({
      id: t.id,
      title: t.title,
      detail: t.detail,
      deadline: t.deadline,
      status: t.status as 'open' | 'done',
      overdue: t.status === 'open' && t.deadline < today,
      report: t.report,
      reportedAt: t.reportedAt,
    })),
    version: a.version,
    abilities,
  };
}

/** User accounts of a person (to tell a leader, or give them a to-do). */
export async function userIdsOfPerson(db: Db, personId: number | null): Promise<number[]> {
  if (personId === null) return [];
  const rows = await db.select({ id: users.id }).from(users).where(eq(users.personId, personId));
  return rows.map((r) => r.id);
}

function visible(ctx: Ctx) {
  return repo.visibleTo({
    adminScope: scopeOf(ctx.actor, 'studios.create'),
    personId: ctx.actor.personId,
    userId: ctx.actor.userId,
  });
}

function toCampaign(ctx: Ctx, c: repo.CampaignJoined, counts: { state: string; n: number }[]): Campaign {
  return {
    id: c.c.id,
    orgId: c.c.orgId,
    orgName: c.orgName,
    year: c.c.year,
    name: c.c.name,
    rulebookId: c.c.rulebookId,
    rulebookName: c.rulebookName,
    rulebookVersionNo: c.rulebookVersionNo,
    selfDeadline: c.c.selfDeadline,
    reviewDeadline: c.c.reviewDeadline,
    dropExtremes: c.c.dropExtremes,
    createdAt: c.c.createdAt,
    counts: Object.fromEntries(counts.map((x) => [x.state, x.n])),
    total: counts.reduce((s, x) => s + x.n, 0),
    abilities: { manage: can(ctx.actor, 'assessments.manage', c.orgPath) },
  };
}

/**
 * Campaigns the actor takes part in: those over an org in their admin scope (or above it), and those in
 * which they see at least one assessment. Counts are of the assessments they see.
 */
export async function findCampaigns({ ctx }: { ctx: Ctx }): Promise<Campaign[]> {
  const all = await repo.listCampaigns({ db: ctx.db });
  const counts = await repo.countByCampaign({
    db: ctx.db,
    visible: visible(ctx),
    campaignIds: all.map((c) => c.c.id),
  });
  const admin = scopeOf(ctx.actor, 'studios.create');
  return all
    .filter(
      (c) =>
        counts.some((x) => x.campaignId === c.c.id) ||
        admin.some((p) => c.orgPath.startsWith(p) || p.startsWith(c.orgPath)),
    )
    .map((c) =>
      toCampaign(
        ctx,
        c,
        counts.filter((x) => x.campaignId === c.c.id),
      ),
    );
}

/** A campaign with every assessment the actor sees (the campaign board); 404 when they see none of it. */
export async function getCampaignBoard({ ctx, id }: { ctx: Ctx; id: number }): Promise<CampaignBoard> {
  const c = (await findCampaigns({ ctx })).find((x) => x.id === id);
  if (!c) throw assessmentErrors.campaignNotFound();
  const rows = await repo.listAssessments({ db: ctx.db, visible: visible(ctx), campaignId: id });
  return { ...c, assessments: rows.map(toListItem) };
}

/** The assessments of studios the actor leads or belongs to, and those they review, newest year first. */
export async function findMyAssessments({ ctx }: { ctx: Ctx }): Promise<AssessmentListItem[]> {
  const rows = await repo.listAssessments({
    db: ctx.db,
    visible: repo.visibleTo({ adminScope: [], personId: ctx.actor.personId, userId: ctx.actor.userId }),
  });
  return rows.map(toListItem);
}

/**
 * Opens a year's campaign over an org (group admin over it): every named (or rectifying) studio in the
 * subtree gets an assessment whose indicators are pre-filled from its own records, and its leader a
 * to-do for the self assessment. Throws orgs.not_found (404) outside the admin's scope,
 * assessments.campaign_exists (409) for a second campaign of the org and year, assessments.no_studios (409).
 */
export async function openCampaign({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: CampaignCreate;
}): Promise<CampaignBoard> {
  const org = await findOrgInScope({
    db: ctx.db,
    scope: scopeOf(ctx.actor, 'assessments.manage'),
    id: input.orgId,
  });
  if (!org) throw invalidFields({ orgId: '单位不存在或不在您的管理范围内' });
  const today = chinaToday(ctx.clock);
  const fields: Record<string, string> = {};
  if (input.selfDeadline < today) fields.selfDeadline = '自评截止日期不能早于今天';
  if (input.reviewDeadline < input.selfDeadline) fields.reviewDeadline = '评审截止日期不能早于自评截止日期';
  if (input.year > Number(today.slice(0, 4))) fields.year = '考核年度不能晚于今年';
  if (Object.keys(fields).length) throw invalidFields(fields);
  const rulebook = input.rulebookId
    ? await getRulebookRow({ db: ctx.db, id: input.rulebookId })
    : await getCurrentRulebookRow({ db: ctx.db, purpose: 'assessment', level: null });
  if (rulebook.purpose !== 'assessment') throw invalidFields({ rulebookId: '请选择年度考核评分规则' });
  const inScope = await ctx.db
    .select({ studio: studios })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(
      and(
        like(orgs.path, `${org.path}%`),
        inArray(studios.status, ['named', 'rectifying']),
        isNull(studios.archivedAt),
      ),
    )
    .orderBy(studios.id);
  if (!inScope.length) throw assessmentErrors.noStudios();
  const period = periodOf(input.year, today);
  const facts = await collectIndicators(
    ctx.db,
    inScope.map((s) => s.studio.id),
    period,
  );
  const id = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const [c] = await tx
      .insert(assessmentCampaigns)
      .values({
        orgId: org.id,
        year: input.year,
        name: input.name ?? `${org.name}${input.year}年度创新工作室考核`,
        rulebookId: rulebook.id,
        selfDeadline: input.selfDeadline,
        reviewDeadline: input.reviewDeadline,
        dropExtremes: input.dropExtremes,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
      .catch((e) =>
        mapUniqueViolation(e, { assessment_campaigns_year_key: assessmentErrors.campaignExists }),
      );
    const rows = await tx
      .insert(assessments)
      .values(
        inScope.map(({ studio }) => ({
          campaignId: c!.id,
          studioId: studio.id,
          indicators: facts.get(studio.id) ?? [],
          prefilledAt: now,
          createdAt: now,
          updatedAt: now,
        })),
      )
      .returning();
    await recordAudit(tx, ctx, {
      action: 'assessments.open_campaign',
      entityType: 'assessment_campaign',
      entityId: c!.id,
      orgId: org.id,
      orgPath: org.path,
      after: { campaign: c, studioIds: rows.map((r) => r.studioId) },
    });
    for (const r of rows) {
      const studio = inScope.find((s) => s.studio.id === r.studioId)!.studio;
      await addTodo({
        db: tx,
        userIds: await userIdsOfPerson(tx, studio.leaderPersonId),
        kind: 'assessment.self',
        title: `${input.year}年度考核：请完成${studio.name}的自评`,
        link: `/assessments/${r.id}`,
        entityType: SUBJECT,
        entityId: r.id,
        orgPath: null,
        dueAt: input.selfDeadline,
        now: ctx.clock.now(),
      });
    }
    return c!.id;
  });
  return getCampaignBoard({ ctx, id });
}

function assertLeaderEditable(l: LoadedAssessment) {
  if (!l.roles.includes('leader')) throw forbidden();
  if (!assessmentEditableStates.includes(l.j.a.state as AssessmentState))
    throw assessmentErrors.notEditable();
}

/**
 * Saves the leader's self score (points per indicator of the campaign's sheet, a note per indicator, a
 * comment) while the assessment is with the studio. Points over an indicator's max → 400 with fields;
 * a stale version → 409. Audited.
 */
export async function saveSelfScore({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: SelfScoreInput;
}): Promise<AssessmentDetail> {
  const l = await loadAssessment({ ctx, id });
  assertLeaderEditable(l);
  const rulebook = await getRulebookRow({ db: ctx.db, id: l.j.campaign.rulebookId });
  const { total, errors } = scoreTotal(rulebook.sheet, input, { complete: false });
  const keys = new Set(rulebook.sheet.indicators.map((i) => i.key));
  for (const k of Object.keys(input.notes)) if (!keys.has(k)) errors[`notes.${k}`] = '评分表中没有该指标';
  if (Object.keys(errors).length) throw invalidFields(errors);
  await ctx.db.transaction(async (tx) => {
    const row = await repo.updateAssessmentRow({
      db: tx,
      id,
      version: input.version,
      set: {
        selfItems: input.items,
        selfBonus: input.bonus,
        selfNotes: Object.fromEntries(Object.entries(input.notes).filter(([, v]) => v.trim() !== '')),
        selfComment: input.comment ?? null,
        selfTotal: total,
      },
      now: ctx.clock.now().toISOString(),
    });
    if (!row) throw conflict('conflict.stale', { version: l.j.a.version });
    await recordAudit(tx, ctx, {
      action: 'assessments.self_score',
      entityType: 'assessment',
      entityId: id,
      orgId: l.j.studio.hostOrgId,
      orgPath: l.j.orgPath,
      before: { items: l.j.a.selfItems, bonus: l.j.a.selfBonus, total: n(l.j.a.selfTotal) },
      after: { items: row.selfItems, bonus: row.selfBonus, total: n(row.selfTotal) },
    });
  });
  return getAssessment({ ctx, id });
}

/**
 * Counts the studio's records again (new modules, records entered late) while the assessment is with the
 * studio. The leader or an admin over the studio. Audited with the numbers before and after.
 */
export async function refreshIndicators({ ctx, id }: { ctx: Ctx; id: number }): Promise<AssessmentDetail> {
  const l = await loadAssessment({ ctx, id });
  if (l.roles.length === 0) throw forbidden();
  if (!assessmentEditableStates.includes(l.j.a.state as AssessmentState))
    throw assessmentErrors.notEditable();
  const facts = await collectIndicators(
    ctx.db,
    [l.j.studio.id],
    periodOf(l.j.campaign.year, chinaToday(ctx.clock)),
  );
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    await tx
      .update(assessments)
      .set({
        indicators: facts.get(l.j.studio.id) ?? [],
        prefilledAt: now,
        updatedAt: now,
        version: sql`${assessments.version} + 1`,
      })
      .where(eq(assessments.id, id));
    await recordAudit(tx, ctx, {
      action: 'assessments.refresh',
      entityType: 'assessment',
      entityId: id,
      orgId: l.j.studio.hostOrgId,
      orgPath: l.j.orgPath,
      before: { indicators: l.j.a.indicators },
      after: { indicators: facts.get(l.j.studio.id) ?? [] },
    });
  });
  return getAssessment({ ctx, id });
}
