import { sql } from 'drizzle-orm';
import { bigserial, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

export const auditLog = pgTable('audit_log', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull().default(sql`now()`),
  actorUserId: integer('actor_user_id'),
  actorName: text('actor_name'),
  action: text('action').notNull(),
  entityType: text('entity_type').notNull(),
  entityId: text('entity_id').notNull(),
  orgId: integer('org_id'),
  /** Path of the org the entity belongs to, so admins see the audit of their subtree only. */
  orgPath: text('org_path'),
  before: jsonb('before'),
  after: jsonb('after'),
  ip: text('ip'),
});
