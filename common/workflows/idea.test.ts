import { describe, expect, it } from 'vitest';
import {
  type IdeaAction,
  type IdeaStatus,
  type IdeaWorkflowRole,
  ideaActions,
  ideaActionsFor,
  ideaOpenStatuses,
  ideaStatuses,
  ideaTransition,
  ideaTransitions,
  ideaWorkflowRoles,
} from './idea.js';

// The expected table written out independently: status → action → [next, who…]. Missing = refused.
type Row = [IdeaStatus, ...IdeaWorkflowRole[]];
const expected: Record<IdeaStatus, Partial<Record<IdeaAction, Row>>> = {
  submitted: { assign: ['assigned', 'admin'], merge: ['merged', 'handler', 'admin'] },
  assigned: {
    assign: ['assigned', 'admin'],
    evaluate: ['evaluating', 'handler'],
    adopt: ['adopted', 'handler'],
    implement: ['implemented', 'handler'],
    reject: ['rejected', 'handler'],
    merge: ['merged', 'handler', 'admin'],
  },
  evaluating: {
    assign: ['assigned', 'admin'],
    adopt: ['adopted', 'handler'],
    implement: ['implemented', 'handler'],
    reject: ['rejected', 'handler'],
    merge: ['merged', 'handler', 'admin'],
  },
  adopted: { implement: ['implemented', 'handler'], reward: ['rewarded', 'admin'] },
  implemented: { reward: ['rewarded', 'admin'] },
  rejected: {},
  rewarded: {},
  merged: {},
};
const answered: IdeaAction[] = ['adopt', 'implement', 'reject', 'merge'];

describe('idea workflow table', () => {
  for (const status of ideaStatuses) {
    for (const action of ideaActions) {
      const want = expected[status][action];
      it(`${status} × ${action} → ${want ? want[0] : 'refused'}`, () => {
        const t = ideaTransition(status, action);
        if (!want) {
          expect(t).toBeNull();
          expect(ideaActionsFor(status, ideaWorkflowRoles)).not.toContain(action);
          return;
        }
        const [to, ...who] = want;
        expect(t?.to).toBe(to);
        expect([...(t?.who ?? [])].sort()).toEqual([...who].sort());
        expect(t?.needsAnswer).toBe(answered.includes(action));
        for (const role of ideaWorkflowRoles) {
          expect(ideaActionsFor(status, [role]).includes(action)).toBe(who.includes(role));
        }
        expect(ideaActionsFor(status, [])).toEqual([]);
      });
    }
  }

  it('has no two rows for the same state and action, and every state is reachable from submitted', () => {
    const seen = new Set<string>();
    for (const t of ideaTransitions)
      for (const f of t.from) {
        expect(seen.has(`${f}:${t.action}`)).toBe(false);
        seen.add(`${f}:${t.action}`);
      }
    const reach = new Set<IdeaStatus>(['submitted']);
    for (let i = 0; i < ideaStatuses.length; i++)
      for (const t of ideaTransitions) if (t.from.some((f) => reach.has(f))) reach.add(t.to);
    expect([...reach].sort()).toEqual([...ideaStatuses].sort());
  });

  it('leaves the open states only through an answered action or a reassignment', () => {
    for (const t of ideaTransitions) {
      const leavesOpen = t.from.some((f) => ideaOpenStatuses.includes(f)) && !ideaOpenStatuses.includes(t.to);
      if (leavesOpen) expect(t.needsAnswer).toBe(true);
    }
  });
});
