import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { ImportBatch, ImportCheck, ImportKind, ImportMapping } from '../../../common/schemas/ledgers.js';
import { can, scopeOf } from '../../core/access.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { AppError, conflict, forbidden, invalidFields } from '../../core/errors.js';
import { storagePath } from '../files/files.service.js';
import { orgErrors } from '../orgs/orgs.errors.js';
import * as orgsRepo from '../orgs/orgs.repository.js';
import { localToday } from '../studios/studios.health.js';
import { importSpecs } from './import.kinds.js';
import { existingMemberships, existingResults, loadLookups } from './import.lookups.js';
import { type CreatePlan, planRows } from './import.rows.js';
import {
  cachedLedgerSheet,
  dropLedgerSheet,
  headerHash,
  mappingProblems,
  readLedgerSheet,
  saveLedgerSheet,
  suggestMapping,
} from './import.sheet.js';
import { lockReferences, writeMembers, writeResults, writeStudios } from './import.write.js';
import { importBatches, importTemplates } from './ledgers.table.js';

/** The largest ledger taken at once (issue #10: 100k rows within a minute). */
const MAX_ROWS = 100_000;
const notFound = () => new AppError('imports.not_found', 404);

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
  const sheet = await cachedLedgerSheet({
    dataDir: ctx.config.dataDir,
    sha256: b.fileSha256,
    kind: b.kind,
    specs: importSpecs[b.kind as ImportKind],
    read: () => fs.readFileSync(file),
  });
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
  const sha = store(ctx, file.buffer);
  // Read once, here: the dry run and the apply reload the parsed rows instead of the workbook.
  saveLedgerSheet({ dataDir: ctx.config.dataDir, sha256: sha, kind, sheet });
  const hash = headerHash(kind, sheet.headers);
  const [tpl] = await ctx.db
    .select()
    .from(importTemplates)
    .where(and(eq(importTemplates.kind, kind), eq(importTemplates.headerHash, hash)));
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

type Sheet = Awaited<ReturnType<typeof readLedgerSheet>>;

/** Plans the whole ledger against the subtree as `ctx.db` sees it (inside the apply's transaction, or not). */
async function plan(ctx: Ctx, kind: ImportKind, orgPath: string, sheet: Sheet, mapping: ImportMapping) {
  const look = await loadLookups(ctx.db, orgPath, ctx.actor);
  const { planned, issues } = await planRows({
    kind,
    sheet,
    mapping,
    plan: {
      actor: ctx.actor,
      today: localToday(ctx.clock),
      lang: ctx.lang,
      look,
      existingMembers: (pairs) => existingMemberships(ctx.db, pairs),
      existingResults: (keys) => existingResults(ctx.db, keys),
    },
  });
  issues.sort((a, b) => a.row - b.row);
  const creates = planned.flatMap((p) => (p.create ? [p.create] : []));
  return { planned, issues, creates, unchanged: planned.length - creates.length };
}

/** Writes the planned records with multi-row statements, by kind. */
async function write(db: Db, ctx: Ctx, creates: CreatePlan[], progress: (done: number) => void) {
  const of = <K extends CreatePlan['kind']>(k: K) =>
    creates.filter((c): c is Extract<CreatePlan, { kind: K }> => c.kind === k);
  await writeStudios(db, ctx, of('studios'), progress);
  await writeMembers(db, ctx, of('members'), progress);
  await writeResults(db, ctx, of('results'), progress);
}

/**
 * Dry run with a mapping: saves the mapping for this header layout (remembered for the next file), then plans
 * the whole import in memory against lookups read once (no write, no statement per row), reporting what each
 * row would do and every problem by row and column.
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
  const r = await plan(ctx, kind, org.path, sheet, mapping);
  await ctx.db
    .update(importBatches)
    .set({ status: batch.status === 'applied' ? 'applied' : 'checked', report: { mapping } })
    .where(eq(importBatches.id, id));
  return {
    rows: sheet.rows.length,
    create: r.creates.length,
    unchanged: r.unchanged,
    errors: r.issues,
    preview: r.planned.slice(0, 200).map((p) => ({
      row: p.row,
      action: p.create ? ('create' as const) : ('unchanged' as const),
      summary: p.summary,
    })),
  };
}

/**
 * Applies a checked import all or nothing, in one transaction: the ledger is planned again there (the subtree may
 * have changed since the dry run); with any problem, nothing is written and imports.has_errors (400) carries them
 * all. The records the rows point at are locked, then written with multi-row statements, each record audited.
 * Rows already there are left as they are, so applying the same ledger again adds nothing.
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
  const r = await ctx.db.transaction(async (tx) => {
    const txCtx: Ctx = { ...ctx, db: tx };
    // Planned again inside the transaction: the subtree may have changed since the dry run. The records the rows
    // point at are then locked; if one was archived in between, the plan is made again under the locks.
    for (let attempt = 1; ; attempt++) {
      const p = await plan(txCtx, kind, org.path, sheet, mapping);
      if (p.issues.length) throw new AppError('imports.has_errors', 400, { errors: p.issues });
      if (await lockReferences(tx, p.creates)) {
        const total = p.creates.length;
        // Not awaited: on the embedded database a write outside this transaction waits for it to end.
        const report = (done: number) => void progress?.(done, total).catch(() => {});
        report(0);
        await write(tx, ctx, p.creates, report);
        // Marked applied in the same transaction: the records and the batch's state commit together.
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
          after: { kind, file: batch.fileName, created: p.creates.length, unchanged: p.unchanged },
        });
        return p;
      }
      if (attempt === 3) throw conflict('conflict.stale', {});
    }
  });
  dropLedgerSheet({ dataDir: ctx.config.dataDir, sha256: batch.fileSha256, kind });
  return { created: r.creates.length, unchanged: r.unchanged };
}

/** Checks that the batch is the actor's and has been checked, before its apply is queued as a job. */
export async function checkApplicable({ ctx, id }: { ctx: Ctx; id: number }) {
  const [b] = await ctx.db.select().from(importBatches).where(eq(importBatches.id, id));
  if (!b || b.createdBy !== ctx.actor.userId) throw notFound();
  if (!(b.report as { mapping?: ImportMapping } | null)?.mapping)
    throw new AppError('imports.mapping_required', 400);
  return b;
}
