import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { MemberRole } from '../../../common/enums.js';
import type {
  LeaderChange,
  Member,
  MemberAdd,
  MemberLeave,
  MemberUpdate,
} from '../../../common/schemas/studios.js';
import { can } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { conflict, forbidden, invalidFields, mapUniqueViolation } from '../../core/errors.js';
import { orgs } from '../orgs/orgs.table.js';
import { people } from '../people/people.table.js';
import { getStudioAccess, type StudioAccess } from './studios.access.js';
import { studioErrors } from './studios.errors.js';
import { localToday } from './studios.health.js';
import * as repo from './studios.repository.js';
import { assertActive, getStudio, visiblePerson } from './studios.service.js';
import { studioMembers, studios } from './studios.table.js';

type MemberRow = typeof studioMembers.$inferSelect;
const activeKey = { studio_members_active_key: studioErrors.memberExists };

function memberQuery(db: Db) {
  return db
    .select({
      m: studioMembers,
      personName: people.name,
      employeeNo: people.employeeNo,
      orgName: orgs.name,
      skillGrade: people.skillGrade,
      trade: people.trade,
    })
    .from(studioMembers)
    .innerJoin(people, eq(people.id, studioMembers.personId))
    .innerJoin(orgs, eq(orgs.id, people.orgId));
}

function toMember(r: Awaited<ReturnType<ReturnType<typeof memberQuery>['execute']>>[number]): Member {
  const { m, ...p } = r;
  return {
    id: m.id,
    studioId: m.studioId,
    personId: m.personId,
    ...p,
    role: m.role as MemberRole,
    division: m.division,
    joinedOn: m.joinedOn,
    leftOn: m.leftOn,
    leftReason: m.leftReason,
    version: m.version,
  };
}

const roleOrder = sql`CASE ${studioMembers.role} WHEN 'leader' THEN 0 WHEN 'core' THEN 1 WHEN 'member' THEN 2 ELSE 3 END`;

/** The roster: active members (leader first), and with `includeHistory` everyone who ever left, too. */
export async function findMembers({
  ctx,
  studioId,
  includeHistory,
}: {
  ctx: Ctx;
  studioId: number;
  includeHistory: boolean;
}) {
  await getStudioAccess({ ctx, id: studioId, need: 'read' });
  const rows = await memberQuery(ctx.db)
    .where(
      and(eq(studioMembers.studioId, studioId), includeHistory ? undefined : isNull(studioMembers.leftOn)),
    )
    .orderBy(
      sql`${studioMembers.leftOn} IS NOT NULL`,
      roleOrder,
      desc(studioMembers.leftOn),
      asc(studioMembers.joinedOn),
      asc(studioMembers.id),
    );
  return rows.map(toMember);
}

async function getMember(db: Db, studioId: number, memberId: number): Promise<Member> {
  const [row] = await memberQuery(db).where(
    and(eq(studioMembers.id, memberId), eq(studioMembers.studioId, studioId)),
  );
  if (!row) throw studioErrors.memberNotFound();
  return toMember(row);
}

async function manageable(ctx: Ctx, studioId: number): Promise<StudioAccess> {
  const access = await getStudioAccess({ ctx, id: studioId, need: 'manage' });
  assertActive(access.studio);
  return access;
}

function dateChecks(
  ctx: Ctx,
  checks: { field: string; value: string; notBefore?: string | null; what?: string }[],
) {
  const today = localToday(ctx.clock);
  const fields: Record<string, string> = {};
  for (const c of checks) {
    if (c.value > today) fields[c.field] = '日期不能晚于今天';
    else if (c.notBefore && c.value < c.notBefore)
      fields[c.field] = `日期不能早于${c.what ?? ''}（${c.notBefore}）`;
  }
  if (Object.keys(fields).length) throw invalidFields(fields);
}

