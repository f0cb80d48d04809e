import { describe, expect, it } from 'vitest';
import {
  type BenefitAction,
  type BenefitStatus,
  type BenefitWorkflowRole,
  benefitActions,
  benefitActionsFor,
  benefitClaimingStatuses,
  benefitStatuses,
  benefitTransition,
  benefitTransitions,
  benefitWorkflowRoles,
} from './benefit.js';

const expected: Record<
  BenefitStatus,
  Partial<Record<BenefitAction, [BenefitStatus, BenefitWorkflowRole]>>
> = {
  draft: { submit: ['submitted', 'author'] },
  submitted: {
    withdraw: ['draft', 'author'],
    verify: ['verified', 'finance'],
    reject: ['rejected', 'finance'],
  },
  verified: {},
  rejected: { revise: ['draft', 'author'] },
};

describe('benefit workflow table', () => {
  for (const status of benefitStatuses) {
    for (const action of benefitActions) {
      const want = expected[status][action];
      it(`${status} × ${action} → ${want ? want[0] : 'refused'}`, () => {
        const t = benefitTransition(status, action);
        if (!want) {
          expect(t).toBeNull();
          expect(benefitActionsFor(status, benefitWorkflowRoles)).not.toContain(action);
          return;
        }
        expect(t?.to).toBe(want[0]);
        for (const role of benefitWorkflowRoles) {
          expect(benefitActionsFor(status, [role]).includes(action)).toBe(role === want[1]);
        }
      });
    }
  }

  it('has unique rows, verified is final, and only finance moves a calculation to verified', () => {
    const keys = benefitTransitions.flatMap((t) => t.from.map((f) => `${f}:${t.action}`));
    expect(new Set(keys).size).toBe(keys.length);
    expect(benefitActionsFor('verified', benefitWorkflowRoles)).toEqual([]);
    expect(benefitTransitions.filter((t) => t.to === 'verified').flatMap((t) => t.who)).toEqual(['finance']);
  });

  it('a rejected calculation no longer claims its period; every other state does', () => {
    expect([...benefitClaimingStatuses].sort()).toEqual(['draft', 'submitted', 'verified']);
  });
});
