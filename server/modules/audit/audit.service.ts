import type { AuditEntry, AuditQuery } from '../../../common/schemas/audit.js';
import type { Page } from '../../../common/schemas/shared.js';
import { scopeOf } from '../../core/access.js';
import type { Ctx } from '../../core/context.js';
import { pageResult } from '../../core/pagination.js';
import * as repo from './audit.repository.js';

/**
 * Searches the audit log: admins see the records of their subtree; an admin of a root org also sees
 * the records that belong to no org. The org path and the client address are not returned.
 */
export async function findAuditEntries({
  ctx,
  query,
}: {
  ctx: Ctx;
  query: AuditQuery;
}): Promise<Page<AuditEntry>> {
  const includeOrgless = ctx.actor.grants.some(
    (g) => g.role === 'group_admin' && g.orgPath.split('/').length === 3,
  );
  const { items, total } = await repo.findAuditEntries({
    db: ctx.db,
    scope: scopeOf(ctx.actor, 'audit.read'),
    includeOrgless,
    query,
  });
  return pageResult(
    items.map(({ orgPath: _p, ip: _i, ...a }) => ({
      ...a,
      before: a.before ?? null,
      after: a.after ?? null,
    })),
    total,
    query,
  );
}
