import crypto from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { AllowedMime } from '../../../common/schemas/files.js';
import { recordAudit } from '../../core/audit.js';
import type { Deps } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { type FileTarget, storeFile } from './files.service.js';
import { files } from './files.table.js';

/**
 * Uploads without a login (the anonymous idea's photo). The file is stored like any other, but under an
 * owner type no module registers, so nobody can read it; the uploader gets a one-time token that moves it
 * to the owner it is meant for (claimAnonymousFile). The token is `<file id>.<secret>`; the row keeps only
 * the secret's hash, in `purpose` (`pending:<sha256>`) — no schema change, and the database is the one place
 * that says whether a token was used, so two processes or a restart change nothing.
 */
export const PENDING_OWNER = 'anonymous.pending';
/** How long an anonymous upload waits to be attached. */
export const PENDING_TTL_MS = 60 * 60_000;

const hashOf = (secret: string) => `pending:${crypto.createHash('sha256').update(secret).digest('hex')}`;

/**
 * Stores an anonymous upload of one of the `allowed` types (checked from the content) and returns its
 * one-time token and when it expires. Audited with no actor. Throws like storeFile (413, 400).
 */
export async function uploadAnonymousFile({
  deps,
  upload,
  allowed,
}: {
  deps: Pick<Deps, 'db' | 'config' | 'clock'>;
  upload: { buffer: Buffer; filename: string };
  allowed: readonly AllowedMime[];
}): Promise<{ token: string; expiresAt: string }> {
  const secret = crypto.randomBytes(24).toString('base64url');
  const id = await storeFile({
    deps,
    ctx: null,
    target: { ownerType: PENDING_OWNER, ownerId: 0, orgPath: '', purpose: hashOf(secret) },
    upload,
    allowed,
  });
  return {
    token: `${id}.${secret}`,
    expiresAt: new Date(deps.clock.now().getTime() + PENDING_TTL_MS).toISOString(),
  };
}

/**
 * Attaches the anonymous upload behind `token` to `target`, inside the caller's transaction. Returns the
 * file id, or null when the token is malformed, unknown, expired or already used — a used token names a
 * file that is no longer pending, so one upload can never be attached twice. Audited (`files.attach`, no actor).
 */
export async function claimAnonymousFile({
  db,
  token,
  target,
  now,
}: {
  db: Db;
  token: string;
  target: FileTarget;
  now: Date;
}): Promise<number | null> {
  const m = /^(\d{1,9})\.([A-Za-z0-9_-]{32})$/.exec(token);
  if (!m) return null;
  const id = Number(m[1]);
  const [row] = await db
    .update(files)
    .set(target)
    .where(
      and(
        eq(files.id, id),
        eq(files.ownerType, PENDING_OWNER),
        eq(files.purpose, hashOf(m[2]!)),
        gt(files.createdAt, new Date(now.getTime() - PENDING_TTL_MS).toISOString()),
      ),
    )
    .returning({ id: files.id });
  if (!row) return null;
  await recordAudit(db, null, {
    action: 'files.attach',
    entityType: 'file',
    entityId: row.id,
    orgPath: target.orgPath,
    after: { ownerType: target.ownerType, ownerId: target.ownerId, purpose: target.purpose },
  });
  return row.id;
}