const audit = (db: Db, ctx: Ctx, access: StudioAccess, action: string, before: unknown, after: unknown) =>
  recordAudit(db, ctx, {
    action,
    entityType: 'studio',
    entityId: access.studio.id,
    orgId: access.studio.hostOrgId,
    orgPath: access.orgPath,
    before,
    after,
  });

/**
 * Adds a person to the roster as core, member or trainee. Needs 'manage' (admin or the studio's leader);
 * the person must be visible to the actor and not already active here (studios.member_exists, 409).
 */
export async function addMember({
  ctx,
  studioId,
  input,
}: {
  ctx: Ctx;
  studioId: number;
  input: MemberAdd;
}): Promise<Member> {
  const access = await manageable(ctx, studioId);
  const person = await visiblePerson(ctx, input.personId, 'personId');
  dateChecks(ctx, [{ field: 'joinedOn', value: input.joinedOn }]);
  if (await repo.activeMembership({ db: ctx.db, studioId, personId: person.id }))
    throw studioErrors.memberExists();
  const id = await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(studioMembers)
      .values({
        studioId,
        personId: person.id,
        role: input.role,
        division: input.division ?? null,
        joinedOn: input.joinedOn,
      })
      .returning()
      .catch((e) => mapUniqueViolation(e, activeKey));
    await audit(tx, ctx, access, 'studios.member_add', null, { ...row, personName: person.name });
    return row!.id;
  });
  return getMember(ctx.db, studioId, id);
}

async function openRow(ctx: Ctx, studioId: number, memberId: number, version: number): Promise<MemberRow> {
  const [row] = await ctx.db
    .select()
    .from(studioMembers)
    .where(and(eq(studioMembers.id, memberId), eq(studioMembers.studioId, studioId)));
  if (!row) throw studioErrors.memberNotFound();
  if (row.leftOn) throw studioErrors.memberLeft();
  if (row.role === 'leader') throw studioErrors.leaderChangeRequired();
  if (row.version !== version)
    throw conflict('conflict.stale', { current: await getMember(ctx.db, studioId, memberId) });
  return row;
}

/**
 * Changes a member's division of work (in place) or role. A role change closes the current row and opens a
 * new one from today, so the history shows both. The leader's row changes only by a leader change.
 */
export async function updateMember({
  ctx,
  studioId,
  memberId,
  input,
}: {
  ctx: Ctx;
  studioId: number;
  memberId: number;
  input: MemberUpdate;
}): Promise<Member> {
  const access = await manageable(ctx, studioId);
  const before = await openRow(ctx, studioId, memberId, input.version);
  const today = localToday(ctx.clock);
  const now = ctx.clock.now().toISOString();
  const division = input.division === undefined ? before.division : input.division;
  const roleChange = input.role !== undefined && input.role !== before.role;
  const id = await ctx.db.transaction(async (tx) => {
    const [closed] = await tx
      .update(studioMembers)
      .set(
        roleChange
          ? { leftOn: today, leftReason: '角色调整', version: before.version + 1, updatedAt: now }
          : { division, version: before.version + 1, updatedAt: now },
      )
      .where(and(eq(studioMembers.id, memberId), eq(studioMembers.version, before.version)))
      .returning();
    if (!closed) throw conflict('conflict.stale');
    let row = closed;
    if (roleChange) {
      const opened = await tx
        .insert(studioMembers)
        .values({ studioId, personId: before.personId, role: input.role!, division, joinedOn: today })
        .returning();
      row = opened[0]!;
    }
    await audit(tx, ctx, access, roleChange ? 'studios.member_role' : 'studios.member_update', before, row);
    return row.id;
  });
  return getMember(ctx.db, studioId, id);
}

