import {
  type AssessmentActorRole,
  type AssessmentState,
  assessmentActions,
  assessmentEditableStates,
  assessmentMove,
} from '../../../common/workflows/assessment.js';
import type { Actor } from '../../core/access.js';

/** What the actor is to an assessment's studio, as the workflow table's roles. */
export function assessmentRoles(
  actor: Actor,
  studio: { orgPath: string; leaderPersonId: number | null; memberRole: string | null },
): AssessmentActorRole[] {
  const roles: AssessmentActorRole[] = [];
  const over = (role: string) =>
    actor.grants.some((g) => g.role === role && studio.orgPath.startsWith(g.orgPath));
  if (studio.memberRole === 'leader' || (actor.personId !== null && actor.personId === studio.leaderPersonId))
    roles.push('leader');
  if (over('enterprise_admin')) roles.push('enterpriseAdmin');
  if (over('group_admin')) roles.push('groupAdmin');
  return roles;
}

/** Whether the actor may see an assessment: the studio's people, admins over it, and its assigned reviewers. */
export function canSeeAssessment(
  roles: readonly AssessmentActorRole[],
  opts: { memberRole: string | null; assigned: boolean },
): boolean {
  return roles.length > 0 || opts.memberRole !== null || opts.assigned;
}

/**
 * What the caller may do now, for the UI's buttons: the workflow table's actions plus editing the self
 * assessment, refreshing the pre-fill, assigning reviewers, scoring and reporting rectification tasks.
 */
export function assessmentAbilities(f: {
  state: AssessmentState;
  roles: readonly AssessmentActorRole[];
  pendingAssignment: boolean;
}): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const a of assessmentActions) out[a] = assessmentMove(f.state, a, f.roles).ok;
  const leader = f.roles.includes('leader');
  const group = f.roles.includes('groupAdmin');
  const editable = assessmentEditableStates.includes(f.state);
  out.editSelf = leader && editable;
  out.refresh = editable && f.roles.length > 0;
  out.upload = leader && editable;
  out.assignReviewers = group && f.state === 'review';
  out.viewScores = group;
  out.score = f.pendingAssignment && f.state === 'review';
  out.reportTask = leader && f.state === 'rectifying';
  return out;
}
