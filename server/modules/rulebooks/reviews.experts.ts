import { and, eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { ExpertAssignment, ExpertCandidate, MyReview } from '../../../common/schemas/applications.js';
import type { Db } from '../../core/db.js';
import { roleGrants, users } from '../accounts/accounts.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { type AssignmentRow, listAssignments, listScorecards, toScorecard } from './reviews.service.js';

/** The enterprise-level ancestor of an org path (itself included), or null above the enterprises. */
export async function enterpriseOf(db: Db, path: string): Promise<{ id: number; name: string } | null> {
  const ids = path.split('/').filter(Boolean).map(Number);
  if (!ids.length) return null;
  const rows = await db
    .select({ id: orgs.id, name: orgs.name, depth: orgs.depth })
    .from(orgs)
    .where(and(inArray(orgs.id, ids), eq(orgs.kind, 'enterprise')));
  return rows.sort((a, b) => a.depth - b.depth)[0] ?? null;
}

/**
 * Experts who may review a subject of a studio at `orgPath`: active users holding the expert role over it,
 * each flagged when they work in the studio's own enterprise (conflict of interest: assigning is refused)
 * and when already assigned to the subject. Shared by naming applications and annual assessments.
 */
export async function reviewerCandidates({
  db,
  orgPath,
  subjectType,
  subjectId,
}: {
  db: Db;
  orgPath: string;
  subjectType: string;
  subjectId: number;
}): Promise<ExpertCandidate[]> {
  const grantOrg = alias(orgs, 'grant_org');
  const rows = await db
    .select({
      userId: users.id,
      name: users.displayName,
      personName: people.name,
      orgPath: orgs.path,
      orgName: orgs.name,
      grantPath: grantOrg.path,
    })
    .from(roleGrants)
    .innerJoin(grantOrg, eq(grantOrg.id, roleGrants.orgId))
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .leftJoin(people, eq(people.id, users.personId))
    .leftJoin(orgs, eq(orgs.id, people.orgId))
    .where(and(eq(roleGrants.role, 'expert'), eq(users.disabled, false)));
  const studioEnterprise = await enterpriseOf(db, orgPath);
  const assigned = new Set(
    (await listAssignments({ db, subjectType, subjectId })).map((a) => a.reviewerUserId),
  );
  const out = new Map<number, ExpertCandidate>();
  for (const r of rows) {
    // Experts must cover the studio's org and have a person record: conflicts are judged by where they work.
    if (!orgPath.startsWith(r.grantPath) || out.has(r.userId) || !r.orgPath) continue;
    const ent = await enterpriseOf(db, r.orgPath);
    out.set(r.userId, {
      userId: r.userId,
      name: r.personName ?? r.name,
      orgName: r.orgName,
      enterpriseName: ent?.name ?? null,
      conflict: !!ent && !!studioEnterprise && ent.id === studioEnterprise.id,
      assigned: assigned.has(r.userId),
    });
  }
  return [...out.values()].sort(
    (a, b) => Number(a.conflict) - Number(b.conflict) || a.name.localeCompare(b.name, 'zh'),
  );
}

/** The active reviewers of a subject, with where they work and, once submitted, their totals. */
export async function listReviewers({
  db,
  subjectType,
  subjectId,
}: {
  db: Db;
  subjectType: string;
  subjectId: number;
}): Promise<ExpertAssignment[]> {
  const assignments = await listAssignments({ db, subjectType, subjectId });
  const cards = await listScorecards({ db, assignmentIds: assignments.map((a) => a.id) });
  const userIds = assignments.map((a) => a.reviewerUserId);
  const orgNames = new Map(
    userIds.length
      ? (
          await db
            .select({ userId: users.id, name: orgs.name })
            .from(users)
            .innerJoin(people, eq(people.id, users.personId))
            .innerJoin(orgs, eq(orgs.id, people.orgId))
            .where(inArray(users.id, userIds))
        ).map((r) => [r.userId, r.name] as const)
      : [],
  );
  return assignments.map((a) => {
    const card = cards.find((c) => c.assignmentId === a.id && c.submittedAt !== null);
    return {
      id: a.id,
      expertUserId: a.reviewerUserId,
      expertName: a.reviewerName,
      orgName: orgNames.get(a.reviewerUserId) ?? null,
      deadline: a.deadline,
      status: a.status as ExpertAssignment['status'],
      assignedAt: a.assignedAt,
      submittedAt: a.submittedAt,
      total: card ? Number(card.total) : null,
    };
  });
}

/** A reviewer's own review of a subject: their card, and the others' only once their own is submitted. */
export async function myReviewOf({
  db,
  assignment,
  canScore,
}: {
  db: Db;
  assignment: AssignmentRow;
  /** The subject is in its scoring step (the assignment's own status is checked here). */
  canScore: boolean;
}): Promise<MyReview> {
  const all = await listAssignments({
    db,
    subjectType: assignment.subjectType,
    subjectId: assignment.subjectId,
  });
  const cards = await listScorecards({ db, assignmentIds: all.map((x) => x.id) });
  const mine = cards.find((c) => c.assignmentId === assignment.id) ?? null;
  const others = mine?.submittedAt
    ? cards.filter((c) => c.assignmentId !== assignment.id && c.submittedAt !== null)
    : [];
  return {
    assignmentId: assignment.id,
    deadline: assignment.deadline,
    status: assignment.status as MyReview['status'],
    mine: mine ? toScorecard(mine) : null,
    others: others.map(toScorecard),
    canScore: assignment.status === 'pending' && canScore,
  };
}
