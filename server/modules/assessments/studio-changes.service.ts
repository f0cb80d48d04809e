import { and, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type {
  StudioChange,
  StudioChangeCreate,
  StudioChangeTransition,
} from '../../../common/schemas/assessments.js';
import {
  type StudioChangeActorRole,
  type StudioChangeKind,
  type StudioChangeState,
  studioChangeActions,
  studioChangeMove,
} from '../../../common/workflows/studio-change.js';
import { can, inScope, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { conflict, forbidden, invalidFields } from '../../core/errors.js';
import { orgs } from '../orgs/orgs.table.js';
import { results } from '../results/results.table.js';
import { chinaToday } from '../rulebooks/rulebooks.service.js';
import { getStudioAccess, type StudioAccess } from '../studios/studios.access.js';
import { studioErrors } from '../studios/studios.errors.js';
import { studioIsActive } from '../studios/studios.policy.js';
import { studioMembers, studios } from '../studios/studios.table.js';
import { assessmentErrors } from './assessments.errors.js';
import { type MergeMoved, studioChanges } from './assessments.table.js';
import { revokeStudio } from './studios.effects.js';

type ChangeRow = typeof studioChanges.$inferSelect;

/** A studio the actor may propose a change of: visible (else 404), admin over it (else 403), still active. */
async function proposable(ctx: Ctx, id: number): Promise<StudioAccess> {
  const access = await getStudioAccess({ ctx, id, need: 'read' });
  if (!can(ctx.actor, 'studioChanges.propose', access.orgPath)) throw forbidden();
  if (!studioIsActive(access.studio)) throw studioErrors.inactive();
  return access;
}

async function pendingFor(db: Db, ids: number[]) {
  const list = sql.join(
    ids.map((i) => sql`${i}`),
    sql`, `,
  );
  const [row] = await db
    .select({ id: studioChanges.id })
    .from(studioChanges)
    .where(
      and(
        eq(studioChanges.state, 'proposed'),
        or(
          inArray(studioChanges.studioId, ids),
          sql`EXISTS (SELECT 1 FROM jsonb_array_elements_text(${studioChanges.absorbedIds}) x WHERE x::int IN (${list}))`,
        ),
      ),
    );
  return row ?? null;
}

interface LoadedChange {
  row: ChangeRow;
  main: { id: number; name: string; path: string };
  absorbed: { id: number; name: string; path: string }[];
  roles: StudioChangeActorRole[];
}

async function studiosByIds(db: Db, ids: number[]) {
  if (!ids.length) return [];
  return db
    .select({ id: studios.id, name: studios.name, path: orgs.path })
    .from(studios)
    .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
    .where(inArray(studios.id, ids));
}

function rolesFor(ctx: Ctx, row: ChangeRow, paths: string[]): StudioChangeActorRole[] {
  const roles: StudioChangeActorRole[] = [];
  if (paths.every((p) => can(ctx.actor, 'studioChanges.decide', p))) roles.push('groupAdmin');
  if (row.proposedBy === ctx.actor.userId) roles.push('proposer');
  return roles;
}

async function describe(ctx: Ctx, rows: ChangeRow[]): Promise<LoadedChange[]> {
  const all = await studiosByIds(ctx.db, [...new Set(rows.flatMap((r) => [r.studioId, ...r.absorbedIds]))]);
  const byId = new Map(all.map((s) => [s.id, s]));
  return rows.map((row) => {
    const main = byId.get(row.studioId)!;
    const absorbed = row.absorbedIds.map((i) => byId.get(i)!).filter(Boolean);
    return { row, main, absorbed, roles: rolesFor(ctx, row, [main.path, ...absorbed.map((a) => a.path)]) };
  });
}

function toChange(l: LoadedChange): StudioChange {
  const { row } = l;
  const abilities: Record<string, boolean> = {};
  for (const a of studioChangeActions)
    abilities[a] = studioChangeMove(row.state as StudioChangeState, a, l.roles).ok;
  return {
    id: row.id,
    kind: row.kind as StudioChangeKind,
    studioId: row.studioId,
    studioName: l.main.name,
    absorbed: l.absorbed.map((a) => ({ id: a.id, name: a.name })),
    reason: row.reason,
    state: row.state as StudioChangeState,
    effectiveOn: row.effectiveOn,
    proposedByName: row.proposedByName,
    createdAt: row.createdAt,
    decidedByName: row.decidedByName,
    decisionNote: row.decisionNote,
    decidedAt: row.decidedAt,
    moved: row.moved ? { members: row.moved.members.length, results: row.moved.resultIds.length } : null,
    version: row.version,
    abilities,
  };
}

/** Loads a change for the actor: 404 unless they may see the studio it is about. */
async function loadChange(ctx: Ctx, id: number): Promise<LoadedChange> {
  const [row] = await ctx.db.select().from(studioChanges).where(eq(studioChanges.id, id));
  if (!row) throw assessmentErrors.changeNotFound();
  await getStudioAccess({ ctx, id: row.studioId, need: 'read' }).catch(() => {
    throw assessmentErrors.changeNotFound();
  });
  return (await describe(ctx, [row]))[0]!;
}

/**
 * Revocation and merge requests: those about one studio (any who may see it), or all under the actor's
 * admin scope, newest first.
 */
export async function findStudioChanges({
  ctx,
  studioId,
}: {
  ctx: Ctx;
  studioId?: number;
}): Promise<StudioChange[]> {
  let rows: ChangeRow[];
  if (studioId) {
    await getStudioAccess({ ctx, id: studioId, need: 'read' });
    rows = await ctx.db
      .select()
      .from(studioChanges)
      .where(
        or(
          eq(studioChanges.studioId, studioId),
          sql`${studioChanges.absorbedIds} @> ${JSON.stringify([studioId])}::jsonb`,
        ),
      )
      .orderBy(desc(studioChanges.id));
  } else {
    rows = (
      await ctx.db
        .select({ c: studioChanges })
        .from(studioChanges)
        .innerJoin(studios, eq(studios.id, studioChanges.studioId))
        .innerJoin(orgs, eq(orgs.id, studios.hostOrgId))
        .where(inScope(orgs.path, scopeOf(ctx.actor, 'studioChanges.propose')))
        .orderBy(desc(studioChanges.id))
    ).map((r) => r.c);
  }
  return (await describe(ctx, rows)).map(toChange);
}

/**
 * Proposes a revocation of a studio, or a merge of `absorbedStudioIds` into `studioId`, with a reason. An
 * admin over every studio involved (404 for a studio they cannot see, 403 when they see it without being
 * an admin over it); every studio active (400 studios.inactive); none with a pending request (409). Audited.
 */
export async function proposeStudioChange({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: StudioChangeCreate;
}): Promise<StudioChange> {
  const main = await proposable(ctx, input.studioId);
  const absorbedIds = input.kind === 'merge' ? [...new Set(input.absorbedStudioIds)] : [];
  if (input.kind === 'merge') {
    if (!absorbedIds.length) throw invalidFields({ absorbedStudioIds: '请选择并入的工作室' });
    if (absorbedIds.includes(input.studioId))
      throw invalidFields({ absorbedStudioIds: '并入的工作室不能是保留的工作室本身' });
  }
  for (const id of absorbedIds) await proposable(ctx, id);
  const pending = await pendingFor(ctx.db, [input.studioId, ...absorbedIds]);
  if (pending) throw assessmentErrors.changePending(main.studio.name);
  const id = await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const [row] = await tx
      .insert(studioChanges)
      .values({
        kind: input.kind,
        studioId: input.studioId,
        absorbedIds,
        reason: input.reason,
        proposedBy: ctx.actor.userId,
        proposedByName: ctx.actor.name,
        createdAt: now,
        updatedAt: now,
      })
      .returning();
    await recordAudit(tx, ctx, {
      action: 'studio_changes.propose',
      entityType: 'studio_change',
      entityId: row!.id,
      orgId: main.studio.hostOrgId,
      orgPath: main.orgPath,
      after: row,
    });
    return row!.id;
  });
  return toChange(await loadChange(ctx, id));
}

