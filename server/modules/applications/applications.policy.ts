import {
  type ApplicationActorRole,
  type ApplicationState,
  applicationActions,
  applicationMove,
  editableStates,
  finalStates,
} from '../../../common/workflows/application.js';
import type { Actor } from '../../core/access.js';

/** The group a node belongs to: the root segment of its path (`/1/5/23/` → `/1/`). */
export function rootPathOf(path: string): string {
  const m = /^\/\d+\//.exec(path);
  return m ? m[0] : '/';
}

/** What the actor is to an application's studio, as the workflow table's roles. */
export function applicationRoles(
  actor: Actor,
  studio: { orgPath: string; leaderPersonId: number | null; memberRole: string | null },
): ApplicationActorRole[] {
  const roles: ApplicationActorRole[] = [];
  const over = (role: string) =>
    actor.grants.some((g) => g.role === role && studio.orgPath.startsWith(g.orgPath));
  if (studio.memberRole === 'leader' || (actor.personId !== null && actor.personId === studio.leaderPersonId))
    roles.push('leader');
  if (over('enterprise_admin')) roles.push('enterpriseAdmin');
  if (over('group_admin')) roles.push('groupAdmin');
  const root = rootPathOf(studio.orgPath);
  if (actor.grants.some((g) => g.orgPath.startsWith(root))) roles.push('groupMember');
  return roles;
}

/**
 * Whether the actor may see an application at all: the studio's own people, admins over the studio
 * (not drafts: a draft is the leader's working copy) and experts assigned to it. Anyone else gets 404.
 */
export function canSeeApplication(
  state: ApplicationState,
  roles: readonly ApplicationActorRole[],
  opts: { memberRole: string | null; assigned: boolean },
): boolean {
  if (roles.includes('leader') || opts.memberRole !== null) return true;
  if (state === 'draft') return false;
  return roles.includes('enterpriseAdmin') || roles.includes('groupAdmin') || opts.assigned;
}

export interface AbilityFacts {
  state: ApplicationState;
  roles: readonly ApplicationActorRole[];
  /** The actor holds a pending assignment on it. */
  pendingAssignment: boolean;
  /** Publicity window relative to today. */
  publicity: 'before' | 'open' | 'over' | null;
  openObjections: number;
  named: boolean;
}

/**
 * What the caller may do now, for the UI's buttons: the workflow table's actions (with the data guards
 * the server applies, so no button leads to a certain refusal) plus editing, assigning and scoring.
 */
export function applicationAbilities(f: AbilityFacts): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const a of applicationActions) out[a] = applicationMove(f.state, a, f.roles).ok;
  out.fileObjection = out.fileObjection === true && f.publicity === 'open';
  out.name = out.name === true && f.publicity === 'over' && f.openObjections === 0;
  out.edit = f.roles.includes('leader') && editableStates.includes(f.state);
  out.assignExperts = f.roles.includes('groupAdmin') && f.state === 'expertReview';
  out.settings = f.roles.includes('groupAdmin') && !finalStates.includes(f.state);
  out.viewScores = f.roles.includes('groupAdmin');
  out.score = f.pendingAssignment && f.state === 'expertReview';
  out.certificate = f.named;
  return out;
}

/** Where today falls against a publicity window (dates inclusive). */
export function publicityPhase(
  start: string | null,
  end: string | null,
  today: string,
): AbilityFacts['publicity'] {
  if (!start || !end) return null;
  if (today < start) return 'before';
  if (today > end) return 'over';
  return 'open';
}
