import {
  type Contest,
  type ContestAward,
  type ContestCreate,
  type ContestDetail,
  type ContestEntry,
  type ContestLevel,
  type ContestListQuery,
  type ContestUpdate,
  contestAwardLabels,
  contestLevelLabels,
  type EntryInput,
} from '../../../common/schemas/contests.js';
import { labelOf } from '../../../common/schemas/studio-life.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, forbidden, invalidFields } from '../../core/errors.js';
import { buildWorkbook } from '../../core/excel.js';
import { pageResult } from '../../core/pagination.js';
import {
  actorMemberships,
  allows,
  assertStudioActive,
  EXPORT_LIMIT,
  isAdminOver,
  resolvePeople,
  studioAccessFor,
  studioVisibility,
  toIso,
} from '../activities/studio-life.access.js';
import { contestErrors } from './contests.errors.js';
import { contestPoints, settleEntries } from './contests.policy.js';
import * as repo from './contests.repository.js';

function toContest(ctx: Ctx, memberships: Map<number, string>, r: repo.ContestJoined): Contest {
  const c = r.contest;
  const contribute = allows(ctx, memberships, c.studioId, r.orgPath, 'contribute');
  const manage = allows(ctx, memberships, c.studioId, r.orgPath, 'manage');
  const mayArchive = manage || (contribute && c.createdBy === ctx.actor.userId);
  return {
    id: c.id,
    studioId: c.studioId,
    studioName: r.studioName,
    name: c.name,
    level: c.level as ContestLevel,
    trade: c.trade,
    heldOn: c.heldOn,
    place: c.place,
    organizer: c.organizer,
    summary: c.summary,
    entrantCount: r.entrantCount,
    awardCount: r.awardCount,
    archivedAt: toIso(c.archivedAt),
    version: c.version,
    updatedAt: toIso(c.updatedAt),
    abilities: {
      update: contribute && !c.archivedAt,
      archive: mayArchive && !c.archivedAt,
      restore: mayArchive && !!c.archivedAt,
    },
  };
}

function toEntry(level: ContestLevel, e: repo.EntryJoined): ContestEntry {
  const award = e.e.award as ContestAward | null;
  return {
    personId: e.e.personId,
    name: e.name,
    employeeNo: e.employeeNo,
    orgName: e.orgName,
    score: e.e.score === null ? null : Number(e.e.score),
    rank: e.e.rank,
    award,
    awardTitle: e.e.awardTitle,
    points: contestPoints(level, e.e.rank, award),
  };
}

async function loadContest(ctx: Ctx, id: number, need: 'read' | 'contribute') {
  const row = await repo.getContestJoined({ db: ctx.db, id });
  if (!row) throw contestErrors.notFound();
  const access = await studioAccessFor({
    ctx,
    studioId: row.contest.studioId,
    need,
    notFound: contestErrors.notFound,
  });
  return { row, access };
}

/** Finds a page of contests of the studios the actor can see. */
export async function findContests({ ctx, query }: { ctx: Ctx; query: ContestListQuery }) {
  const [{ items, total }, m] = await Promise.all([
    repo.findContests({ db: ctx.db, visible: studioVisibility(ctx, 'read'), query }),
    actorMemberships(ctx),
  ]);
  return pageResult(
    items.map((r) => toContest(ctx, m, r)),
    total,
    query,
  );
}

/** One contest with its results (ranks, awards, points). Throws contests.not_found. */
export async function getContest({ ctx, id }: { ctx: Ctx; id: number }): Promise<ContestDetail> {
  const { row } = await loadContest(ctx, id, 'read');
  const entries = await repo.listEntries({ db: ctx.db, contestIds: [id] });
  return {
    ...toContest(ctx, await actorMemberships(ctx), row),
    entries: entries.map((e) => toEntry(row.contest.level as ContestLevel, e)),
  };
}

async function checkEntries(ctx: Ctx, studioId: number, entries: EntryInput[]) {
  const settled = settleEntries(entries);
  if (Object.keys(settled.fields).length) throw invalidFields(settled.fields);
  await resolvePeople({
    ctx,
    studioId,
    refs: entries.map((e, i) => ({ personId: e.personId, field: `entries.${i}.personId` })),
  });
  return settled.entries.map((e) => ({
    personId: e.personId,
    score: e.score ?? null,
    rank: e.rank ?? null,
    award: e.award ?? null,
    awardTitle: e.awardTitle ?? null,
  }));
}

