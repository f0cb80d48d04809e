import { and, eq, gte, inArray, isNotNull, isNull, lte, type SQL, sql } from 'drizzle-orm';
import { type ActivityKind, activityKinds } from '../../../common/schemas/activities.js';
import type { Db } from '../../core/db.js';
import { allianceMembers } from '../alliances/alliances.table.js';
import { contestEntries, contests } from '../contests/contests.table.js';
import { fundAllocations, fundExpenses } from '../funds/funds.table.js';
import { mentorships, skillGradeHistory } from '../mentorships/mentorships.table.js';
import { activities, activityParticipants } from './activities.table.js';

/** What a studio's own records say about a period: used to pre-fill assessments and feed health. */
export interface StudioLifeIndicators {
  studioId: number;
  /** Activities held in the period, by kind (培训, 技术交流, 技能比武…). */
  activitiesByKind: Record<ActivityKind, number>;
  activities: number;
  /** Attendance person-times of all activities plus outsiders' head counts. */
  participantTimes: number;
  trainingSessions: number;
  /** Sum of the training sessions' hours. */
  trainingHours: number;
  /** Hours credited to attending trainees (person-hours). */
  traineeHours: number;
  /** Distinct people who attended a training as trainees. */
  trainees: number;
  contests: number;
  contestEntries: number;
  /** Entries with a prize or a title. */
  contestAwards: number;
  /** Agreements running at some time in the period. */
  mentorshipsActive: number;
  /** Agreements signed in the period. */
  mentorshipsStarted: number;
  /** Agreements ended as 出师 in the period. */
  mentorshipsCompleted: number;
  /** Skill-grade promotions from 出师 in the period. */
  promotions: number;
  /** Allocations of the years the period touches. */
  fundAllocatedFen: number;
  /** Approved expenses spent in the period. */
  fundSpentFen: number;
  /** Alliances the studio belongs to at the end of the period. */
  alliances: number;
  /** Date of the studio's latest activity up to `to` (null when none). */
  lastActivityOn: string | null;
}

const num = (v: unknown) => Number(v ?? 0);

function empty(studioId: number): StudioLifeIndicators {
  return {
    studioId,
    activitiesByKind: Object.fromEntries(activityKinds.map((k) => [k, 0])) as Record<ActivityKind, number>,
    activities: 0,
    participantTimes: 0,
    trainingSessions: 0,
    trainingHours: 0,
    traineeHours: 0,
    trainees: 0,
    contests: 0,
    contestEntries: 0,
    contestAwards: 0,
    mentorshipsActive: 0,
    mentorshipsStarted: 0,
    mentorshipsCompleted: 0,
    promotions: 0,
    fundAllocatedFen: 0,
    fundSpentFen: 0,
    alliances: 0,
    lastActivityOn: null,
  };
}

/**
 * Counts of a studio's activities, training, contests, mentoring, funds and alliances between `from` and
 * `to` (YYYY-MM-DD, both inclusive), for each of `studioIds` (every id gets a row, zeros when idle).
 * Archived records never count. Called by the annual assessment to pre-fill its indicators; it does not
 * check access — the caller has decided who may see these studios.
 */
