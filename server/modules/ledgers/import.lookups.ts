import { sql } from 'drizzle-orm';
import type { Actor } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { rowsOf } from '../stats/stats.sql.js';

export interface OrgRef {
  id: number;
  code: string;
  name: string;
  path: string;
}
export interface StudioRef {
  id: number;
  code: string;
  name: string;
  hostOrgId: number;
  orgPath: string;
  status: string;
  archivedAt: string | null;
  field: string | null;
}
export interface PersonRef {
  id: number;
  employeeNo: string;
  name: string;
  orgPath: string;
}
export type Lookups = Awaited<ReturnType<typeof loadLookups>>;

/** A PostgreSQL array literal of ids: one parameter, read the same by pg and PGlite. */
export const idArray = (ids: Iterable<number>) => `{${[...new Set(ids)].join(',')}}`;

/**
 * Lookups of the org subtree the import goes into, read once: orgs, studios and people by code, name or 工号,
 * and the actor's own memberships (a studio leader's rights over their studio). Everything a row needs is then
 * resolved in memory.
 */
export async function loadLookups(db: Db, path: string, actor: Actor) {
  const under = `${path}%`;
  const [orgs, studios, people, mine] = [
    await rowsOf<OrgRef>(
      db,
      sql`SELECT id, code, name, path FROM orgs WHERE path LIKE ${under} AND archived_at IS NULL`,
    ),
    await rowsOf<StudioRef>(
      db,
      sql`SELECT s.id, s.code, s.name, s.host_org_id AS "hostOrgId", o.path AS "orgPath", s.status,
            s.archived_at::text AS "archivedAt", s.field
          FROM studios s JOIN orgs o ON o.id = s.host_org_id WHERE o.path LIKE ${under} AND s.archived_at IS NULL`,
    ),
    await rowsOf<PersonRef>(
      db,
      sql`SELECT p.id, p.employee_no AS "employeeNo", p.name, o.path AS "orgPath"
          FROM people p JOIN orgs o ON o.id = p.org_id WHERE o.path LIKE ${under} AND p.archived_at IS NULL`,
    ),
    actor.personId === null
      ? []
      : await rowsOf<{ studioId: number; role: string }>(
          db,
          sql`SELECT studio_id AS "studioId", role FROM studio_members WHERE person_id = ${actor.personId} AND left_on IS NULL`,
        ),
  ];
  // Indexed once: a ledger of 100k rows against a subtree of 50k orgs and a million people must not scan the
  // lists once per row.
  const index = <T extends { name: string }>(list: T[], codeOf: (x: T) => string) => {
    const byCode = new Map<string, T>();
    const byName = new Map<string, T[]>();
    for (const x of list) {
      if (!byCode.has(codeOf(x))) byCode.set(codeOf(x), x);
      const same = byName.get(x.name);
      if (same) same.push(x);
      else byName.set(x.name, [x]);
    }
    return { byCode, byName };
  };
  const one = <T extends { name: string }>(
    ix: ReturnType<typeof index<T>>,
    key: string,
    what: string,
  ): T | string => {
    const byCode = ix.byCode.get(key);
    if (byCode) return byCode;
    const byName = ix.byName.get(key) ?? [];
    if (byName.length === 1) return byName[0]!;
    return byName.length > 1
      ? `有多个同名${what}“${key}”，请改填编码/工号`
      : `未找到${what}“${key}”（须在所选组织范围内）`;
  };
  const orgIx = index(orgs, (o) => o.code);
  const studioIx = index(studios, (s) => s.code);
  const personIx = index(people, (p) => p.employeeNo);
  const memberRoles = new Map(mine.map((m) => [m.studioId, m.role]));
  return {
    org: (k: string) => one(orgIx, k, '单位'),
    studio: (k: string) => one(studioIx, k, '工作室'),
    person: (name: string, no: string | null): PersonRef | string => {
      if (no) {
        const p = personIx.byCode.get(no);
        if (!p) return `未找到工号为“${no}”的人员`;
        if (p.name !== name) return `工号“${no}”对应的人员是“${p.name}”，与姓名不符`;
        return p;
      }
      return one(personIx, name, '人员');
    },
    /** The actor's active membership role in a studio, if any. */
    memberRole: (studioId: number) => memberRoles.get(studioId) ?? null,
    studioNames: new Set(studios.map((s) => s.name)),
  };
}

/** Which of the (studio, person) pairs already have an active membership: one statement for the whole ledger. */
export async function existingMemberships(db: Db, pairs: { studioId: number; personId: number }[]) {
  if (!pairs.length) return new Set<string>();
  const rows = await rowsOf<{ s: number; p: number }>(
    db,
    sql`SELECT k.s, k.p FROM json_to_recordset(${JSON.stringify(pairs.map((x) => ({ s: x.studioId, p: x.personId })))}::json) AS k(s int, p int)
        WHERE EXISTS (SELECT 1 FROM studio_members m WHERE m.studio_id = k.s AND m.person_id = k.p AND m.left_on IS NULL)`,
  );
  return new Set(rows.map((r) => `${r.s}/${r.p}`));
}

/** Which (studio, title, year) results exist already (not archived): one statement for the whole ledger. */
export async function existingResults(db: Db, keys: { studioId: number; title: string; year: number }[]) {
  if (!keys.length) return new Set<string>();
  const rows = await rowsOf<{ s: number; t: string; y: number }>(
    db,
    sql`SELECT k.s, k.t, k.y FROM json_to_recordset(${JSON.stringify(keys.map((x) => ({ s: x.studioId, t: x.title, y: x.year })))}::json) AS k(s int, t text, y int)
        WHERE EXISTS (SELECT 1 FROM results r WHERE r.studio_id = k.s AND r.title = k.t AND r.year = k.y AND r.archived_at IS NULL)`,
  );
  return new Set(rows.map((r) => `${r.s}/${r.y}/${r.t}`));
}
