import { describe, expect, it } from 'vitest';
import {
  type ResultAction,
  type ResultStatus,
  type ResultWorkflowRole,
  resultActions,
  resultActionsFor,
  resultStatuses,
  resultTransition,
  resultTransitions,
  resultWorkflowRoles,
} from './result.js';

type Row = [ResultStatus, ResultWorkflowRole[]];
const R: ResultWorkflowRole[] = ['reviewer', 'recogniser'];
// Independent expectation: status → action → [next, roles allowed]. Missing = refused.
const expected: Record<ResultStatus, Partial<Record<ResultAction, Row>>> = {
  draft: { submit: ['submitted', ['studio']] },
  submitted: {
    withdraw: ['draft', ['studio']],
    accept: ['firstReview', ['reviewer']],
    return: ['returned', R],
  },
  firstReview: { pass: ['scoring', ['reviewer']], return: ['returned', R] },
  scoring: {
    score: ['scoring', ['expert']],
    recognise: ['recognised', ['recogniser']],
    return: ['returned', R],
  },
  recognised: {},
  returned: { submit: ['submitted', ['studio']] },
};

describe('result workflow table', () => {
  for (const status of resultStatuses) {
    for (const action of resultActions) {
      const want = expected[status][action];
      it(`${status} × ${action} → ${want ? want[0] : 'refused'}`, () => {
        const t = resultTransition(status, action);
        if (!want) {
          expect(t).toBeNull();
          expect(resultActionsFor(status, resultWorkflowRoles)).not.toContain(action);
          return;
        }
        expect(t?.to).toBe(want[0]);
        expect([...(t?.who ?? [])].sort()).toEqual([...want[1]].sort());
        for (const role of resultWorkflowRoles) {
          expect(resultActionsFor(status, [role]).includes(action)).toBe(want[1].includes(role));
        }
      });
    }
  }

  it('has unique (state, action) rows and reaches every state from draft', () => {
    const keys = resultTransitions.flatMap((t) => t.from.map((f) => `${f}:${t.action}`));
    expect(new Set(keys).size).toBe(keys.length);
    const reach = new Set<ResultStatus>(['draft']);
    for (let i = 0; i < resultStatuses.length; i++)
      for (const t of resultTransitions) if (t.from.some((f) => reach.has(f))) reach.add(t.to);
    expect([...reach].sort()).toEqual([...resultStatuses].sort());
  });

  it('recognised is final and a returned result goes back through the whole review', () => {
    expect(resultActionsFor('recognised', resultWorkflowRoles)).toEqual([]);
    expect(resultActionsFor('returned', resultWorkflowRoles)).toEqual(['submit']);
  });
});
