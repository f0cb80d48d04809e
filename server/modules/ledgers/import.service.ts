import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { ImportBatch, ImportCheck, ImportKind, ImportMapping } from '../../../common/schemas/ledgers.js';
import { can, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import { AppError, forbidden, invalidFields, messageFor } from '../../core/errors.js';
import { storagePath } from '../files/files.service.js';
import { orgErrors } from '../orgs/orgs.errors.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import { importSpecs } from './import.kinds.js';
import { type Issue, planRows } from './import.rows.js';
import { headerHash, mappingProblems, readLedgerSheet, suggestMapping } from './import.sheet.js';
import { importBatches, importTemplates } from './ledgers.table.js';

const MAX_ROWS = 5000;
const notFound = () => new AppError('imports.not_found', 404);
class Rollback extends Error {}

async function orgFor(ctx: Ctx, orgId: number) {
  const org = await orgsRepo.findOrgInScope({
    db: ctx.db,
    scope: scopeOf(ctx.actor, 'ledgers.import'),
    id: orgId,
  });
  if (!org || org.archivedAt) throw orgErrors.notFound();
  return org;
}

function store(ctx: Ctx, buffer: Buffer) {
  const sha256 = crypto.createHash('sha256').update(buffer).digest('hex');
  const target = storagePath(ctx.config.dataDir, sha256);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
    fs.writeFileSync(tmp, buffer);
    fs.renameSync(tmp, target);
  }
  return sha256;
}

async function loadBatch(ctx: Ctx, id: number) {
  const [b] = await ctx.db.select().from(importBatches).where(eq(importBatches.id, id));
  if (!b || b.createdBy !== ctx.actor.userId) throw notFound();
  const file = storagePath(ctx.config.dataDir, b.fileSha256);
  if (!fs.existsSync(file)) throw notFound();
  const sheet = await readLedgerSheet(fs.readFileSync(file), importSpecs[b.kind as ImportKind]);
  const org = await orgFor(ctx, b.orgId);
  return { batch: b, sheet, org, kind: b.kind as ImportKind };
}

function toBatch(
  b: typeof importBatches.$inferSelect,
  sheet: Awaited<ReturnType<typeof readLedgerSheet>>,
  mapping: ImportMapping,
  remembered: boolean,
): ImportBatch {
  const kind = b.kind as ImportKind;
  return {
    id: b.id,
    kind,
    fileName: b.fileName,
    headerRow: sheet.headerRow,
    headers: sheet.headers,
    fields: importSpecs[kind].map((s) => ({ key: s.key, label: s.label, required: !!s.required })),
    mapping,
    remembered,
    status: b.status as ImportBatch['status'],
  };
}

/**
 * Takes an uploaded ledger for an org subtree: finds its header, and maps its columns — with the mapping
 * confirmed last time for the same header layout when there is one, else a guess from synonyms.
 * 404 outside the actor's ledgers.import scope; imports.invalid_file (400) for an unreadable file.
 */
export async function uploadImport({
  ctx,
  kind,
  orgId,
  file,
}: {
  ctx: Ctx;
  kind: ImportKind;
  orgId: number;
  file: { buffer: Buffer; filename: string };
}): Promise<ImportBatch> {
  const org = await orgFor(ctx, orgId);
  const sheet = await readLedgerSheet(file.buffer, importSpecs[kind]);
  if (sheet.rows.length > MAX_ROWS) throw invalidFields({ file: `每次最多导入 ${MAX_ROWS} 行，请拆分文件` });
  const hash = headerHash(kind, sheet.headers);
  const [tpl] = await ctx.db
    .select()
    .from(importTemplates)
    .where(and(eq(importTemplates.kind, kind), eq(importTemplates.headerHash, hash)));
  const sha = store(ctx, file.buffer);
  const [b] = await ctx.db
    .insert(importBatches)
    .values({
      kind,
      orgId: org.id,
      fileSha256: sha,
      fileName: file.filename,
      headerHash: hash,
      createdBy: ctx.actor.userId,
      createdAt: ctx.clock.now().toISOString(),
    })
    .returning();
  return toBatch(b!, sheet, tpl ? tpl.mapping : suggestMapping(importSpecs[kind], sheet.headers), !!tpl);
}

