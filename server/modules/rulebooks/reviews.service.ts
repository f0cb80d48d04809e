import { and, asc, eq, inArray, ne, sql } from 'drizzle-orm';
import type {
  ReviewTask,
  ReviewTaskStatus,
  Scorecard,
  ScoreInput,
  ScoreSheet,
} from '../../../common/schemas/rulebooks.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { AppError, invalidFields } from '../../core/errors.js';
import { chinaToday } from './rulebooks.service.js';
import { reviewAssignments, scorecards } from './rulebooks.table.js';
import { scoreTotal } from './scoring.js';

/**
 * Reviewer assignments and score cards, shared by every kind of review (naming applications now,
 * annual assessments and results later). A subject type registers how its items appear in the
 * reviewer's to-do list.
 */
export type AssignmentRow = typeof reviewAssignments.$inferSelect;
export type ScorecardRow = typeof scorecards.$inferSelect;

export type ReviewSubjectDescriber = (
  db: Db,
  ids: number[],
) => Promise<Map<number, { title: string; subtitle: string | null; link: string }>>;
const describers = new Map<string, ReviewSubjectDescriber>();

/** Registers how items of `subjectType` show in a reviewer's to-do list (title and the page to open). */
export function registerReviewSubject(subjectType: string, describe: ReviewSubjectDescriber) {
  describers.set(subjectType, describe);
}

/** The actor's review queue: open items first by deadline, with overdue flags. */
export async function findMyReviewTasks({
  ctx,
  status,
}: {
  ctx: Ctx;
  status: 'open' | 'done' | 'all';
}): Promise<ReviewTask[]> {
  const rows = await ctx.db
    .select()
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.reviewerUserId, ctx.actor.userId),
        status === 'open' ? eq(reviewAssignments.status, 'pending') : undefined,
        status === 'done' ? eq(reviewAssignments.status, 'submitted') : undefined,
        status === 'all' ? ne(reviewAssignments.status, 'cancelled') : undefined,
      ),
    )
    .orderBy(sql`${reviewAssignments.deadline} ASC NULLS LAST`, asc(reviewAssignments.id));
  const byType = new Map<string, number[]>();
  for (const r of rows) byType.set(r.subjectType, [...(byType.get(r.subjectType) ?? []), r.subjectId]);
  const described = new Map<string, { title: string; subtitle: string | null; link: string }>();
  for (const [type, ids] of byType) {
    const d = describers.get(type);
    const m = d ? await d(ctx.db, ids) : new Map();
    for (const [id, v] of m) described.set(`${type}:${id}`, v);
  }
  const today = chinaToday(ctx.clock);
  return rows
    .filter((r) => described.has(`${r.subjectType}:${r.subjectId}`))
    .map((r) => {
      const d = described.get(`${r.subjectType}:${r.subjectId}`)!;
      return {
        assignmentId: r.id,
        subjectType: r.subjectType,
        subjectId: r.subjectId,
        title: d.title,
        subtitle: d.subtitle,
        link: d.link,
        deadline: r.deadline,
        overdue: r.status === 'pending' && !!r.deadline && r.deadline < today,
        status: r.status as ReviewTaskStatus,
        assignedAt: r.assignedAt,
      };
    });
}

/** Active (not cancelled) assignments of a subject, oldest first. */
export async function listAssignments({
  db,
  subjectType,
  subjectId,
}: {
  db: Db;
  subjectType: string;
  subjectId: number;
}) {
  return db
    .select()
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.subjectType, subjectType),
        eq(reviewAssignments.subjectId, subjectId),
        ne(reviewAssignments.status, 'cancelled'),
      ),
    )
    .orderBy(asc(reviewAssignments.id));
}

/** The actor's active assignment on a subject, or null. */
export async function findMyAssignment({
  db,
  subjectType,
  subjectId,
  userId,
}: {
  db: Db;
  subjectType: string;
  subjectId: number;
  userId: number;
}) {
  const [row] = await db
    .select()
    .from(reviewAssignments)
    .where(
      and(
        eq(reviewAssignments.subjectType, subjectType),
        eq(reviewAssignments.subjectId, subjectId),
        eq(reviewAssignments.reviewerUserId, userId),
        ne(reviewAssignments.status, 'cancelled'),
      ),
    );
  return row ?? null;
}

