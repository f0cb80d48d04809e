import { describe, expect, it } from 'vitest';
import {
  type ProjectAction,
  type ProjectStatus,
  projectActions,
  projectActionsFor,
  projectStatuses,
  projectTransition,
  projectTransitions,
} from './project.js';

// The expected table written out independently: status → action → [next, who]. Missing = refused.
const expected: Record<ProjectStatus, Partial<Record<ProjectAction, [ProjectStatus, string]>>> = {
  proposed: { approve: ['approved', 'approver'], terminate: ['terminated', 'approver'] },
  approved: { start: ['inProgress', 'studio'], terminate: ['terminated', 'approver'] },
  inProgress: { requestAcceptance: ['acceptance', 'studio'], terminate: ['terminated', 'approver'] },
  acceptance: {
    conclude: ['concluded', 'approver'],
    rejectAcceptance: ['inProgress', 'approver'],
    terminate: ['terminated', 'approver'],
  },
  concluded: {},
  terminated: {},
};

describe('project workflow table', () => {
  for (const status of projectStatuses) {
    for (const action of projectActions) {
      const want = expected[status][action];
      it(`${status} × ${action} → ${want ? want[0] : 'refused'}`, () => {
        const t = projectTransition(status, action);
        if (!want) {
          expect(t).toBeNull();
          expect(projectActionsFor(status, ['studio', 'approver'])).not.toContain(action);
          return;
        }
        expect(t?.to).toBe(want[0]);
        expect(t?.who).toEqual([want[1]]);
        // Allowed for exactly the named role.
        expect(projectActionsFor(status, [want[1] as 'studio' | 'approver'])).toContain(action);
        const other = want[1] === 'studio' ? 'approver' : 'studio';
        expect(projectActionsFor(status, [other])).not.toContain(action);
        expect(projectActionsFor(status, [])).toEqual([]);
      });
    }
  }

  it('has no two rows for the same state and action, and every state is reachable from proposed', () => {
    const seen = new Set<string>();
    for (const t of projectTransitions)
      for (const f of t.from) {
        expect(seen.has(`${f}:${t.action}`)).toBe(false);
        seen.add(`${f}:${t.action}`);
      }
    const reach = new Set<ProjectStatus>(['proposed']);
    for (let i = 0; i < projectStatuses.length; i++)
      for (const t of projectTransitions) if (t.from.some((f) => reach.has(f))) reach.add(t.to);
    expect([...reach].sort()).toEqual([...projectStatuses].sort());
  });

  it('ends only in concluded or terminated', () => {
    const terminal = projectStatuses.filter((s) => projectActionsFor(s, ['studio', 'approver']).length === 0);
    expect(terminal.sort()).toEqual(['concluded', 'terminated']);
  });
});
