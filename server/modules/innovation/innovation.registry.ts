import { sql } from 'drizzle-orm';
import type { Ctx } from '../../core/context.js';
import { forbidden } from '../../core/errors.js';
import { type FileNeed, registerFileOwner } from '../files/files.owners.js';
import { loadProject } from '../projects/projects.service.js';
import { loadResult } from '../results/results.service.js';
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

registerHealthSource('innovation', (studioId) => ({
  lastResultOn: sql`SELECT max(r_h.recognised_on) FROM results r_h
    WHERE r_h.studio_id = ${studioId} AND r_h.status = 'recognised' AND r_h.archived_at IS NULL`,
  lastBenefitOn: sql`SELECT max(b_h.verified_on) FROM benefits b_h JOIN results r_h ON r_h.id = b_h.result_id
    WHERE r_h.studio_id = ${studioId} AND b_h.status = 'verified' AND b_h.archived_at IS NULL
      AND r_h.archived_at IS NULL`,
}));