/** Records that a member left on `leftOn` (the row is closed, never deleted). The leader leaves only by a leader change. */
export async function leaveMember({
  ctx,
  studioId,
  memberId,
  input,
}: {
  ctx: Ctx;
  studioId: number;
  memberId: number;
  input: MemberLeave;
}): Promise<Member> {
  const access = await manageable(ctx, studioId);
  const before = await openRow(ctx, studioId, memberId, input.version);
  dateChecks(ctx, [{ field: 'leftOn', value: input.leftOn, notBefore: before.joinedOn, what: '加入日期' }]);
  await ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .update(studioMembers)
      .set({
        leftOn: input.leftOn,
        leftReason: input.reason || '离开工作室',
        version: before.version + 1,
        updatedAt: ctx.clock.now().toISOString(),
      })
      .where(and(eq(studioMembers.id, memberId), eq(studioMembers.version, before.version)))
      .returning();
    if (!row) throw conflict('conflict.stale');
    await audit(tx, ctx, access, 'studios.member_leave', before, row);
  });
  return getMember(ctx.db, studioId, memberId);
}

/**
 * 领衔人变更: an admin over the host org replaces the leader from `effectiveOn`. The old leader's leader row
 * is closed (and, unless `keepOldAsCore` is false, they stay on as core); the new leader's current row, if
 * any, is closed and a leader row opened; studios.leader_person_id follows. One audited action; a stale
 * studio version is 409 with nothing changed.
 */
export async function changeLeader({
  ctx,
  studioId,
  input,
}: {
  ctx: Ctx;
  studioId: number;
  input: LeaderChange;
}) {
  const access = await manageable(ctx, studioId);
  if (!can(ctx.actor, 'studios.create', access.orgPath)) throw forbidden();
  const s = access.studio;
  if (s.leaderPersonId === input.personId) throw studioErrors.leaderUnchanged();
  const person = await visiblePerson(ctx, input.personId, 'personId');
  const oldRow = s.leaderPersonId
    ? await repo.activeMembership({ db: ctx.db, studioId, personId: s.leaderPersonId })
    : null;
  const newRow = await repo.activeMembership({ db: ctx.db, studioId, personId: person.id });
  const notBefore = [oldRow?.joinedOn, newRow?.joinedOn].filter(Boolean).sort().at(-1) ?? null;
  dateChecks(ctx, [
    { field: 'effectiveOn', value: input.effectiveOn, notBefore, what: '现有成员记录的加入日期' },
  ]);
  const now = ctx.clock.now().toISOString();
  const eff = input.effectiveOn;
  const saved = await ctx.db.transaction(async (tx) => {
    const [updated] = await tx
      .update(studios)
      .set({ leaderPersonId: person.id, version: s.version + 1, updatedAt: now })
      .where(and(eq(studios.id, studioId), eq(studios.version, input.version)))
      .returning();
    if (!updated) return false;
    const close = (row: MemberRow, reason: string) =>
      tx
        .update(studioMembers)
        .set({ leftOn: eff, leftReason: reason, version: row.version + 1, updatedAt: now })
        .where(eq(studioMembers.id, row.id));
    if (oldRow) {
      await close(oldRow, `领衔人变更：${input.reason}`);
      if (input.keepOldAsCore && oldRow.role === 'leader') {
        await tx.insert(studioMembers).values({
          studioId,
          personId: oldRow.personId,
          role: 'core',
          division: oldRow.division,
          joinedOn: eff,
        });
      }
    }
    if (newRow) await close(newRow, '担任领衔人');
    await tx.insert(studioMembers).values({
      studioId,
      personId: person.id,
      role: 'leader',
      division: newRow?.division ?? null,
      joinedOn: eff,
    });
    await audit(
      tx,
      ctx,
      access,
      'studios.leader_change',
      { leaderPersonId: s.leaderPersonId },
      {
        leaderPersonId: person.id,
        leaderName: person.name,
        reason: input.reason,
        effectiveOn: eff,
        keepOldAsCore: input.keepOldAsCore,
      },
    );
    return true;
  });
  if (!saved) throw conflict('conflict.stale', { current: await getStudio({ ctx, id: studioId }) });
  return getStudio({ ctx, id: studioId });
}
