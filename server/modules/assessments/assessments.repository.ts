import { and, asc, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { inScope } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { rulebooks } from '../rulebooks/rulebooks.table.js';
import { studios } from '../studios/studios.table.js';
import {
  assessmentCampaigns,
  assessmentSteps,
  assessments,
  rectificationTasks,
} from './assessments.table.js';

export const SUBJECT = 'assessment';

const reviewerCount = (status: string | null) =>
  sql<number>`(SELECT count(*) FROM review_assignments ra WHERE ra.subject_type = ${SUBJECT} AND ra.subject_id = ${assessments.id} AND ${
    status === null ? sql`ra.status <> 'cancelled'` : sql`ra.status = ${status}`
  })`.mapWith(Number);
const openTasks =
  sql<number>`(SELECT count(*) FROM rectification_tasks rt WHERE rt.assessment_id = ${assessments.id} AND rt.status = 'open')`.mapWith(
    Number,
  );

const campaignOrg = alias(orgs, 'campaign_org');

function base(db: Db) {
  return db
    .select({
      a: assessments,
      campaign: assessmentCampaigns,
      studio: studios,
      orgPath: orgs.path,
      hostOrgName: orgs.name,
      leaderName: people.name,
      reviewersAssigned: reviewerCount(null),
      reviewersSubmitted: reviewerCount('submitted'),
      openTasks,
    })
    .from(assessments)
    .innerJoin(assessmentCampaigns, eq(assessmentCampaigns.id, assessments.campaignId))
    .innerJoin(studios, eq(studios.id, assessments.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .leftJoin(people, eq(people.id, studios.leaderPersonId));
}
export type AssessmentJoined = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

export async function findAssessment({ db, id }: { db: Db; id: number }) {
  const [row] = await base(db).where(eq(assessments.id, id));
  return row ?? null;
}

/**
 * What an actor may list: assessments of studios they belong to or lead, those under their admin scope,
 * and those they are assigned to review.
 */
export function visibleTo({
  adminScope,
  personId,
  userId,
}: {
  adminScope: string[];
  personId: number | null;
  userId: number;
}): SQL {
  const own =
    personId === null
      ? sql`false`
      : sql`(${studios.leaderPersonId} = ${personId} OR ${studios.id} IN (SELECT m.studio_id FROM studio_members m WHERE m.person_id = ${personId} AND m.left_on IS NULL))`;
  const assigned = sql`${assessments.id} IN (SELECT ra.subject_id FROM review_assignments ra WHERE ra.subject_type = ${SUBJECT} AND ra.reviewer_user_id = ${userId} AND ra.status <> 'cancelled')`;
  return or(own, inScope(orgs.path, adminScope), assigned)!;
}

/** Visible assessments, optionally of one campaign, by studio name. */
export async function listAssessments({
  db,
  visible,
  campaignId,
}: {
  db: Db;
  visible: SQL;
  campaignId?: number;
}) {
  return base(db)
    .where(and(visible, campaignId ? eq(assessments.campaignId, campaignId) : undefined))
    .orderBy(desc(assessmentCampaigns.year), asc(orgs.path), asc(studios.name), asc(assessments.id));
}

/** Campaigns with their org and rulebook, newest year first. */
export async function listCampaigns({ db, where }: { db: Db; where?: SQL }) {
  return db
    .select({
      c: assessmentCampaigns,
      orgPath: campaignOrg.path,
      orgName: campaignOrg.name,
      rulebookName: rulebooks.name,
      rulebookVersionNo: rulebooks.versionNo,
    })
    .from(assessmentCampaigns)
    .innerJoin(campaignOrg, eq(campaignOrg.id, assessmentCampaigns.orgId))
    .innerJoin(rulebooks, eq(rulebooks.id, assessmentCampaigns.rulebookId))
    .where(where)
    .orderBy(desc(assessmentCampaigns.year), desc(assessmentCampaigns.id));
}
export type CampaignJoined = Awaited<ReturnType<typeof listCampaigns>>[number];

/** Visible assessments per campaign and state, for the campaign list. */
export async function countByCampaign({
  db,
  visible,
  campaignIds,
}: {
  db: Db;
  visible: SQL;
  campaignIds: number[];
}) {
  if (!campaignIds.length) return [];
  return db
    .select({
      campaignId: assessments.campaignId,
      state: assessments.state,
      n: sql<number>`count(*)`.mapWith(Number),
    })
    .from(assessments)
    .innerJoin(studios, eq(studios.id, assessments.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(and(visible, inArray(assessments.campaignId, campaignIds)))
    .groupBy(assessments.campaignId, assessments.state);
}

/** Updates an assessment if its version and (optionally) state still match; null when stale. */
export async function updateAssessmentRow({
  db,
  id,
  version,
  state,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  state?: string;
  set: Partial<typeof assessments.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(assessments)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(
      and(
        eq(assessments.id, id),
        eq(assessments.version, version),
        state ? eq(assessments.state, state) : undefined,
      ),
    )
    .returning();
  return row ?? null;
}

export function listSteps({ db, assessmentId }: { db: Db; assessmentId: number }) {
  return db
    .select()
    .from(assessmentSteps)
    .where(eq(assessmentSteps.assessmentId, assessmentId))
    .orderBy(asc(assessmentSteps.id));
}

export function listTasks({ db, assessmentId }: { db: Db; assessmentId: number }) {
  return db
    .select()
    .from(rectificationTasks)
    .where(eq(rectificationTasks.assessmentId, assessmentId))
    .orderBy(asc(rectificationTasks.id));
}
