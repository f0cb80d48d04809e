import {
  type ProjectStatus,
  type ProjectWorkflowRole,
  projectActions,
  projectActionsFor,
  projectEditableStatuses,
  projectReportableStatuses,
} from '../../../common/workflows/project.js';
import { type Actor, can } from '../../core/access.js';
import { studioAllows } from '../studios/studios.access.js';

/**
 * The workflow roles an actor holds on one project: `studio` when they manage its studio (its leader, or an
 * admin over it), `approver` when they hold projects.approve over the studio's host org.
 */
export function projectRolesOf(
  actor: Actor,
  p: { orgPath: string; memberRole: string | null },
): ProjectWorkflowRole[] {
  const roles: ProjectWorkflowRole[] = [];
  if (studioAllows(actor, 'manage', p.orgPath, p.memberRole)) roles.push('studio');
  if (can(actor, 'projects.approve', p.orgPath)) roles.push('approver');
  return roles;
}

/** What the caller may do with a project now: each workflow action, plus edit, report and archive. */
export function projectAbilities(
  status: ProjectStatus,
  roles: readonly ProjectWorkflowRole[],
  archived: boolean,
): Record<string, boolean> {
  const allowed = archived ? [] : projectActionsFor(status, roles);
  const out: Record<string, boolean> = {};
  for (const a of projectActions) out[a] = allowed.includes(a);
  const studio = roles.includes('studio');
  out.update = !archived && studio && projectEditableStatuses.includes(status);
  out.report = !archived && studio && projectReportableStatuses.includes(status);
  out.addMilestone = out.report || out.update;
  // A proposal or a terminated project can be archived by its studio; an approver may archive any.
  out.archive =
    !archived &&
    (roles.includes('approver') || (studio && (status === 'proposed' || status === 'terminated')));
  out.restore = archived && (roles.includes('approver') || studio);
  out.addResult =
    !archived && studio && (status === 'inProgress' || status === 'acceptance' || status === 'concluded');
  return out;
}
