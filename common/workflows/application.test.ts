import { describe, expect, it } from 'vitest';
import {
  type ApplicationAction,
  type ApplicationActorRole,
  type ApplicationState,
  applicationActions,
  applicationActionsFor,
  applicationActorRoles,
  applicationMove,
  applicationStates,
  applicationWorkflow,
} from './application.js';

// The workflow written out by hand, independently of the table: [state, action, next state, the one role allowed].
const allowed: [ApplicationState, ApplicationAction, ApplicationState, ApplicationActorRole][] = [
  ['draft', 'submit', 'firstReview', 'leader'],
  ['returned', 'submit', 'firstReview', 'leader'],
  ['firstReview', 'pass', 'upperReview', 'enterpriseAdmin'],
  ['firstReview', 'return', 'returned', 'enterpriseAdmin'],
  ['firstReview', 'reject', 'rejected', 'enterpriseAdmin'],
  ['upperReview', 'pass', 'expertReview', 'groupAdmin'],
  ['upperReview', 'return', 'returned', 'groupAdmin'],
  ['upperReview', 'reject', 'rejected', 'groupAdmin'],
  ['expertReview', 'finishExpertReview', 'siteVisit', 'groupAdmin'],
  ['expertReview', 'return', 'returned', 'groupAdmin'],
  ['expertReview', 'reject', 'rejected', 'groupAdmin'],
  ['siteVisit', 'finishSiteVisit', 'publicity', 'groupAdmin'],
  ['siteVisit', 'return', 'returned', 'groupAdmin'],
  ['siteVisit', 'reject', 'rejected', 'groupAdmin'],
  ['publicity', 'fileObjection', 'publicity', 'groupMember'],
  ['publicity', 'resolveObjection', 'publicity', 'groupAdmin'],
  ['publicity', 'name', 'named', 'groupAdmin'],
  ['publicity', 'reject', 'rejected', 'groupAdmin'],
];

describe('application workflow table', () => {
  const cases = applicationStates.flatMap((state) =>
    applicationActions.flatMap((action) => applicationActorRoles.map((role) => ({ state, action, role }))),
  );

  it(`decides every state × action × role (${cases.length} cases) as written by hand`, () => {
    expect(cases.length).toBe(
      applicationStates.length * applicationActions.length * applicationActorRoles.length,
    );
    for (const { state, action, role } of cases) {
      const hit = allowed.find(([s, a]) => s === state && a === action);
      const got = applicationMove(state, action, [role]);
      const label = `${state} × ${action} × ${role}`;
      if (!hit) expect(got, label).toEqual({ ok: false, reason: 'invalid_transition' });
      else if (hit[3] === role) expect(got, label).toEqual({ ok: true, to: hit[2] });
      else expect(got, label).toEqual({ ok: false, reason: 'forbidden' });
    }
  });

  it('has no transition the hand-written list does not know', () => {
    const inTable = applicationStates.flatMap((s) =>
      Object.entries(applicationWorkflow[s]).map(([a, t]) => `${s}.${a}→${t!.to}:${t!.roles.join('|')}`),
    );
    const expected = allowed.map(([s, a, to, r]) => `${s}.${a}→${to}:${r}`);
    expect(inTable.sort()).toEqual(expected.sort());
  });

  it('lets nobody act on a final state and nobody act with no role', () => {
    for (const action of applicationActions) {
      for (const state of ['named', 'rejected'] as const) {
        expect(applicationMove(state, action, [...applicationActorRoles]).ok).toBe(false);
      }
      for (const state of applicationStates) expect(applicationMove(state, action, []).ok).toBe(false);
    }
  });

  it('lists the buttons per role', () => {
    expect(applicationActionsFor('firstReview', ['enterpriseAdmin'])).toEqual(['pass', 'return', 'reject']);
    expect(applicationActionsFor('firstReview', ['groupAdmin', 'groupMember'])).toEqual([]);
    expect(applicationActionsFor('publicity', ['groupAdmin', 'groupMember'])).toEqual([
      'reject',
      'fileObjection',
      'resolveObjection',
      'name',
    ]);
    expect(applicationActionsFor('returned', ['leader', 'groupMember'])).toEqual(['submit']);
  });

  it('reaches 已命名 from the draft along the main line, and every state is reachable', () => {
    const seen = new Set<ApplicationState>(['draft']);
    const queue: ApplicationState[] = ['draft'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const t of Object.values(applicationWorkflow[s])) {
        if (t && !seen.has(t.to)) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...applicationStates].sort());
  });
});
