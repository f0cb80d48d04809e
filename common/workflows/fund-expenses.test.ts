import { describe, expect, it } from 'vitest';
import {
  type ExpenseActorRole,
  type ExpenseStatus,
  expenseActions,
  expenseActionsFor,
  expenseActorRoles,
  expenseMove,
  expenseStatuses,
  expenseWorkflow,
} from './fund-expenses.js';

// The whole table, written out once more by hand: state × action → next state and who may do it.
const expected: Record<string, { to: ExpenseStatus; roles: ExpenseActorRole[] } | null> = {
  'draft.submit': { to: 'submitted', roles: ['leader', 'admin'] },
  'draft.withdraw': null,
  'draft.approve': null,
  'draft.reject': null,
  'draft.revise': null,
  'submitted.submit': null,
  'submitted.withdraw': { to: 'draft', roles: ['leader', 'admin'] },
  'submitted.approve': { to: 'approved', roles: ['admin'] },
  'submitted.reject': { to: 'rejected', roles: ['admin'] },
  'submitted.revise': null,
  'approved.submit': null,
  'approved.withdraw': null,
  'approved.approve': null,
  'approved.reject': null,
  'approved.revise': null,
  'rejected.submit': null,
  'rejected.withdraw': null,
  'rejected.approve': null,
  'rejected.reject': null,
  'rejected.revise': { to: 'draft', roles: ['leader', 'admin'] },
};

describe('fund expense workflow', () => {
  it('covers every state × action × role exactly as specified', () => {
    let checked = 0;
    for (const s of expenseStatuses) {
      for (const a of expenseActions) {
        const spec = expected[`${s}.${a}`];
        expect(spec, `${s}.${a}`).not.toBeUndefined();
        for (const role of expenseActorRoles) {
          const r = expenseMove(s, a, [role]);
          if (!spec) expect(r, `${s}.${a}.${role}`).toEqual({ ok: false, reason: 'invalid_transition' });
          else if (spec.roles.includes(role)) expect(r).toEqual({ ok: true, to: spec.to });
          else expect(r).toEqual({ ok: false, reason: 'forbidden' });
          checked++;
        }
        // Nobody without a role moves anything; holding both roles is enough for any allowed move.
        const none = expenseMove(s, a, []);
        expect(none.ok).toBe(false);
        expect(expenseMove(s, a, ['leader', 'admin']).ok).toBe(spec !== null);
      }
    }
    expect(checked).toBe(expenseStatuses.length * expenseActions.length * expenseActorRoles.length);
    expect(Object.keys(expected)).toHaveLength(expenseStatuses.length * expenseActions.length);
  });

  it('approved is final and every state is reachable from draft', () => {
    expect(expenseWorkflow.approved).toEqual({});
    const seen = new Set<ExpenseStatus>(['draft']);
    let grew = true;
    while (grew) {
      grew = false;
      for (const s of [...seen]) {
        for (const t of Object.values(expenseWorkflow[s])) {
          if (t && !seen.has(t.to)) {
            seen.add(t.to);
            grew = true;
          }
        }
      }
    }
    expect([...seen].sort()).toEqual([...expenseStatuses].sort());
  });

  it('lists the buttons a role gets', () => {
    expect(expenseActionsFor('submitted', ['leader'])).toEqual(['withdraw']);
    expect(expenseActionsFor('submitted', ['admin'])).toEqual(['withdraw', 'approve', 'reject']);
    expect(expenseActionsFor('approved', ['leader', 'admin'])).toEqual([]);
  });
});