export async function studioLifeIndicators({
  db,
  studioIds,
  from,
  to,
}: {
  db: Db;
  studioIds: number[];
  from: string;
  to: string;
}): Promise<Record<number, StudioLifeIndicators>> {
  const out: Record<number, StudioLifeIndicators> = {};
  for (const id of studioIds) out[id] = empty(id);
  if (studioIds.length === 0) return out;
  const inPeriod = (col: typeof activities.heldOn) => and(gte(col, from), lte(col, to));

  const acts = await db
    .select({
      studioId: activities.studioId,
      kind: activities.kind,
      n: sql<number>`count(*)::int`,
      hours: sql<number>`coalesce(sum(${activities.hours}), 0)::float8`,
      outside: sql<number>`coalesce(sum(${activities.outsideCount}), 0)::int`,
    })
    .from(activities)
    .where(
      and(
        inArray(activities.studioId, studioIds),
        isNull(activities.archivedAt),
        inPeriod(activities.heldOn),
      ),
    )
    .groupBy(activities.studioId, activities.kind);
  for (const r of acts) {
    const o = out[r.studioId]!;
    o.activitiesByKind[r.kind as ActivityKind] = num(r.n);
    o.activities += num(r.n);
    o.participantTimes += num(r.outside);
    if (r.kind === 'training') {
      o.trainingSessions = num(r.n);
      o.trainingHours = num(r.hours);
    }
  }

  const attendance = await db
    .select({
      studioId: activities.studioId,
      times: sql<number>`count(*)::int`,
      traineeHours: sql<number>`coalesce(sum(CASE WHEN ${activities.kind} = 'training' AND ${activityParticipants.role} = 'trainee'
        THEN coalesce(${activityParticipants.hours}, ${activities.hours}) END), 0)::float8`,
      trainees: sql<number>`count(DISTINCT CASE WHEN ${activities.kind} = 'training' AND ${activityParticipants.role} = 'trainee'
        THEN ${activityParticipants.personId} END)::int`,
    })
    .from(activityParticipants)
    .innerJoin(activities, eq(activities.id, activityParticipants.activityId))
    .where(
      and(
        inArray(activities.studioId, studioIds),
        isNull(activities.archivedAt),
        inPeriod(activities.heldOn),
        isNotNull(activityParticipants.attendedAt),
      ),
    )
    .groupBy(activities.studioId);
  for (const r of attendance) {
    const o = out[r.studioId]!;
    o.participantTimes += num(r.times);
    o.traineeHours = num(r.traineeHours);
    o.trainees = num(r.trainees);
  }

  const last = await db
    .select({ studioId: activities.studioId, on: sql<string>`max(${activities.heldOn})::text` })
    .from(activities)
    .where(
      and(inArray(activities.studioId, studioIds), isNull(activities.archivedAt), lte(activities.heldOn, to)),
    )
    .groupBy(activities.studioId);
  for (const r of last) out[r.studioId]!.lastActivityOn = r.on;

  const cs = await db
    .select({
      studioId: contests.studioId,
      contests: sql<number>`count(DISTINCT ${contests.id})::int`,
      entries: sql<number>`count(${contestEntries.id})::int`,
      awards: sql<number>`count(CASE WHEN ${contestEntries.award} IS NOT NULL OR ${contestEntries.awardTitle} IS NOT NULL THEN 1 END)::int`,
    })
    .from(contests)
    .leftJoin(contestEntries, eq(contestEntries.contestId, contests.id))
    .where(
      and(
        inArray(contests.studioId, studioIds),
        isNull(contests.archivedAt),
        and(gte(contests.heldOn, from), lte(contests.heldOn, to)),
      ),
    )
    .groupBy(contests.studioId);
  for (const r of cs) {
    const o = out[r.studioId]!;
    o.contests = num(r.contests);
    o.contestEntries = num(r.entries);
    o.contestAwards = num(r.awards);
  }

  const ms = await db
    .select({
      studioId: mentorships.studioId,
      active: sql<number>`count(CASE WHEN ${mentorships.startsOn} <= ${to} AND (${mentorships.outcomeOn} IS NULL OR ${mentorships.outcomeOn} >= ${from}) THEN 1 END)::int`,
      started: sql<number>`count(CASE WHEN ${mentorships.startsOn} BETWEEN ${from} AND ${to} THEN 1 END)::int`,
      completed: sql<number>`count(CASE WHEN ${mentorships.status} = 'completed' AND ${mentorships.outcomeOn} BETWEEN ${from} AND ${to} THEN 1 END)::int`,
    })
    .from(mentorships)
    .where(and(inArray(mentorships.studioId, studioIds), isNull(mentorships.archivedAt)))
    .groupBy(mentorships.studioId);
  for (const r of ms) {
    const o = out[r.studioId]!;
    o.mentorshipsActive = num(r.active);
    o.mentorshipsStarted = num(r.started);
    o.mentorshipsCompleted = num(r.completed);
  }

  const promos = await db
    .select({ studioId: mentorships.studioId, n: sql<number>`count(*)::int` })
    .from(skillGradeHistory)
    .innerJoin(
      mentorships,
      and(eq(skillGradeHistory.source, 'mentorship'), eq(mentorships.id, skillGradeHistory.sourceId)),
    )
    .where(
      and(
        inArray(mentorships.studioId, studioIds),
        isNull(mentorships.archivedAt),
        gte(skillGradeHistory.changedOn, from),
        lte(skillGradeHistory.changedOn, to),
      ),
    )
    .groupBy(mentorships.studioId);
  for (const r of promos) out[r.studioId]!.promotions = num(r.n);

  const alloc = await db
    .select({
      studioId: fundAllocations.studioId,
      sum: sql<string>`coalesce(sum(${fundAllocations.amountFen}), 0)::text`,
    })
    .from(fundAllocations)
    .where(
      and(
        inArray(fundAllocations.studioId, studioIds),
        isNull(fundAllocations.archivedAt),
        gte(fundAllocations.year, Number(from.slice(0, 4))),
        lte(fundAllocations.year, Number(to.slice(0, 4))),
      ),
    )
    .groupBy(fundAllocations.studioId);
  for (const r of alloc) out[r.studioId]!.fundAllocatedFen = num(r.sum);

  const spent = await db
    .select({
      studioId: fundExpenses.studioId,
      sum: sql<string>`coalesce(sum(${fundExpenses.amountFen}), 0)::text`,
    })
    .from(fundExpenses)
    .where(
      and(
        inArray(fundExpenses.studioId, studioIds),
        isNull(fundExpenses.archivedAt),
        eq(fundExpenses.status, 'approved'),
        gte(fundExpenses.spentOn, from),
        lte(fundExpenses.spentOn, to),
      ),
    )
    .groupBy(fundExpenses.studioId);
  for (const r of spent) out[r.studioId]!.fundSpentFen = num(r.sum);

  const al = await db
    .select({
      studioId: allianceMembers.studioId,
      n: sql<number>`count(DISTINCT ${allianceMembers.allianceId})::int`,
    })
    .from(allianceMembers)
    .where(
      and(
        inArray(allianceMembers.studioId, studioIds),
        lte(allianceMembers.joinedOn, to),
        sql`(${allianceMembers.leftOn} IS NULL OR ${allianceMembers.leftOn} > ${to})`,
      ),
    )
    .groupBy(allianceMembers.studioId);
  for (const r of al) if (r.studioId !== null) out[r.studioId]!.alliances = num(r.n);
  return out;
}

/**
 * The date of one studio's latest held activity (any kind), for the studio health check, as a scalar subquery
 * over the studio whose id is `studioId` (NULL when it has none): a studio with none in 12 months is flagged.
 */
export function lastActivitySql(studioId: SQL): SQL {
  // A planned activity is not a sign of life until it has been held (today in China counts).
  return sql`SELECT max(a_h.held_on) FROM activities a_h
    WHERE a_h.studio_id = ${studioId} AND a_h.archived_at IS NULL
      AND a_h.held_on <= ((now() AT TIME ZONE 'UTC') + interval '8 hours')::date`;
}
