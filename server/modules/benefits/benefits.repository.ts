import { and, asc, count, countDistinct, desc, eq, inArray, isNull, type SQL, sql, sum } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { BenefitListQuery } from '../../../common/schemas/benefits.js';
import { inScope, underOrg } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { offsetOf } from '../../core/pagination.js';
import { adoptions } from '../adoptions/adoptions.table.js';
import { orgs } from '../orgs/orgs.table.js';
import { results } from '../results/results.table.js';
import { benefitAttributions, benefits } from './benefits.table.js';

const adoptionOrg = alias(orgs, 'adoption_org');

function base(db: Db) {
  return db
    .select({
      benefit: benefits,
      orgPath: orgs.path,
      orgName: orgs.name,
      resultTitle: results.title,
      resultArchiveNo: results.archiveNo,
      adoptionOrgPath: adoptionOrg.path,
    })
    .from(benefits)
    .innerJoin(orgs, eq(orgs.id, benefits.orgId))
    .innerJoin(results, eq(results.id, benefits.resultId))
    .leftJoin(adoptions, eq(adoptions.id, benefits.adoptionId))
    .leftJoin(adoptionOrg, eq(adoptionOrg.id, adoptions.orgId));
}
export type BenefitJoined = Awaited<ReturnType<typeof base>>[number];

export async function findBenefitRow({ db, id }: { db: Db; id: number }) {
  const [row] = await base(db).where(eq(benefits.id, id));
  return row ?? null;
}

export async function benefitsOfResult({ db, resultId }: { db: Db; resultId: number }) {
  return base(db).where(eq(benefits.resultId, resultId)).orderBy(asc(benefits.periodFrom), asc(benefits.id));
}

/** The finance queue: calculations whose unit lies in `scope` (benefits.verify), filtered. */
export async function findBenefits({
  db,
  scope,
  query,
}: {
  db: Db;
  scope: string[];
  query: BenefitListQuery;
}) {
  const where = and(
    inScope(orgs.path, scope),
    query.includeArchived ? undefined : isNull(benefits.archivedAt),
    query.status ? eq(benefits.status, query.status) : undefined,
    query.resultId ? eq(benefits.resultId, query.resultId) : undefined,
    underOrg(orgs.path, query.orgId),
    query.year
      ? sql`extract(year from coalesce(${benefits.verifiedOn}, ${benefits.periodTo}))::int = ${query.year}`
      : undefined,
  );
  const [items, [total]] = await Promise.all([
    base(db)
      .where(where)
      .orderBy(desc(benefits.updatedAt), desc(benefits.id))
      .limit(query.pageSize)
      .offset(offsetOf(query)),
    db.select({ n: count() }).from(benefits).innerJoin(orgs, eq(orgs.id, benefits.orgId)).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

export async function attributionsOf({ db, benefitIds }: { db: Db; benefitIds: number[] }) {
  if (!benefitIds.length) return [];
  return db
    .select({
      benefitId: benefitAttributions.benefitId,
      orgId: benefitAttributions.orgId,
      orgName: orgs.name,
      share: benefitAttributions.share,
      amountFen: benefitAttributions.amountFen,
    })
    .from(benefitAttributions)
    .innerJoin(orgs, eq(orgs.id, benefitAttributions.orgId))
    .where(inArray(benefitAttributions.benefitId, benefitIds))
    .orderBy(asc(benefitAttributions.id));
}

/** Every live claim of one result with its unit's path, for the duplicate guard. */
export async function claimsOfResult({ db, resultId }: { db: Db; resultId: number }) {
  return db
    .select({
      id: benefits.id,
      orgPath: orgs.path,
      periodFrom: benefits.periodFrom,
      periodTo: benefits.periodTo,
      status: benefits.status,
      archivedAt: benefits.archivedAt,
    })
    .from(benefits)
    .innerJoin(orgs, eq(orgs.id, benefits.orgId))
    .where(eq(benefits.resultId, resultId));
}

/** Serialises benefit writes of one result inside the caller's transaction, so two clerks cannot both pass the guard. */
export async function lockResultBenefits({ db, resultId }: { db: Db; resultId: number }) {
  await db.execute(sql`SELECT pg_advisory_xact_lock(727275, ${resultId})`);
}

const verified = and(eq(benefits.status, 'verified'), isNull(benefits.archivedAt));
const yearOf = (year: number | undefined) =>
  year ? sql`EXTRACT(YEAR FROM ${benefits.verifiedOn}) = ${year}` : undefined;

/** Verified total and counts of the calculations matching `where` (verified only is summed; submitted is counted apart). */
export async function totalsWhere({ db, where, year }: { db: Db; where: SQL; year?: number }) {
  const [v] = await db
    .select({ fen: sum(benefits.amountFen).mapWith(Number), n: count() })
    .from(benefits)
    .innerJoin(results, eq(results.id, benefits.resultId))
    .where(and(where, verified, yearOf(year)));
  const [p] = await db
    .select({ n: count() })
    .from(benefits)
    .innerJoin(results, eq(results.id, benefits.resultId))
    .where(and(where, eq(benefits.status, 'submitted'), isNull(benefits.archivedAt)));
  return { verifiedBenefitFen: v?.fen ?? 0, verifiedCount: v?.n ?? 0, pendingCount: p?.n ?? 0 };
}

/** Verified benefit attributed to the units at or below `orgPath` (by attribution share, each fen once). */
export async function totalsForSubtree({ db, orgPath, year }: { db: Db; orgPath: string; year?: number }) {
  const [v] = await db
    .select({ fen: sum(benefitAttributions.amountFen).mapWith(Number), n: countDistinct(benefits.id) })
    .from(benefitAttributions)
    .innerJoin(benefits, eq(benefits.id, benefitAttributions.benefitId))
    .innerJoin(orgs, eq(orgs.id, benefitAttributions.orgId))
    .where(and(sql`${orgs.path} LIKE ${`${orgPath}%`}`, verified, yearOf(year)));
  const [p] = await db
    .select({ n: countDistinct(benefits.id) })
    .from(benefitAttributions)
    .innerJoin(benefits, eq(benefits.id, benefitAttributions.benefitId))
    .innerJoin(orgs, eq(orgs.id, benefitAttributions.orgId))
    .where(
      and(
        sql`${orgs.path} LIKE ${`${orgPath}%`}`,
        eq(benefits.status, 'submitted'),
        isNull(benefits.archivedAt),
      ),
    );
  return { verifiedBenefitFen: v?.fen ?? 0, verifiedCount: v?.n ?? 0, pendingCount: p?.n ?? 0 };
}

/** Optimistic update: null when `version` is stale. */
export async function updateBenefitRow({
  db,
  id,
  version,
  set,
  now,
}: {
  db: Db;
  id: number;
  version: number;
  set: Partial<typeof benefits.$inferInsert>;
  now: string;
}) {
  const [row] = await db
    .update(benefits)
    .set({ ...set, version: version + 1, updatedAt: now })
    .where(and(eq(benefits.id, id), eq(benefits.version, version)))
    .returning();
  return row ?? null;
}

/** Replaces a calculation's attribution rows. */
export async function replaceAttributions({
  db,
  benefitId,
  parts,
}: {
  db: Db;
  benefitId: number;
  parts: { orgId: number; share: number; amountFen: number }[];
}) {
  await db.delete(benefitAttributions).where(eq(benefitAttributions.benefitId, benefitId));
  if (parts.length) await db.insert(benefitAttributions).values(parts.map((p) => ({ benefitId, ...p })));
}
