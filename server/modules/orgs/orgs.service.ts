import { type OrgKind, orgKindLabels } from '../../../common/enums.js';
import type { ImportReport } from '../../../common/schemas/audit.js';
import type { Org, OrgCreate, OrgListQuery, OrgUpdate } from '../../../common/schemas/orgs.js';
import { can, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, conflict, forbidden, mapUniqueViolation, withCurrentOnStale } from '../../core/errors.js';
import { cellEnum, cellInt, cellText, readSheet } from '../../core/excel.js';
import { pageResult } from '../../core/pagination.js';
import { orgErrors } from './orgs.errors.js';
import { kindFitsUnder, orgAbilities, wouldCycle } from './orgs.policy.js';
import * as repo from './orgs.repository.js';

type OrgRow = repo.OrgRow;

function toOrg(ctx: Ctx, row: OrgRow): Org {
  return {
    id: row.id,
    parentId: row.parentId,
    kind: row.kind as OrgKind,
    code: row.code,
    name: row.name,
    employeeCount: row.employeeCount,
    depth: row.depth,
    path: row.path,
    archivedAt: row.archivedAt,
    version: row.version,
    updatedAt: row.updatedAt,
    abilities: orgAbilities(ctx.actor, row),
  };
}

/** Gets an org the actor can see; throws orgs.not_found (404) outside their scope. */
export async function getOrg({ ctx, id }: { ctx: Ctx; id: number }): Promise<Org> {
  return toOrg(ctx, await getRow(ctx, id));
}

async function getRow(ctx: Ctx, id: number) {
  const row = await repo.findOrgInScope({ db: ctx.db, scope: scopeOf(ctx.actor, 'orgs.read'), id });
  if (!row) throw orgErrors.notFound();
  return row;
}

/** Gets an org for a change: 404 when invisible, 403 when visible but not writable. */
async function getWritableRow(ctx: Ctx, id: number) {
  const row = await getRow(ctx, id);
  if (!can(ctx.actor, 'orgs.write', row.path)) throw forbidden();
  return row;
}

/** The parent of a visible node, which must be writable too (an admin cannot remove their own root): 403 otherwise. */
async function getWritableParent(ctx: Ctx, node: OrgRow) {
  const parent = await repo.findOrgInScope({ db: ctx.db, scope: ['/'], id: node.parentId! });
  if (!parent || !can(ctx.actor, 'orgs.write', parent.path)) throw forbidden();
  return parent;
}

/** Finds a page of orgs in the actor's scope. */
export async function findOrgs({ ctx, query }: { ctx: Ctx; query: OrgListQuery }) {
  const { items, total } = await repo.findOrgs({ db: ctx.db, scope: scopeOf(ctx.actor, 'orgs.read'), query });
  return pageResult(
    items.map((r) => toOrg(ctx, r)),
    total,
    query,
  );
}

/** Every visible org, parents first, for the tree view. */
export async function getOrgTree({ ctx, includeArchived }: { ctx: Ctx; includeArchived: boolean }) {
  const rows = await repo.listOrgTree({
    db: ctx.db,
    scope: scopeOf(ctx.actor, 'orgs.read'),
    includeArchived,
  });
  return rows.map((r) => toOrg(ctx, r));
}

function checkKindUnder(kind: OrgKind, parent: OrgRow) {
  if (parent.archivedAt || !kindFitsUnder(kind, parent.kind as OrgKind)) throw orgErrors.invalidParent();
}

/** Creates an org under a parent the actor may write. Throws orgs.code_taken, orgs.invalid_parent. */
export async function createOrg({ ctx, input }: { ctx: Ctx; input: OrgCreate }): Promise<Org> {
  const parent = await getWritableRow(ctx, input.parentId);
  checkKindUnder(input.kind, parent);
  return ctx.db.transaction(async (tx) => {
    const row = await repo
      .insertOrg({
        db: tx,
        parent,
        values: { kind: input.kind, code: input.code, name: input.name, employeeCount: input.employeeCount },
      })
      .catch((e) => mapUniqueViolation(e, { orgs_code_key: orgErrors.codeTaken }));
    await recordAudit(tx, ctx, {
      action: 'orgs.create',
      entityType: 'org',
      entityId: row.id,
      orgId: row.id,
      orgPath: row.path,
      after: row,
    });
    return toOrg(ctx, row);
  });
}

