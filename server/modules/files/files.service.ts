import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type {
  AllowedMime,
  FileInfo,
  FileListQuery,
  FilePurpose,
  FileUploadQuery,
} from '../../../common/schemas/files.js';
import { recordAudit } from '../../core/audit.js';
import type { Ctx, Deps } from '../../core/context.js';
import { AppError, forbidden } from '../../core/errors.js';
import { detectFileType } from './files.detect.js';
import { fileErrors } from './files.errors.js';
import { type FileNeed, type FileOwnerResolver, fileOwnerResolver } from './files.owners.js';
import * as repo from './files.repository.js';

type Joined = NonNullable<Awaited<ReturnType<typeof repo.findFile>>>;

function resolverOf(ownerType: string): FileOwnerResolver {
  const r = fileOwnerResolver(ownerType);
  if (!r) throw fileErrors.ownerTypeUnknown();
  return r;
}

/** Whether the resolver allows `need` (its 403/404 mean no). */
async function allows(ctx: Ctx, ownerType: string, ownerId: number, need: FileNeed): Promise<boolean> {
  // owner types nobody registered (a pending anonymous upload) are readable by no one
  if (!fileOwnerResolver(ownerType)) return false;
  try {
    await resolverOf(ownerType)(ctx, ownerId, need);
    return true;
  } catch (e) {
    if (e instanceof AppError && (e.status === 403 || e.status === 404)) return false;
    throw e;
  }
}

/**
 * A display name safe to keep: the last path segment (browsers may send `C:\dir\a.pdf`), without control
 * characters, at most 200 characters with the extension kept. It is only ever shown and put in headers —
 * never used as a path on disk.
 */
export function cleanFileName(name: string): string {
  const base = (name.split(/[/\\]/).pop() ?? '').replace(/\p{Cc}/gu, '').trim();
  if (!base || base === '.' || base === '..') return 'file';
  if (base.length <= 200) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, 200 - ext.length) + ext;
}

/** Where the bytes with this hash live: `<dataDir>/files/<first 2 hex>/<sha256>`. */
export function storagePath(dataDir: string, sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('bad sha256');
  return path.join(dataDir, 'files', sha256.slice(0, 2), sha256);
}

/** Writes the bytes once per content (dedup by hash); a temp file + rename keeps readers from seeing half a file. */
function storeBytes(dataDir: string, sha256: string, buffer: Buffer) {
  const target = storagePath(dataDir, sha256);
  if (fs.existsSync(target)) return;
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOSPC') throw new AppError('files.storage_full', 507);
    throw err;
  }
  const tmp = `${target}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`;
  try {
    fs.writeFileSync(tmp, buffer);
    fs.renameSync(tmp, target);
  } catch (err) {
    // A full disk leaves half a temp file: remove it, and say so plainly instead of a generic 500.
    fs.rmSync(tmp, { force: true });
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new AppError('files.storage_full', 507);
    throw err;
  }
}

function toInfo(row: Joined, abilities: Record<string, boolean>): FileInfo {
  const f = row.file;
  return {
    id: f.id,
    ownerType: f.ownerType,
    ownerId: f.ownerId,
    purpose: f.purpose as FilePurpose,
    originalName: f.originalName,
    mime: f.mime,
    size: f.size,
    sha256: f.sha256,
    uploadedBy: f.uploadedBy,
    uploadedByName: row.uploadedByName,
    deletedAt: f.deletedAt,
    createdAt: f.createdAt,
    url: `/api/files/${f.id}/content`,
    abilities,
  };
}

/** Where a stored file goes: its owner (type, id, org path for scoping) and purpose within it. */
export interface FileTarget {
  ownerType: string;
  ownerId: number;
  orgPath: string;
  /** A FilePurpose, or a pending anonymous upload's marker (see files.anonymous.ts). */
  purpose: string;
}

/**
 * Checks, stores and records one upload: size (config.maxUploadMb), non-empty, type detected from the content
 * and within `allowed` (every allowed type when omitted); the bytes are written once per content, the row and
 * its audit record (`files.upload`) in one transaction. `ctx` null = an anonymous upload: no uploader, and the
 * audit record has no actor and no address. Throws files.too_large (413), request.invalid or
 * files.type_not_allowed (400) before a byte is written. Returns the new row's id.
 */
