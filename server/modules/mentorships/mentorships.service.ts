import { type SkillGrade, skillGradeLabels } from '../../../common/enums.js';
import type {
  Mentorship,
  MentorshipComplete,
  MentorshipCreate,
  MentorshipDetail,
  MentorshipListQuery,
  MentorshipNoteCreate,
  MentorshipStatus,
  MentorshipTerminate,
  MentorshipUpdate,
} from '../../../common/schemas/mentorships.js';
import { type MentorshipAction, mentorshipMove } from '../../../common/workflows/mentorships.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import {
  AppError,
  conflict,
  forbidden,
  invalidFields,
  mapUniqueViolation,
  withCurrentOnStale,
} from '../../core/errors.js';
import { pageResult } from '../../core/pagination.js';
import { isStudioMember } from '../activities/activities.repository.js';
import {
  actorMemberships,
  allows,
  assertStudioActive,
  resolvePeople,
  studioAccessFor,
  studioVisibility,
  toIso,
} from '../activities/studio-life.access.js';
import { mentorshipErrors } from './mentorships.errors.js';
import { agreementFieldErrors, isHigherGrade } from './mentorships.policy.js';
import * as repo from './mentorships.repository.js';

function toMentorship(ctx: Ctx, memberships: Map<number, string>, r: repo.MentorshipJoined): Mentorship {
  const m = r.m;
  const manage = allows(ctx, memberships, m.studioId, r.orgPath, 'manage');
  const contribute = allows(ctx, memberships, m.studioId, r.orgPath, 'contribute');
  const active = m.status === 'active' && !m.archivedAt;
  return {
    id: m.id,
    studioId: m.studioId,
    studioName: r.studioName,
    mentor: { id: m.mentorPersonId, name: r.mentorName, employeeNo: r.mentorNo },
    apprentice: {
      id: m.apprenticePersonId,
      name: r.apprenticeName,
      employeeNo: r.apprenticeNo,
      skillGrade: r.apprenticeGrade as SkillGrade | null,
    },
    startsOn: m.startsOn,
    endsOn: m.endsOn,
    goals: m.goals,
    targetGrade: m.targetGrade as SkillGrade | null,
    status: m.status as MentorshipStatus,
    outcomeOn: m.outcomeOn,
    outcomeGrade: m.outcomeGrade as SkillGrade | null,
    certificate: m.certificate,
    outcomeNote: m.outcomeNote,
    noteCount: r.noteCount,
    archivedAt: toIso(m.archivedAt),
    version: m.version,
    updatedAt: toIso(m.updatedAt),
    abilities: {
      update: manage && active,
      addNote: contribute && active,
      complete: manage && active,
      terminate: manage && active,
      archive: manage && !m.archivedAt,
      restore: manage && !!m.archivedAt,
    },
  };
}

async function load(ctx: Ctx, id: number, need: 'read' | 'contribute' | 'manage') {
  const row = await repo.getMentorshipJoined({ db: ctx.db, id });
  if (!row) throw mentorshipErrors.notFound();
  const access = await studioAccessFor({
    ctx,
    studioId: row.m.studioId,
    need,
    notFound: mentorshipErrors.notFound,
  });
  return { row, access };
}

/** Finds a page of agreements of the studios the actor can see. */
export async function findMentorships({ ctx, query }: { ctx: Ctx; query: MentorshipListQuery }) {
  const [{ items, total }, m] = await Promise.all([
    repo.findMentorships({ db: ctx.db, visible: studioVisibility(ctx, 'read'), query }),
    actorMemberships(ctx),
  ]);
  return pageResult(
    items.map((r) => toMentorship(ctx, m, r)),
    total,
    query,
  );
}

/** One agreement with its progress notes. Throws mentorships.not_found. */
export async function getMentorship({ ctx, id }: { ctx: Ctx; id: number }): Promise<MentorshipDetail> {
  const { row } = await load(ctx, id, 'read');
  const notes = await repo.listNotes({ db: ctx.db, mentorshipId: id });
  return {
    ...toMentorship(ctx, await actorMemberships(ctx), row),
    notes: notes.map((n) => ({
      id: n.id,
      notedOn: n.notedOn,
      content: n.content,
      authorName: n.authorName,
      createdAt: toIso(n.createdAt),
    })),
  };
}

