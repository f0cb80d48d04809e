import { auditLog } from '../modules/audit/audit.table.js';
import type { Ctx } from './context.js';
import type { Db } from './db.js';

export interface AuditInput {
  action: string;
  entityType: string;
  entityId: string | number;
  orgId?: number | null;
  orgPath?: string | null;
  before?: unknown;
  after?: unknown;
}

const secretKeys = new Set(['passwordHash', 'password', 'newPassword', 'currentPassword', 'csrfToken']);
function redact(v: unknown): unknown {
  if (!v || typeof v !== 'object') return v ?? null;
  if (Array.isArray(v)) return v.map(redact);
  return Object.fromEntries(
    Object.entries(v as Record<string, unknown>)
      .filter(([k]) => !secretKeys.has(k))
      .map(([k, x]) => [k, x instanceof Date ? x.toISOString() : x]),
  );
}

/** Writes one audit record; call it with the transaction that made the change. Secrets are never stored. */
export async function recordAudit(
  db: Db,
  ctx: Pick<Ctx, 'actor' | 'ip' | 'clock'> | null,
  input: AuditInput,
) {
  await db.insert(auditLog).values({
    at: (ctx?.clock.now() ?? new Date()).toISOString(),
    actorUserId: ctx?.actor.userId ?? null,
    actorName: ctx?.actor.name ?? null,
    action: input.action,
    entityType: input.entityType,
    entityId: String(input.entityId),
    orgId: input.orgId ?? null,
    orgPath: input.orgPath ?? null,
    before: redact(input.before) as never,
    after: redact(input.after) as never,
    ip: ctx?.ip ?? null,
  });
}
