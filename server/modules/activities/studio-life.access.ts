import { and, eq, inArray, isNull, or, type SQL, sql } from 'drizzle-orm';
import { type Actor, inScope, scopeOf } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { AppError, invalidFields } from '../../core/errors.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import {
  getStudioAccess,
  type StudioAccess,
  type StudioNeed,
  studioAllows,
} from '../studios/studios.access.js';
import { studioMembers, studios } from '../studios/studios.table.js';

/**
 * Access helpers shared by the studio-life modules (activities, contests, mentorships, funds, alliances).
 * Per-record checks go through getStudioAccess; lists use studioVisibility so both agree.
 */

/** Org paths under which the actor is a union admin (group or enterprise). */
export function adminScope(actor: Actor): string[] {
  const paths = actor.grants
    .filter((g) => g.role === 'group_admin' || g.role === 'enterprise_admin')
    .map((g) => g.orgPath)
    .sort();
  const out: string[] = [];
  for (const p of paths) if (!out.some((q) => p.startsWith(q))) out.push(p);
  return out;
}

/** Whether the actor is a union admin over the org at `orgPath`. */
export function isAdminOver(actor: Actor, orgPath: string): boolean {
  return adminScope(actor).some((p) => orgPath.startsWith(p));
}

/**
 * WHERE fragment on a query joining `studios` and their host `orgs`: the studios whose records the actor
 * may list. 'read' = studios visible in the actor's subtree or where they are a member; 'contribute' =
 * studios they administer or belong to (used for money, which employees do not see).
 */
export function studioVisibility(ctx: Ctx, need: 'read' | 'contribute'): SQL {
  const scope = need === 'read' ? scopeOf(ctx.actor, 'studios.read') : adminScope(ctx.actor);
  const parts: SQL[] = [inScope(orgs.path, scope)];
  if (ctx.actor.personId !== null) {
    parts.push(
      sql`${studios.id} IN (SELECT studio_id FROM studio_members WHERE person_id = ${ctx.actor.personId} AND left_on IS NULL)`,
    );
  }
  return or(...parts)!;
}

/** The actor's active membership role per studio id. */
export async function actorMemberships(ctx: Ctx): Promise<Map<number, string>> {
  if (ctx.actor.personId === null) return new Map();
  const rows = await ctx.db
    .select({ studioId: studioMembers.studioId, role: studioMembers.role })
    .from(studioMembers)
    .where(and(eq(studioMembers.personId, ctx.actor.personId), isNull(studioMembers.leftOn)));
  return new Map(rows.map((r) => [r.studioId, r.role]));
}

/** Whether the actor may do `need` on a studio, given their memberships (for abilities in lists). */
export function allows(
  ctx: Ctx,
  memberships: Map<number, string>,
  studioId: number,
  orgPath: string,
  need: StudioNeed,
) {
  return studioAllows(ctx.actor, need, orgPath, memberships.get(studioId) ?? null);
}

/**
 * getStudioAccess for a record of another kind: a studio the actor cannot see means the record is
 * reported as `notFound` (404), so nothing reveals that it exists.
 */
export async function studioAccessFor({
  ctx,
  studioId,
  need,
  notFound,
}: {
  ctx: Ctx;
  studioId: number;
  need: StudioNeed;
  notFound: () => AppError;
}): Promise<StudioAccess> {
  try {
    return await getStudioAccess({ ctx, id: studioId, need });
  } catch (e) {
    if (e instanceof AppError && e.code === 'studios.not_found') throw notFound();
    throw e;
  }
}

/** Refuses new records for a studio that is archived, revoked or merged. */
export function assertStudioActive(studio: StudioAccess['studio']) {
  if (studio.archivedAt || studio.status === 'revoked' || studio.status === 'merged') {
    throw new AppError('studio_life.studio_inactive', 400);
  }
}

export interface PersonInfo {
  id: number;
  name: string;
  employeeNo: string;
  orgName: string;
  orgPath: string;
  skillGrade: string | null;
}

/**
 * Resolves people named in a record (participants, entrants, mentor, apprentice). A person may be
 * named when they are active, and an active member of the studio, or inside the actor's people.read
 * scope, or the actor themself. Anyone else is a field error — worded so it never reveals who exists.
 */
export async function resolvePeople({
  ctx,
  studioId,
  refs,
}: {
  ctx: Ctx;
  studioId: number;
  refs: { personId: number; field: string }[];
}): Promise<Map<number, PersonInfo>> {
  const ids = [...new Set(refs.map((r) => r.personId))];
  const out = new Map<number, PersonInfo>();
  if (ids.length === 0) return out;
  const scope = scopeOf(ctx.actor, 'people.read');
  const rows = await ctx.db
    .select({
      id: people.id,
      name: people.name,
      employeeNo: people.employeeNo,
      orgName: orgs.name,
      orgPath: orgs.path,
      skillGrade: people.skillGrade,
      member: sql<boolean>`EXISTS (SELECT 1 FROM studio_members m WHERE m.studio_id = ${studioId} AND m.person_id = ${people.id} AND m.left_on IS NULL)`,
      inScope: sql<boolean>`${inScope(orgs.path, scope)}`,
    })
    .from(people)
    .innerJoin(orgs, eq(orgs.id, people.orgId))
    .where(and(inArray(people.id, ids), isNull(people.archivedAt)));
  for (const r of rows) {
    if (r.member || r.inScope || r.id === ctx.actor.personId) {
      const { member: _m, inScope: _s, ...info } = r;
      out.set(r.id, info);
    }
  }
  const fields: Record<string, string> = {};
  for (const ref of refs) if (!out.has(ref.personId)) fields[ref.field] ??= '人员不存在或不在您的管理范围内';
  if (Object.keys(fields).length) throw invalidFields(fields);
  return out;
}

/** Fields repeated in a list of people: `{ 'participants.3.personId': '人员重复' }`. */
export function duplicatePeople(list: { personId: number }[], prefix: string): Record<string, string> {
  const seen = new Set<number>();
  const fields: Record<string, string> = {};
  list.forEach((p, i) => {
    if (seen.has(p.personId)) fields[`${prefix}.${i}.personId`] = '人员重复';
    seen.add(p.personId);
  });
  return fields;
}

/** Serves an .xlsx download with a Chinese file name. */
export const xlsxHeaders = (filename: string) => ({
  'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'content-disposition': `attachment; filename*=UTF-8''${encodeURIComponent(filename)}`,
});

/** Most rows an export writes; lists larger than this should be filtered first. */
export const EXPORT_LIMIT = 20_000;

/** A timestamp shown as China time, `2025-03-08 14:05`. */
export function chinaTime(ts: string | Date): string {
  const d = typeof ts === 'string' ? new Date(toIso(ts)) : ts;
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A database timestamp text (`2025-03-08 06:05:00.123+00`) as ISO 8601 (`2025-03-08T06:05:00.123Z`). */
export function toIso(ts: string): string;
export function toIso(ts: string | null): string | null;
export function toIso(ts: string | null): string | null {
  if (ts === null) return null;
  const norm = ts.replace(' ', 'T').replace(/([+-]\d{2})$/, '$1:00');
  const d = new Date(norm);
  return Number.isNaN(d.getTime()) ? ts : d.toISOString();
}