/**
 * Signs a 师带徒 agreement in a studio the actor manages (its leader or an admin). The mentor must be an
 * active member of the studio; an apprentice has at most one active agreement per studio (409).
 */
export async function createMentorship({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: MentorshipCreate;
}): Promise<MentorshipDetail> {
  const access = await studioAccessFor({
    ctx,
    studioId: input.studioId,
    need: 'manage',
    notFound: () => new AppError('studios.not_found', 404),
  });
  assertStudioActive(access.studio);
  const fields = agreementFieldErrors(input);
  if (Object.keys(fields).length) throw invalidFields(fields);
  await resolvePeople({
    ctx,
    studioId: input.studioId,
    refs: [
      { personId: input.mentorPersonId, field: 'mentorPersonId' },
      { personId: input.apprenticePersonId, field: 'apprenticePersonId' },
    ],
  });
  if (!(await isStudioMember({ db: ctx.db, studioId: input.studioId, personId: input.mentorPersonId }))) {
    throw invalidFields({ mentorPersonId: '师傅须为本工作室的在册成员' });
  }
  const now = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction(async (tx) => {
    const row = await repo
      .insertMentorship({
        db: tx,
        values: {
          ...input,
          targetGrade: input.targetGrade ?? null,
          createdBy: ctx.actor.userId,
          createdAt: now,
          updatedAt: now,
        },
      })
      .catch((e) =>
        mapUniqueViolation(e, { mentorships_active_apprentice_key: mentorshipErrors.apprenticeBusy }),
      );
    await recordAudit(tx, ctx, {
      action: 'mentorships.create',
      entityType: 'mentorship',
      entityId: row.id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      after: row,
    });
    return row.id;
  });
  return getMentorship({ ctx, id });
}

/** Edits the period, goals or target of an active agreement. 409 when stale or no longer active. */
export async function updateMentorship({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: MentorshipUpdate;
}) {
  const { row, access } = await load(ctx, id, 'manage');
  const m = row.m;
  if (m.status !== 'active' || m.archivedAt) throw mentorshipErrors.invalidTransition(m.status);
  const fields = agreementFieldErrors({
    ...m,
    startsOn: input.startsOn ?? m.startsOn,
    endsOn: input.endsOn ?? m.endsOn,
  });
  if (Object.keys(fields).length) throw invalidFields(fields);
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const { version, ...set } = input;
        const updated = await repo.updateMentorshipRow({
          db: tx,
          id,
          version,
          set,
          now: ctx.clock.now().toISOString(),
        });
        if (!updated) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: 'mentorships.update',
          entityType: 'mentorship',
          entityId: id,
          orgId: access.studio.hostOrgId,
          orgPath: access.orgPath,
          before: m,
          after: updated,
        });
      }),
    () => getMentorship({ ctx, id }),
  );
  return getMentorship({ ctx, id });
}

/** Adds a progress note to an active agreement (any contributor of the studio). */
export async function addMentorshipNote({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: MentorshipNoteCreate;
}) {
  const { row, access } = await load(ctx, id, 'contribute');
  if (row.m.status !== 'active' || row.m.archivedAt) throw mentorshipErrors.invalidTransition(row.m.status);
  if (input.notedOn < row.m.startsOn) throw invalidFields({ notedOn: '记录日期不能早于协议开始日期' });
  await ctx.db.transaction(async (tx) => {
    const note = await repo.insertNote({
      db: tx,
      values: { mentorshipId: id, ...input, authorUserId: ctx.actor.userId, authorName: ctx.actor.name },
    });
    await recordAudit(tx, ctx, {
      action: 'mentorships.note',
      entityType: 'mentorship',
      entityId: id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      after: note,
    });
  });
  return getMentorship({ ctx, id });
}

function move(manage: boolean, status: string, action: MentorshipAction) {
  const r = mentorshipMove(status as MentorshipStatus, action, manage ? ['manager'] : []);
  if (!r.ok) throw r.reason === 'forbidden' ? forbidden() : mentorshipErrors.invalidTransition(status);
  return r.to;
}

/**
 * Ends an agreement as 出师. With an `outcomeGrade`, the apprentice's 技能等级 is raised to it and the change
 * is written to their skill-grade history (source 'mentorship'), all in one audited transaction. The
 * grade must be higher than the apprentice's current one.
 */
