import { and, asc, count, desc, eq, gte, ilike, isNull, lte, type SQL, sql } from 'drizzle-orm';
import type { AllocationListQuery, ExpenseListQuery } from '../../../common/schemas/funds.js';
import { underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { orgs } from '../orgs/orgs.table.js';
import { studios } from '../studios/studios.table.js';
import { fundAllocations, fundExpenseEvents, fundExpenses } from './funds.table.js';

const allocationColumns = { a: fundAllocations, studioName: studios.name, orgPath: orgs.path };
function allocationsJoined(db: Db) {
  return db
    .select(allocationColumns)
    .from(fundAllocations)
    .innerJoin(studios, eq(studios.id, fundAllocations.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId));
}
export type AllocationJoined = Awaited<ReturnType<ReturnType<typeof allocationsJoined>['execute']>>[number];

export async function findAllocations({
  db,
  visible,
  query,
}: {
  db: Db;
  visible: SQL;
  query: AllocationListQuery;
}) {
  const where = and(
    visible,
    query.includeArchived ? undefined : isNull(fundAllocations.archivedAt),
    query.studioId ? eq(fundAllocations.studioId, query.studioId) : undefined,
    underOrg(orgs.path, query.orgId),
    query.year ? eq(fundAllocations.year, query.year) : undefined,
    query.source ? eq(fundAllocations.source, query.source) : undefined,
    query.from ? gte(fundAllocations.receivedOn, query.from) : undefined,
    query.to ? lte(fundAllocations.receivedOn, query.to) : undefined,
    query.q ? ilike(studios.name, likeText(query.q)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    allocationsJoined(db)
      .where(where)
      .orderBy(desc(fundAllocations.year), desc(fundAllocations.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(fundAllocations)
      .innerJoin(studios, eq(studios.id, fundAllocations.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getAllocationJoined({ db, id }: { db: Db; id: number }) {
  const [row] = await allocationsJoined(db).where(eq(fundAllocations.id, id));
  return row ?? null;
}

const receiptCount = sql<number>`(SELECT count(*)::int FROM files f WHERE f.owner_type = 'fund_expense' AND f.owner_id = ${fundExpenses.id} AND f.purpose = 'receipt' AND f.deleted_at IS NULL)`;
const expenseColumns = { e: fundExpenses, studioName: studios.name, orgPath: orgs.path, receiptCount };
function expensesJoined(db: Db) {
  return db
    .select(expenseColumns)
    .from(fundExpenses)
    .innerJoin(studios, eq(studios.id, fundExpenses.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId));
}
export type ExpenseJoined = Awaited<ReturnType<ReturnType<typeof expensesJoined>['execute']>>[number];

export async function findExpenses({
  db,
  visible,
  query,
}: {
  db: Db;
  visible: SQL;
  query: ExpenseListQuery;
}) {
  const where = and(
    visible,
    query.includeArchived ? undefined : isNull(fundExpenses.archivedAt),
    query.studioId ? eq(fundExpenses.studioId, query.studioId) : undefined,
    underOrg(orgs.path, query.orgId),
    query.year ? eq(fundExpenses.year, query.year) : undefined,
    query.category ? eq(fundExpenses.category, query.category) : undefined,
    query.status ? eq(fundExpenses.status, query.status) : undefined,
    query.from ? gte(fundExpenses.spentOn, query.from) : undefined,
    query.to ? lte(fundExpenses.spentOn, query.to) : undefined,
    query.q ? ilike(fundExpenses.description, likeText(query.q)) : undefined,
  );
  const [items, [total]] = await Promise.all([
    expensesJoined(db)
      .where(where)
      .orderBy(desc(fundExpenses.spentOn), desc(fundExpenses.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db
      .select({ n: count() })
      .from(fundExpenses)
      .innerJoin(studios, eq(studios.id, fundExpenses.studioId))
      .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
      .where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function getExpenseJoined({ db, id }: { db: Db; id: number }) {
  const [row] = await expensesJoined(db).where(eq(fundExpenses.id, id));
  return row ?? null;
}

export async function listExpenseEvents({ db, expenseId }: { db: Db; expenseId: number }) {
  return db
    .select()
    .from(fundExpenseEvents)
    .where(eq(fundExpenseEvents.expenseId, expenseId))
    .orderBy(asc(fundExpenseEvents.id));
}

/** Serialises balance checks of one studio: concurrent submissions wait for each other. */
export async function lockStudioFunds({ db, studioId }: { db: Db; studioId: number }) {
  await db.execute(sql`SELECT id FROM studios WHERE id = ${studioId} FOR UPDATE`);
}

/** Sums of a studio's allocations and committed expenses (all years; archived rows excluded), in fen. */
export async function balanceOf({
  db,
  studioId,
  excludeExpenseId,
}: {
  db: Db;
  studioId: number;
  excludeExpenseId?: number;
}) {
  const [r] = await db
    .select({
      allocated: sql<string>`(SELECT coalesce(sum(amount_fen), 0)::text FROM fund_allocations WHERE studio_id = ${studioId} AND archived_at IS NULL)`,
      approved: sql<string>`(SELECT coalesce(sum(amount_fen), 0)::text FROM fund_expenses WHERE studio_id = ${studioId} AND archived_at IS NULL AND status = 'approved' AND id <> ${excludeExpenseId ?? 0})`,
      pending: sql<string>`(SELECT coalesce(sum(amount_fen), 0)::text FROM fund_expenses WHERE studio_id = ${studioId} AND archived_at IS NULL AND status = 'submitted' AND id <> ${excludeExpenseId ?? 0})`,
    })
    .from(studios)
    .where(eq(studios.id, studioId));
  const allocatedFen = Number(r?.allocated ?? 0);
  const approvedFen = Number(r?.approved ?? 0);
  const pendingFen = Number(r?.pending ?? 0);
  return {
    studioId,
    allocatedFen,
    approvedFen,
    pendingFen,
    availableFen: allocatedFen - approvedFen - pendingFen,
  };
}

/** Per studio and year: allocations by source and expenses by status and category, in fen. */
export async function summaryRows({
  db,
  visible,
  year,
  studioId,
}: {
  db: Db;
  visible: SQL;
  year: number;
  studioId?: number;
}) {
  const studioWhere = and(visible, studioId ? eq(studios.id, studioId) : undefined);
  const alloc = await db
    .select({
      studioId: fundAllocations.studioId,
      source: fundAllocations.source,
      sum: sql<string>`sum(${fundAllocations.amountFen})::text`,
    })
    .from(fundAllocations)
    .innerJoin(studios, eq(studios.id, fundAllocations.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(and(studioWhere, eq(fundAllocations.year, year), isNull(fundAllocations.archivedAt)))
    .groupBy(fundAllocations.studioId, fundAllocations.source);
  const spent = await db
    .select({
      studioId: fundExpenses.studioId,
      status: fundExpenses.status,
      category: fundExpenses.category,
      sum: sql<string>`sum(${fundExpenses.amountFen})::text`,
    })
    .from(fundExpenses)
    .innerJoin(studios, eq(studios.id, fundExpenses.studioId))
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(and(studioWhere, eq(fundExpenses.year, year), isNull(fundExpenses.archivedAt)))
    .groupBy(fundExpenses.studioId, fundExpenses.status, fundExpenses.category);
  const ids = [...new Set([...alloc.map((a) => a.studioId), ...spent.map((s) => s.studioId)])];
  const names = ids.length
    ? await db
        .select({ id: studios.id, name: studios.name })
        .from(studios)
        .where(
          sql`${studios.id} IN (${sql.join(
            ids.map((i) => sql`${i}`),
            sql`, `,
          )})`,
        )
    : [];
  return { alloc, spent, names };
}

export async function insertAllocation({
  db,
  values,
}: {
  db: Db;
  values: typeof fundAllocations.$inferInsert;
}) {
  const [row] = await db.insert(fundAllocations).values(values).returning();
  return row!;
}

export async function updateAllocationRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof fundAllocations.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(fundAllocations)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(fundAllocations.id, id), eq(fundAllocations.version, version)))
    .returning();
  return row ?? null;
}

export async function insertExpense({ db, values }: { db: Db; values: typeof fundExpenses.$inferInsert }) {
  const [row] = await db.insert(fundExpenses).values(values).returning();
  return row!;
}

export async function updateExpenseRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof fundExpenses.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(fundExpenses)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(fundExpenses.id, id), eq(fundExpenses.version, version)))
    .returning();
  return row ?? null;
}

export async function insertExpenseEvent({
  db,
  values,
}: {
  db: Db;
  values: typeof fundExpenseEvents.$inferInsert;
}) {
  await db.insert(fundExpenseEvents).values(values);
}