/** Records a contest with its entrants' scores, ranks and awards. Audited. */
export async function createContest({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: ContestCreate;
}): Promise<ContestDetail> {
  const access = await studioAccessFor({
    ctx,
    studioId: input.studioId,
    need: 'contribute',
    notFound: () => new AppError('studios.not_found', 404),
  });
  assertStudioActive(access.studio);
  const rows = await checkEntries(ctx, input.studioId, input.entries);
  const now = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction(async (tx) => {
    const { entries: _e, ...values } = input;
    const row = await repo.insertContest({
      db: tx,
      values: {
        ...values,
        place: values.place ?? null,
        organizer: values.organizer ?? null,
        summary: values.summary ?? null,
        createdBy: ctx.actor.userId,
        createdAt: now,
        updatedAt: now,
      },
    });
    await repo.replaceEntries({ db: tx, contestId: row.id, rows });
    await recordAudit(tx, ctx, {
      action: 'contests.create',
      entityType: 'contest',
      entityId: row.id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      after: { ...row, entries: rows },
    });
    return row.id;
  });
  return getContest({ ctx, id });
}

/** Edits a contest; `entries`, when given, replaces the results. 409 on a stale version. */
export async function updateContest({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: ContestUpdate;
}): Promise<ContestDetail> {
  const { row, access } = await loadContest(ctx, id, 'contribute');
  assertStudioActive(access.studio);
  if (row.contest.archivedAt) throw forbidden();
  const rows = input.entries ? await checkEntries(ctx, row.contest.studioId, input.entries) : null;
  const before = rows ? (await repo.listEntries({ db: ctx.db, contestIds: [id] })).map((e) => e.e) : null;
  const known = await actorMemberships(ctx);
  await ctx.db.transaction(async (tx) => {
    const { version, entries: _e, ...set } = input;
    const updated = await repo.updateContestRow({
      db: tx,
      id,
      version,
      set,
      now: ctx.clock.now().toISOString(),
    });
    if (!updated) throw conflict('conflict.stale', { current: toContest(ctx, known, row) });
    if (rows) await repo.replaceEntries({ db: tx, contestId: id, rows });
    await recordAudit(tx, ctx, {
      action: 'contests.update',
      entityType: 'contest',
      entityId: id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      before: before ? { ...row.contest, entries: before } : row.contest,
      after: rows ? { ...updated, entries: rows } : updated,
    });
  });
  return getContest({ ctx, id });
}

/** Archives or restores a contest: the studio's leader, an admin, or whoever recorded it. */
export async function setContestArchived({
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
  const { row, access } = await loadContest(ctx, id, 'contribute');
  const mayManage = access.memberRole === 'leader' || isAdminOver(ctx.actor, access.orgPath);
  if (!mayManage && row.contest.createdBy !== ctx.actor.userId) throw forbidden();
  if (!!row.contest.archivedAt === archived) return getContest({ ctx, id });
  await ctx.db.transaction(async (tx) => {
    const now = ctx.clock.now().toISOString();
    const updated = await repo.updateContestRow({
      db: tx,
      id,
      version,
      set: { archivedAt: archived ? now : null },
      now,
    });
    if (!updated) throw conflict('conflict.stale');
    await recordAudit(tx, ctx, {
      action: archived ? 'contests.archive' : 'contests.restore',
      entityType: 'contest',
      entityId: id,
      orgId: access.studio.hostOrgId,
      orgPath: access.orgPath,
      before: { archivedAt: row.contest.archivedAt },
      after: { archivedAt: updated.archivedAt },
    });
  });
  return getContest({ ctx, id });
}

/** The contests list as an .xlsx, with every entrant's result on a second sheet. */
export async function exportContests({ ctx, query }: { ctx: Ctx; query: ContestListQuery }): Promise<Buffer> {
  const { items } = await repo.findContests({
    db: ctx.db,
    visible: studioVisibility(ctx, 'read'),
    query: { ...query, page: 1, pageSize: EXPORT_LIMIT },
  });
  const entries = await repo.listEntries({ db: ctx.db, contestIds: items.map((r) => r.contest.id) });
  const byId = new Map(items.map((r) => [r.contest.id, r.contest]));
  return buildWorkbook([
    {
      name: '技能比武',
      headers: ['日期', '比武名称', '级别', '工种', '工作室', '主办单位', '地点', '参赛人数', '获奖人数'],
      rows: items.map((r) => [
        r.contest.heldOn,
        r.contest.name,
        labelOf(contestLevelLabels, r.contest.level),
        r.contest.trade,
        r.studioName,
        r.contest.organizer,
        r.contest.place,
        r.entrantCount,
        r.awardCount,
      ]),
      widths: [12, 30, 10, 12, 24, 20, 16, 10, 10],
    },
    {
      name: '比武成绩',
      headers: ['日期', '比武名称', '姓名', '工号', '单位', '成绩', '名次', '奖项', '称号', '积分'],
      rows: entries.map((e) => {
        const c = byId.get(e.e.contestId)!;
        return [
          c.heldOn,
          c.name,
          e.name,
          e.employeeNo,
          e.orgName,
          e.e.score === null ? null : Number(e.e.score),
          e.e.rank,
          labelOf(contestAwardLabels, e.e.award),
          e.e.awardTitle,
          contestPoints(c.level as ContestLevel, e.e.rank, e.e.award as ContestAward | null),
        ];
      }),
      widths: [12, 30, 10, 12, 16, 8, 8, 10, 12, 8],
    },
  ]);
}
