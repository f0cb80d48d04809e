import { type ExpenseStatus, editableExpenseStatuses } from '../../../common/workflows/fund-expenses.js';
import type { Ctx } from '../../core/context.js';
import { AppError } from '../../core/errors.js';
import { getContestJoined } from '../contests/contests.repository.js';
import { registerFileOwner } from '../files/files.owners.js';
import { fundErrors } from '../funds/funds.errors.js';
import { getExpenseJoined } from '../funds/funds.repository.js';
import { getMentorshipJoined } from '../mentorships/mentorships.repository.js';
import { registerHealthSource } from '../studios/studios.health.js';
import { lastActivitySql } from './activities.indicators.js';
import './activities.assessment.js';
import { getActivityJoined } from './activities.repository.js';
import { studioAccessFor } from './studio-life.access.js';

/**
 * Hooks of studio life into shared registries, run once when the routes load:
 * - attachments: activity photos, contest and mentorship certificates (read: whoever sees the studio,
 *   upload: its contributors, manage: its leader and admins); expense receipts (read: the studio's
 *   contributors; upload/manage: leader and admins, only while the expense is a draft or was rejected);
 * - studio health: the latest activity date per studio.
 */
const toStudioNeed = (need: 'read' | 'upload' | 'manage') =>
  need === 'read' ? 'read' : need === 'upload' ? 'contribute' : 'manage';

function studioOwned(load: (ctx: Ctx, id: number) => Promise<number | null>, notFound: () => AppError) {
  return async (ctx: Ctx, ownerId: number, need: 'read' | 'upload' | 'manage') => {
    const studioId = await load(ctx, ownerId);
    if (studioId === null) throw notFound();
    const access = await studioAccessFor({ ctx, studioId, need: toStudioNeed(need), notFound });
    return { orgPath: access.orgPath };
  };
}

registerFileOwner(
  'activity',
  studioOwned(
    async (ctx, id) => (await getActivityJoined({ db: ctx.db, id }))?.activity.studioId ?? null,
    () => new AppError('activities.not_found', 404),
  ),
);
registerFileOwner(
  'contest',
  studioOwned(
    async (ctx, id) => (await getContestJoined({ db: ctx.db, id }))?.contest.studioId ?? null,
    () => new AppError('contests.not_found', 404),
  ),
);
registerFileOwner(
  'mentorship',
  studioOwned(
    async (ctx, id) => (await getMentorshipJoined({ db: ctx.db, id }))?.m.studioId ?? null,
    () => new AppError('mentorships.not_found', 404),
  ),
);
registerFileOwner('fund_expense', async (ctx, ownerId, need) => {
  const row = await getExpenseJoined({ db: ctx.db, id: ownerId });
  if (!row) throw fundErrors.expenseNotFound();
  const access = await studioAccessFor({
    ctx,
    studioId: row.e.studioId,
    need: need === 'read' ? 'contribute' : 'manage',
    notFound: fundErrors.expenseNotFound,
  });
  if (
    need !== 'read' &&
    (!editableExpenseStatuses.includes(row.e.status as ExpenseStatus) || row.e.archivedAt)
  ) {
    // 403 (not the 409 of the expense API): the files module reads 403/404 as "not allowed" when it lists abilities.
    throw new AppError('funds.not_editable', 403, { status: row.e.status });
  }
  return { orgPath: access.orgPath };
});

registerHealthSource('activities', (studioId) => ({ lastActivityOn: lastActivitySql(studioId) }));