/** Renames or edits an org. A stale `version` gets conflict.stale (409) and changes nothing. */
export async function updateOrg({
  ctx,
  id,
  input,
}: {
  ctx: Ctx;
  id: number;
  input: OrgUpdate;
}): Promise<Org> {
  const before = await getWritableRow(ctx, id);
  if (input.kind && input.kind !== before.kind) {
    if (before.parentId === null) throw orgErrors.rootProtected();
    const parent = await getRow(ctx, before.parentId);
    checkKindUnder(input.kind, parent);
  }
  const { version, ...set } = input;
  return ctx.db.transaction(async (tx) => {
    const row = await repo
      .updateOrgRow({ db: tx, id, version, set, now: ctx.clock.now().toISOString() })
      .catch((e) => mapUniqueViolation(e, { orgs_code_key: orgErrors.codeTaken }));
    // Re-read (in the transaction: PGlite has one connection): `before` is what this request saw, not the winner's.
    if (!row)
      throw conflict('conflict.stale', { current: toOrg(ctx, await getWritableRow({ ...ctx, db: tx }, id)) });
    await recordAudit(tx, ctx, {
      action: 'orgs.update',
      entityType: 'org',
      entityId: id,
      orgId: id,
      orgPath: row.path,
      before,
      after: row,
    });
    return toOrg(ctx, row);
  });
}

/** Re-parents an org with its subtree. Refuses cycles (orgs.cycle) and moving the root. */
export async function moveOrg({
  ctx,
  id,
  parentId,
  version,
}: {
  ctx: Ctx;
  id: number;
  parentId: number;
  version: number;
}) {
  const node = await getWritableRow(ctx, id);
  if (node.parentId === null) throw orgErrors.rootProtected();
  await getWritableParent(ctx, node);
  const parent = await getWritableRow(ctx, parentId);
  if (wouldCycle(node.path, parent.path)) throw orgErrors.cycle();
  checkKindUnder(node.kind as OrgKind, parent);
  return withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const newPath = `${parent.path}${node.id}/`;
        const row = await repo.updateOrgRow({
          db: tx,
          id,
          version,
          set: { parentId },
          now: ctx.clock.now().toISOString(),
        });
        if (!row) throw conflict('conflict.stale');
        await repo.rewriteSubtreePaths({ db: tx, oldPath: node.path, newPath });
        const moved = await repo.findOrgInScope({ db: tx, scope: ['/'], id });
        await recordAudit(tx, ctx, {
          action: 'orgs.move',
          entityType: 'org',
          entityId: id,
          orgId: id,
          orgPath: newPath,
          before: { parentId: node.parentId, path: node.path },
          after: { parentId, path: newPath },
        });
        return toOrg(ctx, moved!);
      }),
    () => getOrg({ ctx, id }),
  );
}

