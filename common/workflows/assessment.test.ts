import { describe, expect, it } from 'vitest';
import {
  type AssessmentAction,
  type AssessmentActorRole,
  type AssessmentState,
  assessmentActions,
  assessmentActionsFor,
  assessmentActorRoles,
  assessmentFinalStates,
  assessmentMove,
  assessmentStates,
  assessmentWorkflow,
} from './assessment.js';

// The workflow written out by hand, independently of the table: [state, action, next state, roles allowed].
const E: AssessmentActorRole = 'enterpriseAdmin';
const G: AssessmentActorRole = 'groupAdmin';
const allowed: [AssessmentState, AssessmentAction, AssessmentState, AssessmentActorRole[]][] = [
  ['selfAssessment', 'submit', 'enterpriseCheck', ['leader']],
  ['returned', 'submit', 'enterpriseCheck', ['leader']],
  ['enterpriseCheck', 'pass', 'review', [E, G]],
  ['enterpriseCheck', 'return', 'returned', [E, G]],
  ['review', 'finishReview', 'decision', [G]],
  ['review', 'return', 'returned', [G]],
  ['decision', 'keep', 'kept', [G]],
  ['decision', 'rectify', 'rectifying', [G]],
  ['decision', 'revoke', 'revoked', [G]],
  ['rectifying', 'reportRectified', 'rectifyCheck', ['leader']],
  ['rectifying', 'revoke', 'revoked', [G]],
  ['rectifyCheck', 'acceptRectification', 'rectified', [G]],
  ['rectifyCheck', 'rejectRectification', 'rectifying', [G]],
  ['rectifyCheck', 'revoke', 'revoked', [G]],
];

describe('assessment workflow table', () => {
  const cases = assessmentStates.flatMap((state) =>
    assessmentActions.flatMap((action) => assessmentActorRoles.map((role) => ({ state, action, role }))),
  );

  it(`decides every state × action × role (${cases.length} cases) as written by hand`, () => {
    expect(cases.length).toBe(
      assessmentStates.length * assessmentActions.length * assessmentActorRoles.length,
    );
    for (const { state, action, role } of cases) {
      const hit = allowed.find(([s, a]) => s === state && a === action);
      const got = assessmentMove(state, action, [role]);
      const label = `${state} × ${action} × ${role}`;
      if (!hit) expect(got, label).toEqual({ ok: false, reason: 'invalid_transition' });
      else if (hit[3].includes(role)) expect(got, label).toEqual({ ok: true, to: hit[2] });
      else expect(got, label).toEqual({ ok: false, reason: 'forbidden' });
    }
  });

  it('has no transition the hand-written list does not know', () => {
    const inTable = assessmentStates.flatMap((s) =>
      Object.entries(assessmentWorkflow[s]).map(
        ([a, t]) => `${s}.${a}→${t!.to}:${[...t!.roles].sort().join('|')}`,
      ),
    );
    const expected = allowed.map(([s, a, to, r]) => `${s}.${a}→${to}:${[...r].sort().join('|')}`);
    expect(inTable.sort()).toEqual(expected.sort());
  });

  it('lets nobody act on a final state and nobody act with no role', () => {
    for (const action of assessmentActions) {
      for (const state of assessmentFinalStates) {
        expect(assessmentMove(state, action, [...assessmentActorRoles]).ok).toBe(false);
      }
      for (const state of assessmentStates) expect(assessmentMove(state, action, []).ok).toBe(false);
    }
  });

  it('lists the buttons per role', () => {
    expect(assessmentActionsFor('decision', [G])).toEqual(['keep', 'rectify', 'revoke']);
    expect(assessmentActionsFor('decision', ['leader', E])).toEqual([]);
    expect(assessmentActionsFor('enterpriseCheck', [E])).toEqual(['pass', 'return']);
    expect(assessmentActionsFor('rectifying', ['leader'])).toEqual(['reportRectified']);
  });

  it('reaches every state from the self assessment, and every final state is a dead end', () => {
    const seen = new Set<AssessmentState>(['selfAssessment']);
    const queue: AssessmentState[] = ['selfAssessment'];
    while (queue.length) {
      const s = queue.shift()!;
      for (const t of Object.values(assessmentWorkflow[s])) {
        if (t && !seen.has(t.to)) {
          seen.add(t.to);
          queue.push(t.to);
        }
      }
    }
    expect([...seen].sort()).toEqual([...assessmentStates].sort());
    for (const s of assessmentFinalStates) expect(assessmentWorkflow[s]).toEqual({});
  });
});
