import { sql } from 'drizzle-orm';
import { bigint, integer, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** Attachments: bytes live under DATA_DIR/files by sha256; this row ties them to an owner. */
export const files = pgTable('files', {
  id: serial('id').primaryKey(),
  /** What the file belongs to, e.g. 'studio', 'application', 'result'. */
  ownerType: text('owner_type').notNull(),
  ownerId: integer('owner_id').notNull(),
  /** Org path of the owner at upload time, for scoping. */
  orgPath: text('org_path').notNull(),
  /** Purpose within the owner: photo, document, rule, evidence… */
  purpose: text('purpose').notNull().default('document'),
  sha256: text('sha256').notNull(),
  size: bigint('size', { mode: 'number' }).notNull(),
  mime: text('mime').notNull(),
  originalName: text('original_name').notNull(),
  uploadedBy: integer('uploaded_by'),
  deletedAt: timestamp('deleted_at', { withTimezone: true, mode: 'string' }),
  createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
});
