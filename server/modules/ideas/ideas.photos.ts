import fs from 'node:fs';
import type { Deps } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { AppError } from '../../core/errors.js';
import { uploadAnonymousFile } from '../files/files.anonymous.js';
import { fileErrors } from '../files/files.errors.js';
import { findOwnerFiles } from '../files/files.repository.js';
import { storagePath } from '../files/files.service.js';
import { ideaErrors } from './ideas.errors.js';
import * as repo from './ideas.repository.js';

/*
 * The anonymous idea's photo: uploaded without a login before the idea is sent (a one-time token, see
 * files.anonymous.ts), then readable by the idea's handler (owner type 'idea', ideas.files.ts) and by
 * whoever holds the tracking code — nobody else.
 */

/** Photo types an anonymous submitter may upload (checked from the content). */
const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/**
 * Stores the photo of an anonymous idea still to be submitted and returns its one-time token. Throws
 * ideas.photo_type_not_allowed (400) for anything but JPEG/PNG/WebP, files.too_large (413) over the limit.
 */
export async function uploadPublicPhoto({
  deps,
  upload,
}: {
  deps: Pick<Deps, 'db' | 'config' | 'clock'>;
  upload: { buffer: Buffer; filename: string };
}) {
  try {
    return await uploadAnonymousFile({ deps, upload, allowed: PHOTO_TYPES });
  } catch (e) {
    if (e instanceof AppError && e.code === 'files.type_not_allowed') throw ideaErrors.photoTypeNotAllowed();
    throw e;
  }
}

/**
 * The photos the anonymous submitter attached (live, no uploader): what the tracking code shows. Files the
 * handler adds later stay internal.
 */
export async function ideaPhotos({ db, ideaId }: { db: Db; ideaId: number }) {
  const rows = await findOwnerFiles({ db, ownerType: 'idea', ownerId: ideaId, purpose: 'photo' });
  return rows.filter((r) => r.file.uploadedBy === null).map((r) => r.file);
}

/**
 * One photo of the idea behind a tracking code, for download without a login. Any other file id — another
 * idea's, a document, a deleted one — is files.not_found (404); an unknown code is ideas.track_not_found.
 */
export async function trackedPhoto({
  deps,
  code,
  fileId,
}: {
  deps: Pick<Deps, 'db' | 'config'>;
  code: string;
  fileId: number;
}) {
  const row = await repo.findIdeaByTracking({ db: deps.db, trackingCode: code });
  if (!row) throw ideaErrors.trackNotFound();
  const file = (await ideaPhotos({ db: deps.db, ideaId: row.idea.id })).find((f) => f.id === fileId);
  if (!file) throw fileErrors.notFound();
  const path = storagePath(deps.config.dataDir, file.sha256);
  if (!fs.existsSync(path)) throw fileErrors.notFound();
  return { info: file, path };
}