/** Runs every planned create in one transaction, each row in a savepoint so one bad row does not hide the next. */
async function run(
  ctx: Ctx,
  kind: ImportKind,
  orgPath: string,
  sheet: Awaited<ReturnType<typeof readLedgerSheet>>,
  mapping: ImportMapping,
  commit: boolean,
  progress?: (done: number, total: number) => Promise<void>,
) {
  const out = {
    issues: [] as Issue[],
    created: 0,
    unchanged: 0,
    rows: sheet.rows.length,
    preview: [] as ImportCheck['preview'],
  };
  await ctx.db
    .transaction(async (tx) => {
      const txCtx: Ctx = { ...ctx, db: tx };
      const { planned, issues } = await planRows({ ctx: txCtx, kind, path: orgPath, sheet, mapping });
      out.issues.push(...issues);
      for (const [i, p] of planned.entries()) {
        // Not awaited: on the embedded database a write outside this transaction waits for it to end.
        progress?.(i, planned.length).catch(() => {});
        out.preview.push({ row: p.row, action: p.create ? 'create' : 'unchanged', summary: p.summary });
        if (!p.create) {
          out.unchanged++;
          continue;
        }
        try {
          await tx.transaction(async (sp) => p.create!({ ...ctx, db: sp }));
          out.created++;
        } catch (e) {
          if (!(e instanceof AppError)) throw e;
          const fields = (e.details?.fields ?? {}) as Record<string, string>;
          const msgs = Object.values(fields);
          out.issues.push({
            row: p.row,
            column: '—',
            message: msgs.length ? msgs.join('；') : messageFor(e.code, ctx.lang),
          });
        }
      }
      if (!commit || out.issues.length) throw new Rollback();
    })
    .catch((e) => {
      if (!(e instanceof Rollback)) throw e;
    });
  out.issues.sort((a, b) => a.row - b.row);
  return out;
}

/**
 * Dry run with a mapping: saves the mapping for this header layout (remembered for the next file), then plays
 * the whole import in a transaction that is rolled back, reporting every problem by row and column.
 */
export async function checkImport({
  ctx,
  id,
  mapping,
}: {
  ctx: Ctx;
  id: number;
  mapping: ImportMapping;
}): Promise<ImportCheck> {
  const { batch, sheet, org, kind } = await loadBatch(ctx, id);
  const problems = mappingProblems(importSpecs[kind], sheet.headers, mapping);
  if (Object.keys(problems).length)
    throw invalidFields(Object.fromEntries(Object.entries(problems).map(([k, v]) => [`mapping.${k}`, v])));
  const now = ctx.clock.now().toISOString();
  await ctx.db
    .insert(importTemplates)
    .values({
      kind,
      headerHash: batch.headerHash!,
      headers: sheet.headers.map((h) => h.text),
      mapping,
      createdBy: ctx.actor.userId,
      createdAt: now,
      updatedAt: now,
    })
    .onConflictDoUpdate({
      target: [importTemplates.kind, importTemplates.headerHash],
      set: { mapping, updatedAt: now },
    });
  const r = await run(ctx, kind, org.path, sheet, mapping, false);
  await ctx.db
    .update(importBatches)
    .set({ status: batch.status === 'applied' ? 'applied' : 'checked', report: { mapping } })
    .where(eq(importBatches.id, id));
  return {
    rows: r.rows,
    create: r.created,
    unchanged: r.unchanged,
    errors: r.issues,
    preview: r.preview.slice(0, 200),
  };
}

/**
 * Applies a checked import all or nothing: with any problem, nothing is written and imports.has_errors (400)
 * carries them all. Rows already there are left as they are, so applying the same ledger again adds nothing.
 */
export async function applyImport({
  ctx,
  id,
  progress,
}: {
  ctx: Ctx;
  id: number;
  progress?: (done: number, total: number) => Promise<void>;
}) {
  const { batch, sheet, org, kind } = await loadBatch(ctx, id);
  const mapping = (batch.report as { mapping?: ImportMapping } | null)?.mapping;
  if (!mapping) throw new AppError('imports.mapping_required', 400);
  if (!can(ctx.actor, 'ledgers.import', org.path)) throw forbidden();
  const r = await run(ctx, kind, org.path, sheet, mapping, true, progress);
  if (r.issues.length) throw new AppError('imports.has_errors', 400, { errors: r.issues });
  await ctx.db.transaction(async (tx) => {
    await tx
      .update(importBatches)
      .set({ status: 'applied', appliedAt: ctx.clock.now().toISOString() })
      .where(eq(importBatches.id, id));
    await recordAudit(tx, ctx, {
      action: 'ledgers.import',
      entityType: 'import_batch',
      entityId: id,
      orgId: org.id,
      orgPath: org.path,
      after: { kind, file: batch.fileName, created: r.created, unchanged: r.unchanged },
    });
  });
  return { created: r.created, unchanged: r.unchanged };
}

/** Checks that the batch is the actor's and has been checked, before its apply is queued as a job. */
export async function checkApplicable({ ctx, id }: { ctx: Ctx; id: number }) {
  const [b] = await ctx.db.select().from(importBatches).where(eq(importBatches.id, id));
  if (!b || b.createdBy !== ctx.actor.userId) throw notFound();
  if (!(b.report as { mapping?: ImportMapping } | null)?.mapping)
    throw new AppError('imports.mapping_required', 400);
  return b;
}
