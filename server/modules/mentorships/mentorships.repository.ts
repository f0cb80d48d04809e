import { and, asc, count, desc, eq, gte, ilike, isNull, lte, or, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { MentorshipListQuery } from '../../../common/schemas/mentorships.js';
import { underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { studios } from '../studios/studios.table.js';
import { mentorshipNotes, mentorships, skillGradeHistory } from './mentorships.table.js';

const mentor = alias(people, 'mentor');
const apprentice = alias(people, 'apprentice');
const joinedColumns = {
  m: mentorships,
  studioName: studios.name,
  orgPath: orgs.path,
  mentorName: mentor.name,
  mentorNo: mentor.employeeNo,
  apprenticeName: apprentice.name,
  apprenticeNo: apprentice.employeeNo,
  apprenticeGrade: apprentice.skillGrade,
  noteCount: sql<number>`(SELECT count(*)::int FROM mentorship_notes n WHERE n.mentorship_id = ${mentorships.id})`,
};
function joined(db: Db) {
  return db
    .select(joinedColumns)
    .from(mentorships)
    .innerJoin(studios, eq(studios.id, mentorships.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .innerJoin(mentor, eq(mentor.id, mentorships.mentorPersonId))
    .innerJoin(apprentice, eq(apprentice.id, mentorships.apprenticePersonId));
}
export type MentorshipJoined = Awaited<ReturnType<ReturnType<typeof joined>['execute']>>[number];

export async function findMentorships({
  db,
  visible,
  query,
}: {
  db: Db;
  visible: SQL;
  query: MentorshipListQuery;
}) {
  const where = and(
    visible,
    query.includeArchived ? undefined : isNull(mentorships.archivedAt),
    query.studioId ? eq(mentorships.studioId, query.studioId) : undefined,
    underOrg(orgs.path, query.orgId),
    query.startedFrom ? gte(mentorships.startsOn, query.startedFrom) : undefined,
    query.startedTo ? lte(mentorships.startsOn, query.startedTo) : undefined,
    query.status ? eq(mentorships.status, query.status) : undefined,
    query.personId
      ? or(eq(mentorships.mentorPersonId, query.personId), eq(mentorships.apprenticePersonId, query.personId))
      : undefined,
    query.from ? gte(mentorships.endsOn, query.from) : undefined,
    query.to ? lte(mentorships.startsOn, query.to) : undefined,
    query.q
      ? or(ilike(mentor.name, likeText(query.q)), ilike(apprentice.name, likeText(query.q)))
      : undefined,
  );
  const [items, [total]] = await Promise.all([
    joined(db)
      .where(where)
      .orderBy(desc(mentorships.startsOn), desc(mentorships.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(mentorships)
      .innerJoin(studios, eq(studios.id, mentorships.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .innerJoin(mentor, eq(mentor.id, mentorships.mentorPersonId))
      .innerJoin(apprentice, eq(apprentice.id, mentorships.apprenticePersonId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getMentorshipJoined({ db, id }: { db: Db; id: number }) {
  const [row] = await joined(db).where(eq(mentorships.id, id));
  return row ?? null;
}

export async function listNotes({ db, mentorshipId }: { db: Db; mentorshipId: number }) {
  return db
    .select()
    .from(mentorshipNotes)
    .where(eq(mentorshipNotes.mentorshipId, mentorshipId))
    .orderBy(asc(mentorshipNotes.notedOn), asc(mentorshipNotes.id));
}

export async function insertMentorship({ db, values }: { db: Db; values: typeof mentorships.$inferInsert }) {
  const [row] = await db.insert(mentorships).values(values).returning();
  return row!;
}

export async function updateMentorshipRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof mentorships.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(mentorships)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(mentorships.id, id), eq(mentorships.version, version)))
    .returning();
  return row ?? null;
}

export async function insertNote({ db, values }: { db: Db; values: typeof mentorshipNotes.$inferInsert }) {
  const [row] = await db.insert(mentorshipNotes).values(values).returning();
  return row!;
}

/** Sets a person's skill grade and records the change in skill_grade_history; returns the history row. */
export async function changeSkillGrade({
  db,
  personId,
  from,
  to,
  on,
  source,
  sourceId,
  note,
  recordedBy,
  now,
}: {
  db: Db;
  personId: number;
  from: string | null;
  to: string;
  on: string;
  source: string;
  sourceId: number | null;
  note: string | null;
  recordedBy: number;
  now: string;
}) {
  await db
    .update(people)
    .set({ skillGrade: to, version: sql`${people.version} + 1`, updatedAt: now })
    .where(eq(people.id, personId));
  const [row] = await db
    .insert(skillGradeHistory)
    .values({ personId, fromGrade: from, toGrade: to, changedOn: on, source, sourceId, note, recordedBy })
    .returning();
  return row!;
}

export async function listSkillHistory({ db, personId }: { db: Db; personId: number }) {
  return db
    .select()
    .from(skillGradeHistory)
    .where(eq(skillGradeHistory.personId, personId))
    .orderBy(asc(skillGradeHistory.changedOn), asc(skillGradeHistory.id));
}