/** Moves the absorbed studio's active members into the survivor (the leader as 骨干) and its results. */
async function absorb(db: Db, ctx: Ctx, from: number, into: number, today: string): Promise<MergeMoved> {
  const members = await db
    .select()
    .from(studioMembers)
    .where(and(eq(studioMembers.studioId, from), isNull(studioMembers.leftOn)));
  const already = new Set(
    (
      await db
        .select({ personId: studioMembers.personId })
        .from(studioMembers)
        .where(and(eq(studioMembers.studioId, into), isNull(studioMembers.leftOn)))
    ).map((m) => m.personId),
  );
  const now = ctx.clock.now().toISOString();
  const moved: MergeMoved = { members: [], resultIds: [] };
  for (const m of members) {
    await db
      .update(studioMembers)
      .set({ leftOn: today, leftReason: 'merged', updatedAt: now, version: m.version + 1 })
      .where(eq(studioMembers.id, m.id));
    if (already.has(m.personId)) continue;
    already.add(m.personId);
    const role = m.role === 'leader' ? 'core' : m.role;
    await db.insert(studioMembers).values({
      studioId: into,
      personId: m.personId,
      role,
      division: m.division,
      joinedOn: today,
      createdAt: now,
      updatedAt: now,
    });
    moved.members.push({ personId: m.personId, fromStudioId: from, role });
  }
  const res = await db
    .update(results)
    .set({ studioId: into, updatedAt: now })
    .where(eq(results.studioId, from))
    .returning({ id: results.id });
  moved.resultIds = res.map((r) => r.id);
  return moved;
}

