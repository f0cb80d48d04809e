import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../core/db.js';
import { users } from '../accounts/accounts.table.js';
import { files } from './files.table.js';

export type FileRow = typeof files.$inferSelect;

const columns = { file: files, uploadedByName: users.displayName };

/** One file row (deleted ones too), with the uploader's name. */
export async function findFile({ db, id }: { db: Db; id: number }) {
  const [row] = await db
    .select(columns)
    .from(files)
    .leftJoin(users, eq(users.id, files.uploadedBy))
    .where(eq(files.id, id));
  return row ?? null;
}

/** The live files of one owner, oldest first. */
export async function findOwnerFiles({
  db,
  ownerType,
  ownerId,
  purpose,
}: {
  db: Db;
  ownerType: string;
  ownerId: number;
  purpose?: string;
}) {
  return db
    .select(columns)
    .from(files)
    .leftJoin(users, eq(users.id, files.uploadedBy))
    .where(
      and(
        eq(files.ownerType, ownerType),
        eq(files.ownerId, ownerId),
        isNull(files.deletedAt),
        purpose ? eq(files.purpose, purpose) : undefined,
      ),
    )
    .orderBy(asc(files.createdAt), asc(files.id));
}

export async function insertFile({ db, values }: { db: Db; values: typeof files.$inferInsert }) {
  const [row] = await db.insert(files).values(values).returning();
  return row!;
}

export async function setFileDeleted({
  db,
  id,
  deletedAt,
}: {
  db: Db;
  id: number;
  deletedAt: string | null;
}) {
  const [row] = await db.update(files).set({ deletedAt }).where(eq(files.id, id)).returning();
  return row!;
}
