import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { rulebooks } from './rulebooks.table.js';

export type RulebookRow = typeof rulebooks.$inferSelect;

const familyOf = (purpose: string, level: string | null) =>
  and(eq(rulebooks.purpose, purpose), level === null ? isNull(rulebooks.level) : eq(rulebooks.level, level));

/** Rulebook versions, newest first within each (purpose, level); only the newest of each unless `allVersions`. */
export async function listRulebooks({
  db,
  purpose,
  level,
  allVersions,
}: {
  db: Db;
  purpose?: string;
  level?: string;
  allVersions: boolean;
}) {
  const latest = sql`${rulebooks.versionNo} = (SELECT max(r2.version_no) FROM rulebooks r2 WHERE r2.purpose = ${rulebooks.purpose} AND coalesce(r2.level, '') = coalesce(${rulebooks.level}, ''))`;
  return db
    .select()
    .from(rulebooks)
    .where(
      and(
        purpose ? eq(rulebooks.purpose, purpose) : undefined,
        level ? eq(rulebooks.level, level) : undefined,
        allVersions ? undefined : latest,
      ),
    )
    .orderBy(
      asc(rulebooks.purpose),
      sql`array_position(ARRAY['enterprise','group','city','province','provinceDemo','national'], ${rulebooks.level})`,
      desc(rulebooks.versionNo),
    );
}

export async function findRulebook({ db, id }: { db: Db; id: number }) {
  const [row] = await db.select().from(rulebooks).where(eq(rulebooks.id, id));
  return row ?? null;
}

/** The newest version of a (purpose, level) family, or null. */
export async function findCurrentRulebook({
  db,
  purpose,
  level,
}: {
  db: Db;
  purpose: string;
  level: string | null;
}) {
  const [row] = await db
    .select()
    .from(rulebooks)
    .where(familyOf(purpose, level))
    .orderBy(desc(rulebooks.versionNo))
    .limit(1);
  return row ?? null;
}

/** The newest version numbers of the families of the given rows, to tell which rows are current. */
export async function latestVersionNos({ db }: { db: Db }) {
  const rows = await db
    .select({
      purpose: rulebooks.purpose,
      level: rulebooks.level,
      v: sql<number>`max(${rulebooks.versionNo})`.mapWith(Number),
    })
    .from(rulebooks)
    .groupBy(rulebooks.purpose, rulebooks.level);
  return new Map(rows.map((r) => [`${r.purpose}:${r.level ?? ''}`, r.v]));
}

export async function insertRulebook({ db, values }: { db: Db; values: typeof rulebooks.$inferInsert }) {
  const [row] = await db.insert(rulebooks).values(values).returning();
  return row!;
}