export async function completeMentorship({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: MentorshipComplete;
}) {
  const { row, access } = await load(ctx, id, 'manage');
  if (row.m.archivedAt) throw mentorshipErrors.invalidTransition(row.m.status);
  const to = move(true, row.m.status, 'complete');
  if (input.outcomeOn < row.m.startsOn) throw invalidFields({ outcomeOn: '出师日期不能早于协议开始日期' });
  const current = row.apprenticeGrade as SkillGrade | null;
  if (input.outcomeGrade && !isHigherGrade(input.outcomeGrade, current)) {
    throw invalidFields({
      outcomeGrade: `须高于徒弟当前的技能等级（${current ? skillGradeLabels[current].zh : '无'}）`,
    });
  }
  const now = ctx.clock.now().toISOString();
  await withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const updated = await repo.updateMentorshipRow({
          db: tx,
          id,
          version: input.version,
          set: {
            status: to,
            outcomeOn: input.outcomeOn,
            outcomeGrade: input.outcomeGrade ?? null,
            certificate: input.certificate ?? null,
            outcomeNote: input.outcomeNote ?? null,
          },
          now,
        });
        if (!updated) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: 'mentorships.complete',
          entityType: 'mentorship',
          entityId: id,
          orgId: access.studio.hostOrgId,
          orgPath: access.orgPath,
          before: row.m,
          after: updated,
        });
        if (input.outcomeGrade) {
          const change = await repo.changeSkillGrade({
            db: tx,
            personId: row.m.apprenticePersonId,
            from: current,
            to: input.outcomeGrade,
            on: input.outcomeOn,
            source: 'mentorship',
            sourceId: id,
            note: input.certificate ?? null,
            recordedBy: ctx.actor.userId,
            now,
          });
          await recordAudit(tx, ctx, {
            action: 'people.skill_grade',
            entityType: 'person',
            entityId: row.m.apprenticePersonId,
            orgPath: access.orgPath,
            before: { skillGrade: current },
            after: { skillGrade: input.outcomeGrade, history: change },
          });
        }
      }),
    () => getMentorship({ ctx, id }),
  );
  return getMentorship({ ctx, id });
}

/** Ends an agreement early with a reason (终止). */
export async function terminateMentorship({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: MentorshipTerminate;
}) {
  const { row, access } = await load(ctx, id, 'manage');
  if (row.m.archivedAt) throw mentorshipErrors.invalidTransition(row.m.status);
  const to = move(true, row.m.status, 'terminate');
  if (input.outcomeOn < row.m.startsOn) throw invalidFields({ outcomeOn: '终止日期不能早于协议开始日期' });
  await ctx.db.transaction(async (tx) => {
    const updated = await repo.updateMentorshipRow({
      db: tx,
      id,
      version: input.version,
      set: { status: to, outcomeOn: input.outcomeOn, outcomeNote: input.outcomeNote },
      now: ctx.clock.now().toISOString(),
    });
    if (!updated) throw conflict('conflict.stale');
    await recordAudit(tx, ctx, {
      action: 'mentorships.terminate',
      entityType: 'mentorship',
      entityId: id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      before: row.m,
      after: updated,
    });
  });
  return getMentorship({ ctx, id });
}

/** Archives or restores an agreement (leader or admin). */
export async function setMentorshipArchived({
  ctx,
  id,
  version,
  archived,
}: {
  ctx: Ctx;
  id: number;
  version: number;
  archived: boolean;
}) {
  const { row, access } = await load(ctx, id, 'manage');
  if (!!row.m.archivedAt === archived) return getMentorship({ ctx, id });
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const updated = await repo
      .updateMentorshipRow({ db: tx, id, version, set: { archivedAt: archived ? now : null }, now })
      .catch((e) =>
        mapUniqueViolation(e, { mentorships_active_apprentice_key: mentorshipErrors.apprenticeBusy }),
      );
    if (!updated) throw conflict('conflict.stale');
    await recordAudit(tx, ctx, {
      action: archived ? 'mentorships.archive' : 'mentorships.restore',
      entityType: 'mentorship',
      entityId: id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      before: { archivedAt: row.m.archivedAt },
      after: { archivedAt: updated.archivedAt },
    });
  });
  return getMentorship({ ctx, id });
}
