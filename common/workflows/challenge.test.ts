import { describe, expect, it } from 'vitest';
import {
  type ChallengeAction,
  type ChallengeStatus,
  type ChallengeWorkflowRole,
  challengeActions,
  challengeActionsFor,
  challengeStatuses,
  challengeTransition,
  challengeTransitions,
  challengeWorkflowRoles,
} from './challenge.js';

// The expected table written out independently: status → action → [next, who]. Missing = refused.
const expected: Record<
  ChallengeStatus,
  Partial<Record<ChallengeAction, [ChallengeStatus, ChallengeWorkflowRole]>>
> = {
  published: { select: ['selected', 'owner'], cancel: ['cancelled', 'owner'] },
  selected: { start: ['inProgress', 'studio'], cancel: ['cancelled', 'owner'] },
  inProgress: { submit: ['acceptance', 'studio'] },
  acceptance: { accept: ['closed', 'owner'], rejectAcceptance: ['inProgress', 'owner'] },
  closed: {},
  cancelled: {},
};

describe('challenge workflow table', () => {
  for (const status of challengeStatuses) {
    for (const action of challengeActions) {
      const want = expected[status][action];
      it(`${status} × ${action} → ${want ? want[0] : 'refused'}`, () => {
        const t = challengeTransition(status, action);
        if (!want) {
          expect(t).toBeNull();
          expect(challengeActionsFor(status, challengeWorkflowRoles)).not.toContain(action);
          return;
        }
        expect(t?.to).toBe(want[0]);
        expect(t?.who).toEqual([want[1]]);
        for (const role of challengeWorkflowRoles) {
          expect(challengeActionsFor(status, [role]).includes(action)).toBe(role === want[1]);
        }
        expect(challengeActionsFor(status, [])).toEqual([]);
      });
    }
  }

  it('has no two rows for the same state and action, and every state is reachable from published', () => {
    const seen = new Set<string>();
    for (const t of challengeTransitions)
      for (const f of t.from) {
        expect(seen.has(`${f}:${t.action}`)).toBe(false);
        seen.add(`${f}:${t.action}`);
      }
    const reach = new Set<ChallengeStatus>(['published']);
    for (let i = 0; i < challengeStatuses.length; i++)
      for (const t of challengeTransitions) if (t.from.some((f) => reach.has(f))) reach.add(t.to);
    expect([...reach].sort()).toEqual([...challengeStatuses].sort());
  });

  it('has no way out of closed or cancelled', () => {
    for (const s of ['closed', 'cancelled'] as const)
      expect(challengeActionsFor(s, challengeWorkflowRoles)).toEqual([]);
  });
});
