import { and, asc, count, eq, ilike, isNull, or, sql } from 'drizzle-orm';
import type { PersonListQuery } from '../../../common/schemas/people.js';
import { inScope, underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { users } from '../accounts/accounts.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from './people.table.js';

const columns = {
  person: people,
  orgName: orgs.name,
  orgPath: orgs.path,
  userId: users.id,
  username: users.username,
};

function base(db: Db) {
  return db
    .select(columns)
    .from(people)
    .innerJoin(orgs, eq(orgs.id, people.orgId))
    .leftJoin(users, eq(users.personId, people.id));
}
export type PersonJoined = Awaited<ReturnType<ReturnType<typeof base>['execute']>>[number];

/** One person whose org lies in `scope`, or null. */
export async function findPersonInScope({ db, scope, id }: { db: Db; scope: string[]; id: number }) {
  const [row] = await base(db).where(and(eq(people.id, id), inScope(orgs.path, scope)));
  return row ?? null;
}

export async function findPersonByEmployeeNo({ db, employeeNo }: { db: Db; employeeNo: string }) {
  const [row] = await base(db).where(eq(people.employeeNo, employeeNo));
  return row ?? null;
}

/** A filtered page of people in `scope`. Text matches name or 工号. */
export async function findPeople({ db, scope, query }: { db: Db; scope: string[]; query: PersonListQuery }) {
  const where = and(
    inScope(orgs.path, scope),
    query.includeArchived ? undefined : isNull(people.archivedAt),
    query.q
      ? or(ilike(people.name, likeText(query.q)), ilike(people.employeeNo, likeText(query.q)))
      : undefined,
    underOrg(orgs.path, query.orgId),
    query.skillGrade ? eq(people.skillGrade, query.skillGrade) : undefined,
    query.trade ? ilike(people.trade, likeText(query.trade)) : undefined,
    query.honourKind
      ? sql`${people.honours} @> ${JSON.stringify([{ kind: query.honourKind }])}::jsonb`
      : undefined,
  );
  const [items, [total]] = await Promise.all([
    base(db).where(where).orderBy(asc(people.employeeNo)).limit(query.pageSize).offset(offsetOf(query)),
    db.select({ n: count() }).from(people).innerJoin(orgs, eq(orgs.id, people.orgId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function insertPerson({ db, values }: { db: Db; values: typeof people.$inferInsert }) {
  const [row] = await db.insert(people).values(values).returning();
  return row!;
}

/** Optimistic update: null when the version is stale. */
export async function updatePersonRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof people.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(people)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(people.id, id), eq(people.version, version)))
    .returning();
  return row ?? null;
}
