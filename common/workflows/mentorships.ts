/**
 * The life of a 师带徒 agreement as a table: state × action → next state + who may act.
 * 'manager' is an admin over the studio or its leader.
 */
import type { MentorshipStatus } from '../schemas/mentorships.js';

export const mentorshipActions = ['complete', 'terminate'] as const;
export type MentorshipAction = (typeof mentorshipActions)[number];
export type MentorshipActorRole = 'manager';

export const mentorshipWorkflow: Record<
  MentorshipStatus,
  Partial<Record<MentorshipAction, { to: MentorshipStatus; roles: readonly MentorshipActorRole[] }>>
> = {
  active: {
    complete: { to: 'completed', roles: ['manager'] },
    terminate: { to: 'terminated', roles: ['manager'] },
  },
  completed: {},
  terminated: {},
};

/** The next status, or why the move is refused. */
export function mentorshipMove(
  status: MentorshipStatus,
  action: MentorshipAction,
  roles: readonly MentorshipActorRole[],
): { ok: true; to: MentorshipStatus } | { ok: false; reason: 'invalid_transition' | 'forbidden' } {
  const t = mentorshipWorkflow[status][action];
  if (!t) return { ok: false, reason: 'invalid_transition' };
  if (!t.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'forbidden' };
  return { ok: true, to: t.to };
}
