import { and, count, desc, eq, gte, ilike, isNull, lt, or } from 'drizzle-orm';
import type { AuditQuery } from '../../../common/schemas/audit.js';
import { inScope } from '../../core/access.js';
import type { Db } from '../../core/db.js';
import { likeText, offsetOf } from '../../core/pagination.js';
import { auditLog } from './audit.table.js';

/** China Standard Time: the day filters mean calendar days as the union sees them. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+08:00`);

/**
 * A filtered page of audit records whose org lies in `scope`; with `includeOrgless`, also the records
 * that belong to no org (system events). Newest first.
 */
export async function findAuditEntries({
  db,
  scope,
  includeOrgless,
  query: q,
}: {
  db: Db;
  scope: string[];
  includeOrgless: boolean;
  query: AuditQuery;
}) {
  const where = and(
    or(inScope(auditLog.orgPath, scope), includeOrgless ? isNull(auditLog.orgPath) : undefined),
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
    q.q ? or(ilike(auditLog.actorName, likeText(q.q)), ilike(auditLog.action, likeText(q.q))) : undefined,
    q.from ? gte(auditLog.at, dayStart(q.from).toISOString()) : undefined,
    q.to ? lt(auditLog.at, new Date(dayStart(q.to).getTime() + 86_400_000).toISOString()) : undefined,
  );
  const [items, [total]] = await Promise.all([
    db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(q.pageSize).offset(offsetOf(q)),
    db.select({ n: count() }).from(auditLog).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}
