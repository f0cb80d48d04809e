import { and, eq, inArray, isNull, max } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { benefits } from '../benefits/benefits.table.js';
import { type FileNeed, registerFileOwner } from '../files/files.owners.js';
import { loadProject } from '../projects/projects.service.js';
import { loadResult } from '../results/results.service.js';
import { results } from '../results/results.table.js';
import '../results/results.assessment.js';
import { studioAllows } from '../studios/studios.access.js';
import { registerHealthSource } from '../studios/studios.health.js';

/**
 * Hooks of innovation work into shared registries, run once when the routes load:
 * - attachments on projects and results (read: whoever sees the item, results also through the market;
 *   upload: the studio's people; manage: the studio's leader and admins over it);
 * - studio health: the latest recognised result and the latest finance-verified benefit per studio.
 */
async function projectOwner(ctx: Ctx, id: number, need: FileNeed) {
  const { row, view } = await loadProject(ctx, id);
  const memberRole = view.memberRoles.get(row.project.studioId) ?? null;
  if (need !== 'read' && !studioAllows(ctx.actor, 'manage', row.orgPath, memberRole)) throw forbidden();
  return { orgPath: row.orgPath };
}

async function resultOwner(ctx: Ctx, id: number, need: FileNeed) {
  const { row, view, roles } = await loadResult(ctx, id);
  const memberRole = view.memberRoles.get(row.result.studioId) ?? null;
  if (need === 'upload' && !roles.includes('studio')) throw forbidden();
  if (need === 'manage' && !studioAllows(ctx.actor, 'manage', row.orgPath, memberRole)) throw forbidden();
  return { orgPath: row.orgPath };
}

registerFileOwner('project', projectOwner);
registerFileOwner('result', resultOwner);

registerHealthSource('innovation', async (db, studioIds) => {
  const recognised = await db
    .select({ studioId: results.studioId, on: max(results.recognisedOn) })
    .from(results)
    .where(
      and(inArray(results.studioId, studioIds), eq(results.status, 'recognised'), isNull(results.archivedAt)),
    )
    .groupBy(results.studioId);
  const verified = await db
    .select({ studioId: results.studioId, on: max(benefits.verifiedOn) })
    .from(benefits)
    .innerJoin(results, eq(results.id, benefits.resultId))
    .where(
      and(
        inArray(results.studioId, studioIds),
        eq(benefits.status, 'verified'),
        isNull(benefits.archivedAt),
        isNull(results.archivedAt),
      ),
    )
    .groupBy(results.studioId);
  const out = new Map<number, { lastResultOn?: string | null; lastBenefitOn?: string | null }>();
  for (const r of recognised) out.set(r.studioId, { lastResultOn: r.on });
  for (const v of verified) out.set(v.studioId, { ...out.get(v.studioId), lastBenefitOn: v.on });
  return out;
});
