import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';

/** Active people by id with their org, for validating contributors, leaders and members. */
export async function peopleByIds({ db, ids }: { db: Db; ids: number[] }) {
  if (ids.length === 0)
    return new Map<number, { id: number; name: string; orgPath: string; orgName: string }>();
  const rows = await db
    .select({ id: people.id, name: people.name, orgPath: orgs.path, orgName: orgs.name })
    .from(people)
    .innerJoin(orgs, eq(orgs.id, people.orgId))
    .where(and(inArray(people.id, [...new Set(ids)]), isNull(people.archivedAt)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Active orgs by id. */
export async function orgsByIds({ db, ids }: { db: Db; ids: number[] }) {
  if (ids.length === 0) return new Map<number, typeof orgs.$inferSelect>();
  const rows = await db
    .select()
    .from(orgs)
    .where(and(inArray(orgs.id, [...new Set(ids)]), isNull(orgs.archivedAt)));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Names of the enterprises (depth-1 orgs) by path prefix, for labelling items of other enterprises. */
export async function enterpriseNames({ db, prefixes }: { db: Db; prefixes: string[] }) {
  const uniq = [...new Set(prefixes)];
  if (uniq.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ path: orgs.path, name: orgs.name })
    .from(orgs)
    .where(inArray(orgs.path, uniq));
  return new Map(rows.map((r) => [r.path, r.name]));
}