export async function storeFile({
  deps,
  ctx,
  target,
  upload,
  allowed,
}: {
  deps: Pick<Deps, 'db' | 'config' | 'clock'>;
  ctx: Ctx | null;
  target: FileTarget;
  upload: { buffer: Buffer; filename: string };
  allowed?: readonly AllowedMime[];
}): Promise<number> {
  if (upload.buffer.length > deps.config.maxUploadMb * 1024 * 1024) throw fileErrors.tooLarge();
  if (upload.buffer.length === 0)
    throw new AppError('request.invalid', 400, { fields: { file: '文件内容为空' } });
  const mime = detectFileType(upload.buffer);
  if (!mime || (allowed && !allowed.includes(mime))) throw fileErrors.typeNotAllowed();
  const sha256 = crypto.createHash('sha256').update(upload.buffer).digest('hex');
  storeBytes(deps.config.dataDir, sha256, upload.buffer);
  return deps.db.transaction(async (tx) => {
    const row = await repo.insertFile({
      db: tx,
      values: {
        ...target,
        sha256,
        size: upload.buffer.length,
        mime,
        originalName: cleanFileName(upload.filename),
        uploadedBy: ctx?.actor.userId ?? null,
        createdAt: deps.clock.now().toISOString(),
      },
    });
    // a pending upload's purpose holds its token hash: not for the audit log
    const { purpose: _p, ...after } = row;
    await recordAudit(tx, ctx, {
      action: 'files.upload',
      entityType: 'file',
      entityId: row.id,
      orgPath: target.orgPath || null,
      after: ctx ? row : after,
    });
    return row.id;
  });
}

/**
 * Stores an uploaded file for an owner the actor may upload to. The type is detected from the content;
 * anything not allowed is refused (files.type_not_allowed) before a byte is written. Audited.
 */
export async function uploadFile({
  ctx,
  query,
  upload,
}: {
  ctx: Ctx;
  query: FileUploadQuery;
  upload: { buffer: Buffer; filename: string };
}): Promise<FileInfo> {
  const owner = await resolverOf(query.ownerType)(ctx, query.ownerId, 'upload');
  const id = await storeFile({
    deps: ctx,
    ctx,
    target: {
      ownerType: query.ownerType,
      ownerId: query.ownerId,
      orgPath: owner.orgPath,
      purpose: query.purpose,
    },
    upload,
  });
  const row = (await repo.findFile({ db: ctx.db, id }))!;
  return toInfo(row, { delete: true });
}

/** The live files of an owner the actor may read (the owner's own 404/403 otherwise). */
export async function findFiles({ ctx, query }: { ctx: Ctx; query: FileListQuery }): Promise<FileInfo[]> {
  await resolverOf(query.ownerType)(ctx, query.ownerId, 'read');
  const rows = await repo.findOwnerFiles({ db: ctx.db, ...query });
  const canManage = await allows(ctx, query.ownerType, query.ownerId, 'manage');
  const canUpload = canManage || (await allows(ctx, query.ownerType, query.ownerId, 'upload'));
  return rows.map((r) =>
    toInfo(r, { delete: canManage || (canUpload && r.file.uploadedBy === ctx.actor.userId) }),
  );
}

/**
 * A file for download: only for those who may read its owner; anyone else, and deleted files, get
 * files.not_found (404) so nothing reveals that the file exists.
 */
export async function getFileContent({ ctx, id }: { ctx: Ctx; id: number }) {
  const row = await repo.findFile({ db: ctx.db, id });
  if (!row || row.file.deletedAt) throw fileErrors.notFound();
  if (!(await allows(ctx, row.file.ownerType, row.file.ownerId, 'read'))) throw fileErrors.notFound();
  const file = storagePath(ctx.config.dataDir, row.file.sha256);
  if (!fs.existsSync(file)) throw fileErrors.notFound();
  return { info: row.file, path: file };
}

/**
 * Soft-deletes (or restores) a file. Deleting needs 'manage' on the owner, or being the uploader with
 * 'upload'; restoring needs 'manage'. Invisible files are 404, visible but not allowed 403. Audited.
 */
export async function setFileDeleted({
  ctx,
  id,
  deleted,
}: {
  ctx: Ctx;
  id: number;
  deleted: boolean;
}): Promise<FileInfo> {
  const row = await repo.findFile({ db: ctx.db, id });
  if (!row || (deleted && row.file.deletedAt) || (!deleted && !row.file.deletedAt))
    throw fileErrors.notFound();
  const { ownerType, ownerId } = row.file;
  if (!(await allows(ctx, ownerType, ownerId, 'read'))) throw fileErrors.notFound();
  const manage = await allows(ctx, ownerType, ownerId, 'manage');
  const own = row.file.uploadedBy === ctx.actor.userId && (await allows(ctx, ownerType, ownerId, 'upload'));
  if (!manage && !(deleted && own)) throw forbidden();
  await ctx.db.transaction(async (tx) => {
    const after = await repo.setFileDeleted({
      db: tx,
      id,
      deletedAt: deleted ? ctx.clock.now().toISOString() : null,
    });
    await recordAudit(tx, ctx, {
      action: deleted ? 'files.delete' : 'files.restore',
      entityType: 'file',
      entityId: id,
      orgPath: row.file.orgPath,
      before: { deletedAt: row.file.deletedAt, ownerType, ownerId, originalName: row.file.originalName },
      after: { deletedAt: after.deletedAt },
    });
  });
  return toInfo((await repo.findFile({ db: ctx.db, id }))!, { delete: manage || own });
}

/** `attachment; filename="ascii fallback"; filename*=UTF-8''<RFC 5987>` for a stored display name. */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
