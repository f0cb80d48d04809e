import { and, count, gt, inArray, isNull, lte, or } from 'drizzle-orm';
import { type MemberRole, memberRoleLabels, memberRoles } from '../../../common/enums.js';
import type { PrefillFact } from '../../../common/schemas/assessments.js';
import { studioMembers } from '../studios/studios.table.js';
import { registerIndicatorSource } from './assessments.indicators.js';

// The roster is the studios module's record: members on the roster on the period's `asOf` day, by role.
registerIndicatorSource('members', async (db, studioIds, period) => {
  const rows = await db
    .select({ studioId: studioMembers.studioId, role: studioMembers.role, n: count() })
    .from(studioMembers)
    .where(
      and(
        inArray(studioMembers.studioId, studioIds),
        lte(studioMembers.joinedOn, period.asOf),
        or(isNull(studioMembers.leftOn), gt(studioMembers.leftOn, period.asOf)),
      ),
    )
    .groupBy(studioMembers.studioId, studioMembers.role);
  const source = `成员名册：截至 ${period.asOf} 在册`;
  const out = new Map<number, PrefillFact[]>();
  for (const id of studioIds) {
    const mine = rows.filter((r) => r.studioId === id);
    const by = (role: MemberRole) => Number(mine.find((r) => r.role === role)?.n ?? 0);
    out.set(id, [
      {
        key: 'members.total',
        label: '在册成员',
        value: mine.reduce((s, r) => s + Number(r.n), 0),
        unit: '人',
        source,
        indicatorKey: 'basics',
      },
      ...memberRoles.map((role) => ({
        key: `members.${role}`,
        label: `其中${memberRoleLabels[role].zh}`,
        value: by(role),
        unit: '人',
        source,
        indicatorKey: role === 'trainee' ? 'mentoring' : 'basics',
      })),
    ]);
  }
  return out;
});
