import { and, eq, inArray } from 'drizzle-orm';
import type { AtRiskItem, AtRiskQuery } from '../../../common/schemas/studios.js';
import { scopeOf } from '../../core/access.js';
import type { Clock, Ctx } from '../../core/context.js';
import type { Db } from '../../core/db.js';
import { pageResult } from '../../core/pagination.js';
import { roleGrants, users } from '../accounts/accounts.table.js';
import { notify } from '../notifications/notifications.service.js';
import { orgs } from '../orgs/orgs.table.js';
import { AT_RISK_MONTHS, healthFrom, localToday, monthsBefore } from './studios.health.js';
import * as repo from './studios.repository.js';
import { toListItem } from './studios.service.js';

/** Every studio in `scope` that is at risk today: nothing in 12 months and founded more than 12 months ago. */
export async function listAtRisk({
  db,
  clock,
  scope,
  orgId,
}: {
  db: Db;
  clock: Clock;
  scope: string[];
  orgId?: number;
}) {
  const today = localToday(clock);
  const rows = await repo.findWatchedStudios({
    db,
    scope,
    orgId,
    foundedBefore: monthsBefore(today, AT_RISK_MONTHS),
  });
  return rows
    .map((r) => ({
      row: r,
      health: healthFrom({
        today,
        studio: r.studio,
        signals: {
          lastResultOn: r.lastResultOn,
          lastActivityOn: r.lastActivityOn,
          lastBenefitOn: r.lastBenefitOn,
        },
      }),
    }))
    .filter((x) => x.health.status === 'atRisk')
    .sort(
      (a, b) =>
        (a.health.lastSignalOn ?? '').localeCompare(b.health.lastSignalOn ?? '') ||
        a.row.studio.id - b.row.studio.id,
    );
}

/** A page of the at-risk studios in the actor's studios.monitor scope, idle longest first. */
export async function findAtRiskStudios({ ctx, query }: { ctx: Ctx; query: AtRiskQuery }) {
  const all = await listAtRisk({
    db: ctx.db,
    clock: ctx.clock,
    scope: scopeOf(ctx.actor, 'studios.monitor'),
    orgId: query.orgId,
  });
  const start = (query.page - 1) * query.pageSize;
  const items: AtRiskItem[] = all
    .slice(start, start + query.pageSize)
    .map((x) => ({ studio: toListItem(x.row), health: x.health }));
  return pageResult(items, all.length, query);
}

/**
 * Tells union admins about the at-risk studios under them: one notification per enterprise admin listing
 * their studios (a studio no enterprise admin covers goes to the group admins over it). Safe to run daily
 * from cron: each admin is told at most once per calendar month. `scope` limits the studios (default all).
 * Returns the number of at-risk studios and of notifications written.
 */
export async function notifyAtRiskStudios({
  db,
  clock,
  scope = ['/'],
}: {
  db: Db;
  clock: Clock;
  scope?: string[];
}) {
  const atRisk = await listAtRisk({ db, clock, scope });
  if (atRisk.length === 0) return { studios: 0, notified: 0 };
  const admins = await db
    .select({ userId: roleGrants.userId, role: roleGrants.role, path: orgs.path })
    .from(roleGrants)
    .innerJoin(orgs, eq(orgs.id, roleGrants.orgId))
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(inArray(roleGrants.role, ['enterprise_admin', 'group_admin']), eq(users.disabled, false)));
  const byUser = new Map<number, { name: string; code: string }[]>();
  for (const { row } of atRisk) {
    const path = row.hostOrgPath;
    const over = (role: string) => admins.filter((a) => a.role === role && path.startsWith(a.path));
    const to = over('enterprise_admin').length ? over('enterprise_admin') : over('group_admin');
    for (const a of to) {
      const list = byUser.get(a.userId) ?? [];
      if (!list.some((s) => s.code === row.studio.code))
        list.push({ name: row.studio.name, code: row.studio.code });
      byUser.set(a.userId, list);
    }
  }
  const month = localToday(clock).slice(0, 7);
  let notified = 0;
  for (const [userId, list] of byUser) {
    const names = list.slice(0, 10).map((s) => `${s.name}（${s.code}）`);
    notified += await notify({
      db,
      userIds: [userId],
      kind: 'studios.at_risk',
      title: `${list.length} 个工作室 12 个月内无成果、活动或效益`,
      body: `以下工作室已连续 12 个月没有成果、活动或经济效益记录，请督促整改：${names.join('、')}${list.length > 10 ? ` 等 ${list.length} 个` : ''}`,
      link: '/studios/at-risk',
      dedupKey: `studios.at_risk:${month}`,
      now: clock.now(),
    });
  }
  return { studios: atRisk.length, notified };
}