/** Archives (soft-deletes) or restores an org. Archiving needs its children archived first. */
export async function setOrgArchived({
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
  const node = await getWritableRow(ctx, id);
  if (node.parentId === null) throw orgErrors.rootProtected();
  const parent = await getWritableParent(ctx, node);
  if (archived && (await repo.countActiveChildren({ db: ctx.db, id })) > 0) throw orgErrors.hasChildren();
  if (!archived && parent.archivedAt) throw orgErrors.invalidParent();
  return withCurrentOnStale(
    () =>
      ctx.db.transaction(async (tx) => {
        const now = ctx.clock.now().toISOString();
        const row = await repo.updateOrgRow({
          db: tx,
          id,
          version,
          set: { archivedAt: archived ? now : null },
          now,
        });
        if (!row) throw conflict('conflict.stale');
        await recordAudit(tx, ctx, {
          action: archived ? 'orgs.archive' : 'orgs.restore',
          entityType: 'org',
          entityId: id,
          orgId: id,
          orgPath: row.path,
          before: { archivedAt: node.archivedAt },
          after: { archivedAt: row.archivedAt },
        });
        return toOrg(ctx, row);
      }),
    () => getOrg({ ctx, id }),
  );
}

const importColumns = {
  code: { headers: ['编码', '组织编码', '单位编码', '代码', 'code'], required: true },
  name: { headers: ['名称', '组织名称', '单位名称', '名字', 'name'], required: true },
  parentCode: {
    headers: [
      '上级编码',
      '上级组织编码',
      '上级单位编码',
      '父级编码',
      '上级代码',
      'parent code',
      'parentCode',
    ],
    required: true,
  },
  kind: { headers: ['类型', '组织类型', '层级', '级别', 'kind'], required: true },
  employeeCount: { headers: ['职工人数', '人数', '员工人数', '职工数', 'employees', 'employeeCount'] },
};

/**
 * Imports an org tree from the first sheet of an .xlsx: every row is checked first (code format and
 * uniqueness, parent known and writable, kind fits the parent); with any error nothing is written.
 * Rows whose code exists already update name, kind and head count, so re-importing is harmless.
 */
export async function importOrgs({
  ctx,
  file,
  dryRun,
}: {
  ctx: Ctx;
  file: Buffer;
  dryRun: boolean;
}): Promise<ImportReport> {
  const { rows } = await readSheet(file, importColumns);
  const errors: ImportReport['errors'] = [];
  const err = (row: number, column: string, message: string) => errors.push({ row, column, message });
  type Planned = {
    row: number;
    code: string;
    name: string;
    parentCode: string;
    kind: OrgKind;
    employeeCount: number;
  };
  const planned = new Map<string, Planned>();
  for (const { row, values } of rows) {
    const code = cellText(values.code);
    const name = cellText(values.name);
    const parentCode = cellText(values.parentCode);
    const kind = cellEnum(values.kind, orgKindLabels);
    const employeeCount = cellInt(values.employeeCount);
    if (!code) err(row, '编码', '编码不能为空');
    else if (!/^[A-Za-z0-9_.-]{1,40}$/.test(code))
      err(row, '编码', `编码“${code}”只能包含字母、数字、点、横线和下划线`);
    else if (planned.has(code))
      err(row, '编码', `编码“${code}”在文件中重复（第 ${planned.get(code)!.row} 行）`);
    if (!name) err(row, '名称', '名称不能为空');
    else if (name.length > 100) err(row, '名称', '名称不能超过 100 个字');
    if (!parentCode) err(row, '上级编码', '上级编码不能为空');
    if (kind === null) err(row, '类型', '类型不能为空');
    else if (kind === undefined || kind === 'group')
      err(row, '类型', `类型“${cellText(values.kind)}”无效，应为 企业/分厂/车间/班组`);
    if (employeeCount === undefined || (employeeCount !== null && employeeCount < 0))
      err(row, '职工人数', '职工人数应为不小于 0 的整数');
    if (
      code &&
      name &&
      parentCode &&
      kind &&
      kind !== 'group' &&
      employeeCount !== undefined &&
      !planned.has(code)
    )
      planned.set(code, { row, code, name, parentCode, kind, employeeCount: employeeCount ?? 0 });
  }

  // Resolve parents against the file and the database, in an order that puts parents first.
  const existing = new Map<string, OrgRow | null>();
  const lookup = async (code: string) => {
    if (!existing.has(code)) existing.set(code, await repo.findOrgByCode({ db: ctx.db, code }));
    return existing.get(code)!;
  };
  const kindOf = new Map<string, OrgKind>();
  const order: Planned[] = [];
  const state = new Map<string, 'visiting' | 'done' | 'bad'>();
  const visit = async (p: Planned): Promise<boolean> => {
    const s = state.get(p.code);
    if (s === 'done') return true;
    if (s === 'bad') return false;
    if (s === 'visiting') {
      err(p.row, '上级编码', `上级关系形成循环（${p.code}）`);
      state.set(p.code, 'bad');
      return false;
    }
    state.set(p.code, 'visiting');
    let ok = true;
    const inFile = planned.get(p.parentCode);
    const dbRow = await lookup(p.code);
    if (inFile && !dbRow) {
      ok = await visit(inFile);
      if (ok && !kindFitsUnder(p.kind, inFile.kind)) {
        err(p.row, '类型', `“${orgKindLabels[p.kind].zh}”不能直接隶属于“${orgKindLabels[inFile.kind].zh}”`);
        ok = false;
      }
    } else {
      const parent = await lookup(p.parentCode);
      const visible = parent && can(ctx.actor, 'orgs.read', parent.path);
      if (!parent || !visible || parent.archivedAt) {
        err(p.row, '上级编码', `上级编码“${p.parentCode}”不存在或不在您的管理范围内`);
        ok = false;
      } else if (!can(ctx.actor, 'orgs.write', parent.path)) {
        err(p.row, '上级编码', `您无权在“${parent.name}”下创建组织`);
        ok = false;
      } else if (!kindFitsUnder(p.kind, parent.kind as OrgKind)) {
        err(
          p.row,
          '类型',
          `“${orgKindLabels[p.kind].zh}”不能直接隶属于“${orgKindLabels[parent.kind as OrgKind].zh}”`,
        );
        ok = false;
      }
      if (dbRow) {
        if (!can(ctx.actor, 'orgs.write', dbRow.path)) {
          err(p.row, '编码', `编码“${p.code}”已被您管理范围外的组织使用`);
          ok = false;
        } else if (parent && dbRow.parentId !== parent.id) {
          err(p.row, '上级编码', `组织“${p.code}”已存在且上级不同，请在组织树中移动它`);
          ok = false;
        }
      }
    }
    state.set(p.code, ok ? 'done' : 'bad');
    if (ok) {
      kindOf.set(p.code, p.kind);
      order.push(p);
    }
    return ok;
  };
  for (const p of planned.values()) await visit(p);

  const report: ImportReport = {
    dryRun,
    total: rows.length,
    valid: order.length,
    created: 0,
    updated: 0,
    errors,
  };
  errors.sort((a, b) => a.row - b.row);
  if (errors.length) {
    if (dryRun) return report;
    throw new AppError('imports.has_errors', 400, { report });
  }
  if (dryRun) return report;
  await ctx.db.transaction(async (tx) => {
    const byCode = new Map<string, OrgRow>();
    for (const p of order) {
      const current = await repo.findOrgByCode({ db: tx, code: p.code });
      if (current) {
        const changed =
          current.name !== p.name || current.kind !== p.kind || current.employeeCount !== p.employeeCount;
        if (changed) {
          const row = await repo.updateOrgRow({
            db: tx,
            id: current.id,
            version: current.version,
            set: { name: p.name, kind: p.kind, employeeCount: p.employeeCount },
            now: ctx.clock.now().toISOString(),
          });
          if (!row) throw conflict('conflict.stale');
          await recordAudit(tx, ctx, {
            action: 'orgs.update',
            entityType: 'org',
            entityId: row.id,
            orgId: row.id,
            orgPath: row.path,
            before: current,
            after: row,
          });
          report.updated++;
        }
        byCode.set(p.code, current);
        continue;
      }
      const parent = byCode.get(p.parentCode) ?? (await repo.findOrgByCode({ db: tx, code: p.parentCode }));
      const row = await repo.insertOrg({
        db: tx,
        parent: parent!,
        values: { kind: p.kind, code: p.code, name: p.name, employeeCount: p.employeeCount },
      });
      byCode.set(p.code, row);
      await recordAudit(tx, ctx, {
        action: 'orgs.import',
        entityType: 'org',
        entityId: row.id,
        orgId: row.id,
        orgPath: row.path,
        after: row,
      });
      report.created++;
    }
  });
  return report;
}
