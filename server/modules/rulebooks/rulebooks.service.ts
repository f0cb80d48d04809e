import type { NamingLevel } from '../../../common/enums.js';
import {
  type ConditionCheck,
  type Rulebook,
  type RulebookCreate,
  type RulebookListQuery,
  type RulebookPurpose,
  rulebookProblems,
} from '../../../common/schemas/rulebooks.js';
import { can } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Clock, Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { conflict, invalidFields } from '../../core/errors.js';
import { getStudioAccess } from '../studios/studios.access.js';
import { checkConditions } from './conditions.js';
import { rulebookErrors } from './rulebooks.errors.js';
import * as repo from './rulebooks.repository.js';

type RulebookRow = repo.RulebookRow;

const dayFormat = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});
/** Today as YYYY-MM-DD in China time, from the injected clock: deadlines and windows are calendar days there. */
export function chinaToday(clock: Clock): string {
  return dayFormat.format(clock.now());
}

/** The API shape of a rulebook row; `current` says whether it is the newest version of its family. */
export function toRulebook(ctx: Pick<Ctx, 'actor'> | null, row: RulebookRow, current: boolean): Rulebook {
  return {
    id: row.id,
    purpose: row.purpose as RulebookPurpose,
    level: row.level as NamingLevel | null,
    versionNo: row.versionNo,
    name: row.name,
    note: row.note,
    conditions: row.conditions,
    sheet: row.sheet,
    current,
    createdByName: row.createdByName,
    createdAt: row.createdAt,
    abilities: { createVersion: current && !!ctx && can(ctx.actor, 'rulebooks.manage') },
  };
}

/** Lists rulebooks: the current version of each (purpose, level), or every version with `allVersions`. */
export async function listRulebooks({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: RulebookListQuery;
}): Promise<Rulebook[]> {
  const rows = await repo.listRulebooks({ db: ctx.db, ...query, allVersions: query.allVersions === 'true' });
  const latest = await repo.latestVersionNos({ db: ctx.db });
  return rows.map((r) => toRulebook(ctx, r, latest.get(`${r.purpose}:${r.level ?? ''}`) === r.versionNo));
}

/** Gets one rulebook version (any, old ones included); throws rulebooks.not_found. */
export async function getRulebook({ ctx, id }: { ctx: Ctx; id: number }): Promise<Rulebook> {
  const row = await repo.findRulebook({ db: ctx.db, id });
  if (!row) throw rulebookErrors.notFound();
  const current = await repo.findCurrentRulebook({ db: ctx.db, purpose: row.purpose, level: row.level });
  return toRulebook(ctx, row, current?.id === row.id);
}

/**
 * The rulebook version in force for a purpose and level, for other modules (applications, assessments,
 * results). A level-specific rulebook wins over the all-levels one. Throws rulebooks.missing (409).
 */
export async function getCurrentRulebookRow({
  db,
  purpose,
  level,
}: {
  db: Db;
  purpose: RulebookPurpose;
  level: NamingLevel | null;
}): Promise<RulebookRow> {
  const row =
    (level ? await repo.findCurrentRulebook({ db, purpose, level }) : null) ??
    (await repo.findCurrentRulebook({ db, purpose, level: null }));
  if (!row) throw rulebookErrors.missing(purpose, level);
  return row;
}

/** A rulebook version by id for other modules (no access check: versions are not secret). */
export async function getRulebookRow({ db, id }: { db: Db; id: number }): Promise<RulebookRow> {
  const row = await repo.findRulebook({ db, id });
  if (!row) throw rulebookErrors.notFound();
  return row;
}

/**
 * Saves an edit as a NEW version of the (purpose, level) family; older versions never change.
 * `baseId` must be the current version (else conflict.stale, 409, with the current one); a first
 * version of a new family has no baseId.
 */
export async function createRulebookVersion({
  ctx,
  input,
}: {
  ctx: Ctx;
  input: RulebookCreate;
}): Promise<Rulebook> {
  const problems = rulebookProblems(input);
  if (Object.keys(problems).length) throw invalidFields(problems);
  const { baseId, ...values } = input;
  return ctx.db.transaction(async (tx) => {
    const current = await repo.findCurrentRulebook({ db: tx, purpose: values.purpose, level: values.level });
    if ((current?.id ?? undefined) !== baseId) {
      throw conflict('conflict.stale', { current: current ? toRulebook(ctx, current, true) : null });
    }
    const row = await repo
      .insertRulebook({
        db: tx,
        values: {
          ...values,
          note: values.note ?? null,
          versionNo: (current?.versionNo ?? 0) + 1,
          createdBy: ctx.actor.userId,
          createdByName: ctx.actor.name,
          createdAt: ctx.clock.now().toISOString(),
        },
      })
      .catch((e) => {
        // Two admins saving from the same base at once: the unique version index lets only one win.
        if (
          (e as { code?: string; cause?: { code?: string } }).code === '23505' ||
          (e as { cause?: { code?: string } }).cause?.code === '23505'
        )
          throw conflict('conflict.stale');
        throw e;
      });
    await recordAudit(tx, ctx, {
      action: 'rulebooks.create_version',
      entityType: 'rulebook',
      entityId: row.id,
      before: current ? { id: current.id, versionNo: current.versionNo } : null,
      after: row,
    });
    return toRulebook(ctx, row, true);
  });
}

/**
 * Checks a studio against the entry conditions of the current naming rulebook for `level`: each
 * condition passed, failed or left for manual confirmation, with the reason in Chinese.
 * Throws studios.not_found (404) for a studio the actor cannot see.
 */
export async function checkStudioConditions({
  ctx,
  studioId,
  level,
}: {
  ctx: Ctx;
  studioId: number;
  level: NamingLevel;
}): Promise<ConditionCheck> {
  const { studio } = await getStudioAccess({ ctx, id: studioId, need: 'read' });
  const rulebook = await getCurrentRulebookRow({ db: ctx.db, purpose: 'naming', level });
  return conditionCheckFor({ db: ctx.db, clock: ctx.clock, studio, rulebook, level });
}

/** The condition check of a loaded studio against a given rulebook version. */
export async function conditionCheckFor({
  db,
  clock,
  studio,
  rulebook,
  level,
}: {
  db: Db;
  clock: Clock;
  studio: Parameters<typeof checkConditions>[0]['studio'];
  rulebook: RulebookRow;
  level: NamingLevel;
}): Promise<ConditionCheck> {
  const results = await checkConditions({
    db,
    studio,
    conditions: rulebook.conditions,
    today: chinaToday(clock),
  });
  return {
    studioId: studio.id,
    level,
    rulebookId: rulebook.id,
    rulebookVersionNo: rulebook.versionNo,
    checkedAt: clock.now().toISOString(),
    results,
    ok: results.every((r) => r.status !== 'failed'),
  };
}