/**
 * Approves, rejects or withdraws a request along the workflow table (409 studio_changes.invalid_transition,
 * 403 for the wrong role). Approving a revocation revokes the studio and its namings (已摘牌, the history
 * kept with date and reason); approving a merge moves members and results of each absorbed studio into the
 * survivor and marks it 已合并 with a pointer to the survivor. One transaction, audited; stale version → 409.
 */
export async function transitionStudioChange({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: StudioChangeTransition;
}): Promise<StudioChange> {
  const l = await loadChange(ctx, id);
  const state = l.row.state as StudioChangeState;
  const move = studioChangeMove(state, input.action, l.roles);
  if (!move.ok && move.reason === 'invalid_transition')
    throw assessmentErrors.changeInvalidTransition(state, input.action);
  if (!move.ok) throw forbidden();
  const opinion = input.opinion?.trim() || null;
  if (input.action === 'reject' && !opinion) throw invalidFields({ opinion: '请填写不予批准的理由' });
  const today = chinaToday(ctx.clock);
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    let moved: MergeMoved | null = null;
    if (input.action === 'approve') {
      const involved = [l.row.studioId, ...l.row.absorbedIds];
      const rows = await tx.select().from(studios).where(inArray(studios.id, involved));
      if (rows.some((s) => !studioIsActive(s))) throw studioErrors.inactive();
      const cause = { studioChangeId: id };
      if (l.row.kind === 'revocation') {
        await revokeStudio({
          db: tx,
          ctx,
          studio: rows.find((s) => s.id === l.row.studioId)!,
          orgPath: l.main.path,
          reason: `摘牌：${l.row.reason}`,
          on: today,
          cause,
        });
      } else {
        moved = { members: [], resultIds: [] };
        for (const a of l.absorbed) {
          const m = await absorb(tx, ctx, a.id, l.row.studioId, today);
          moved.members.push(...m.members);
          moved.resultIds.push(...m.resultIds);
          await revokeStudio({
            db: tx,
            ctx,
            studio: rows.find((s) => s.id === a.id)!,
            orgPath: a.path,
            reason: `并入${l.main.name}：${l.row.reason}`,
            on: today,
            mergedIntoId: l.row.studioId,
            cause: { ...cause, members: m.members.length, resultIds: m.resultIds },
          });
        }
      }
    }
    const [row] = await tx
      .update(studioChanges)
      .set({
        state: move.to,
        decidedBy: ctx.actor.userId,
        decidedByName: ctx.actor.name,
        decisionNote: opinion,
        decidedAt: now,
        effectiveOn: input.action === 'approve' ? today : null,
        moved,
        version: input.version + 1,
        updatedAt: now,
      })
      .where(
        and(
          eq(studioChanges.id, id),
          eq(studioChanges.version, input.version),
          eq(studioChanges.state, state),
        ),
      )
      .returning();
    if (!row) throw conflict('conflict.stale', { version: l.row.version });
    await recordAudit(tx, ctx, {
      action: `studio_changes.${input.action}`,
      entityType: 'studio_change',
      entityId: id,
      orgPath: l.main.path,
      before: { state, version: l.row.version },
      after: { state: move.to, opinion, moved },
    });
  });
  return toChange(await loadChange(ctx, id));
}
