import {
  type ChallengeAction,
  type ChallengeStatus,
  type ChallengeWorkflowRole,
  challengeActionsFor,
  challengeOpenStatuses,
} from '../../../common/workflows/challenge.js';
import { type Actor, can } from '../../core/access.js';
import { studioAllows } from '../studios/studios.access.js';

export interface ChallengeFacts {
  ownerPath: string;
  status: ChallengeStatus;
  /** Org path of the selected studio's host org, and the actor's membership role in that studio. */
  selectedStudioPath: string | null;
  selectedStudioRole: string | null;
}

/** The actor's workflow roles: owner (admin over the posting enterprise) and studio (manages the selected studio). */
export function challengeRolesOf(actor: Actor, c: ChallengeFacts): ChallengeWorkflowRole[] {
  const roles: ChallengeWorkflowRole[] = [];
  if (can(actor, 'challenges.manage', c.ownerPath)) roles.push('owner');
  if (c.selectedStudioPath && studioAllows(actor, 'manage', c.selectedStudioPath, c.selectedStudioRole))
    roles.push('studio');
  return roles;
}

/** Abilities and workflow actions for the web; `bid` is shown to anyone who leads a studio while bidding is open. */
export function challengeAbilities(
  actor: Actor,
  c: ChallengeFacts,
  v: { leadsAStudio: boolean; deadlinePassed: boolean },
): { abilities: Record<string, boolean>; actions: ChallengeAction[] } {
  const roles = challengeRolesOf(actor, c);
  const open = challengeOpenStatuses.includes(c.status);
  return {
    actions: challengeActionsFor(c.status, roles),
    abilities: { update: open && roles.includes('owner'), bid: open && !v.deadlinePassed && v.leadsAStudio },
  };
}
