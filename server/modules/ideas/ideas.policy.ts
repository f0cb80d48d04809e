import {
  type IdeaAction,
  type IdeaStatus,
  type IdeaWorkflowRole,
  ideaActionsFor,
  ideaAdoptedStatuses,
} from '../../../common/workflows/idea.js';
import { type Actor, can } from '../../core/access.js';

export interface IdeaFacts {
  orgPath: string;
  status: IdeaStatus;
  handlerUserId: number | null;
  submitterUserId: number | null;
  /** The actor's person is credited with the idea (submitter or merged duplicate). */
  credited: boolean;
}

/** The actor's workflow roles on an idea: its handler (or an admin standing in), and admin over its org. */
export function ideaRolesOf(actor: Actor, idea: IdeaFacts): IdeaWorkflowRole[] {
  const admin = can(actor, 'ideas.manage', idea.orgPath);
  const roles: IdeaWorkflowRole[] = [];
  if (admin || idea.handlerUserId === actor.userId) roles.push('handler');
  if (admin) roles.push('admin');
  return roles;
}

/** Who may see an idea: its submitter and credited people, its handler, and admins over its org. */
export function canReadIdea(actor: Actor, idea: IdeaFacts): boolean {
  return idea.submitterUserId === actor.userId || idea.credited || ideaRolesOf(actor, idea).length > 0;
}

/** Abilities and the workflow actions for the web. */
export function ideaAbilities(
  actor: Actor,
  idea: IdeaFacts,
): { abilities: Record<string, boolean>; actions: IdeaAction[] } {
  const roles = ideaRolesOf(actor, idea);
  const handler = roles.includes('handler');
  const adopted = ideaAdoptedStatuses.includes(idea.status);
  return {
    actions: ideaActionsFor(idea.status, roles),
    abilities: { handle: handler, recordBenefit: handler && adopted, toProject: handler && adopted },
  };
}