/** Assigns a reviewer; one already assigned (and not cancelled) is returned unchanged. */
export async function assignReviewer({
  db,
  ctx,
  values,
}: {
  db: Db;
  ctx: Ctx;
  values: Omit<typeof reviewAssignments.$inferInsert, 'assignedBy' | 'assignedAt' | 'status'>;
}): Promise<{ row: AssignmentRow; created: boolean }> {
  const [row] = await db
    .insert(reviewAssignments)
    .values({
      ...values,
      status: 'pending',
      assignedBy: ctx.actor.userId,
      assignedAt: ctx.clock.now().toISOString(),
    })
    .onConflictDoNothing()
    .returning();
  if (row) return { row, created: true };
  const existing = await findMyAssignment({
    db,
    subjectType: values.subjectType,
    subjectId: values.subjectId,
    userId: values.reviewerUserId,
  });
  return { row: existing!, created: false };
}

/** Cancels pending or submitted assignments (a return for changes starts the review over). */
export async function cancelAssignments({ db, ctx, ids }: { db: Db; ctx: Ctx; ids: number[] }) {
  if (!ids.length) return [];
  return db
    .update(reviewAssignments)
    .set({ status: 'cancelled', cancelledAt: ctx.clock.now().toISOString() })
    .where(and(inArray(reviewAssignments.id, ids), ne(reviewAssignments.status, 'cancelled')))
    .returning();
}

/** Score cards of the given assignments. */
export async function listScorecards({ db, assignmentIds }: { db: Db; assignmentIds: number[] }) {
  if (!assignmentIds.length) return [];
  return db
    .select()
    .from(scorecards)
    .where(inArray(scorecards.assignmentId, assignmentIds))
    .orderBy(asc(scorecards.id));
}

export function toScorecard(row: ScorecardRow): Scorecard {
  return {
    id: row.id,
    rulebookId: row.rulebookId,
    scorerUserId: row.scorerUserId,
    scorerName: row.scorerName,
    items: row.items,
    bonus: row.bonus,
    total: Number(row.total),
    comment: row.comment,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
  };
}

/**
 * Saves the reviewer's card for an assignment on the given sheet version: a draft may be changed,
 * a submitted card never (reviews.score_submitted, 409). Each reviewer writes only their own row,
 * so reviewers submitting at the same moment never overwrite each other. Field errors → 400.
 */
export async function saveScorecard({
  db,
  ctx,
  assignment,
  rulebookId,
  sheet,
  input,
}: {
  db: Db;
  ctx: Ctx;
  assignment: AssignmentRow;
  rulebookId: number;
  sheet: ScoreSheet;
  input: ScoreInput;
}): Promise<ScorecardRow> {
  const { total, errors } = scoreTotal(sheet, input, { complete: input.submit });
  if (Object.keys(errors).length) throw invalidFields(errors);
  const now = ctx.clock.now().toISOString();
  const set = {
    items: input.items,
    bonus: input.bonus,
    total,
    comment: input.comment ?? null,
    submittedAt: input.submit ? now : null,
    rulebookId,
    updatedAt: now,
  };
  const [row] = await db
    .insert(scorecards)
    .values({
      ...set,
      subjectType: assignment.subjectType,
      subjectId: assignment.subjectId,
      assignmentId: assignment.id,
      scorerUserId: assignment.reviewerUserId,
      scorerName: assignment.reviewerName,
      role: 'expert',
      createdAt: now,
    })
    .onConflictDoUpdate({
      target: scorecards.assignmentId,
      targetWhere: sql`assignment_id IS NOT NULL`,
      set: { ...set, version: sql`${scorecards.version} + 1` },
      setWhere: sql`${scorecards.submittedAt} IS NULL`,
    })
    .returning();
  if (!row) throw new AppError('reviews.score_submitted', 409);
  if (input.submit) {
    await db
      .update(reviewAssignments)
      .set({ status: 'submitted', submittedAt: now })
      .where(eq(reviewAssignments.id, assignment.id));
  }
  return row;
}
