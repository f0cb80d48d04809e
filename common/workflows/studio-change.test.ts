import { describe, expect, it } from 'vitest';
import {
  type StudioChangeAction,
  type StudioChangeActorRole,
  type StudioChangeState,
  studioChangeActions,
  studioChangeActionsFor,
  studioChangeActorRoles,
  studioChangeMove,
  studioChangeStates,
  studioChangeWorkflow,
} from './studio-change.js';

// Written out by hand: [state, action, next state, the one role allowed].
const allowed: [StudioChangeState, StudioChangeAction, StudioChangeState, StudioChangeActorRole][] = [
  ['proposed', 'approve', 'approved', 'groupAdmin'],
  ['proposed', 'reject', 'rejected', 'groupAdmin'],
  ['proposed', 'withdraw', 'withdrawn', 'proposer'],
];

describe('studio change (revocation / merge) workflow table', () => {
  const cases = studioChangeStates.flatMap((state) =>
    studioChangeActions.flatMap((action) => studioChangeActorRoles.map((role) => ({ state, action, role }))),
  );

  it(`decides every state × action × role (${cases.length} cases) as written by hand`, () => {
    expect(cases.length).toBe(4 * 3 * 2);
    for (const { state, action, role } of cases) {
      const hit = allowed.find(([s, a]) => s === state && a === action);
      const got = studioChangeMove(state, action, [role]);
      const label = `${state} × ${action} × ${role}`;
      if (!hit) expect(got, label).toEqual({ ok: false, reason: 'invalid_transition' });
      else if (hit[3] === role) expect(got, label).toEqual({ ok: true, to: hit[2] });
      else expect(got, label).toEqual({ ok: false, reason: 'forbidden' });
    }
  });

  it('has no transition the hand-written list does not know', () => {
    const inTable = studioChangeStates.flatMap((s) =>
      Object.entries(studioChangeWorkflow[s]).map(([a, t]) => `${s}.${a}→${t!.to}:${t!.roles.join('|')}`),
    );
    expect(inTable.sort()).toEqual(allowed.map(([s, a, to, r]) => `${s}.${a}→${to}:${r}`).sort());
  });

  it('ends in approved, rejected or withdrawn with nothing more to do', () => {
    for (const s of ['approved', 'rejected', 'withdrawn'] as const)
      expect(studioChangeActionsFor(s, [...studioChangeActorRoles])).toEqual([]);
    expect(studioChangeActionsFor('proposed', ['groupAdmin', 'proposer'])).toEqual([
      'approve',
      'reject',
      'withdraw',
    ]);
    expect(studioChangeActionsFor('proposed', [])).toEqual([]);
  });
});
