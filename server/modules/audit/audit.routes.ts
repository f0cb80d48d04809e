import { and, count, desc, eq, gte, ilike, lt, or } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { auditEntry, auditQuery } from '../../../common/schemas/audit.js';
import { pageOf } from '../../../common/schemas/shared.js';
import { inScope, scopeOf } from '../../core/access.js';
import { likeText, offsetOf, pageResult } from '../../core/pagination.js';
import { auditLog } from './audit.table.js';

/** Audit search: admins see the records of their subtree; group admins (scope `/1/`) also see org-less records. */
export function auditRoutes(app: FastifyInstance) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/api/audit',
    { config: { access: 'audit.read' }, schema: { tags: ['audit'], querystring: auditQuery, response: { 200: pageOf(auditEntry) } } },
    async (req) => {
      const ctx = req.ctx();
      const q = req.query;
      const scope = scopeOf(ctx.actor, 'audit.read');
      const rootAdmin = ctx.actor.grants.some((g) => g.role === 'group_admin' && g.orgPath.split('/').length === 3);
      const where = and(
        rootAdmin ? undefined : inScope(auditLog.orgPath, scope),
        q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
        q.entityId ? eq(auditLog.entityId, q.entityId) : undefined,
        q.action ? eq(auditLog.action, q.action) : undefined,
        q.actorUserId ? eq(auditLog.actorUserId, q.actorUserId) : undefined,
        q.q ? or(ilike(auditLog.actorName, likeText(q.q)), ilike(auditLog.action, likeText(q.q))) : undefined,
        q.from ? gte(auditLog.at, `${q.from}T00:00:00+08:00`) : undefined,
        q.to ? lt(auditLog.at, new Date(new Date(`${q.to}T00:00:00+08:00`).getTime() + 86_400_000).toISOString()) : undefined,
      );
      const [items, [total]] = await Promise.all([
        ctx.db.select().from(auditLog).where(where).orderBy(desc(auditLog.id)).limit(q.pageSize).offset(offsetOf(q)),
        ctx.db.select({ n: count() }).from(auditLog).where(where),
      ]);
      return pageResult(
        items.map(({ orgPath: _p, ip: _i, ...a }) => ({ ...a, before: a.before ?? null, after: a.after ?? null })),
        total?.n ?? 0,
        q,
      );
    },
  );
}
