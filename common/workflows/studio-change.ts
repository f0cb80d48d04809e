/**
 * Revocation (摘牌) and merging (合并) of studios outside the annual assessment, as one table: an admin
 * over the studio proposes with a reason, the group admin approves (the change takes effect) or rejects,
 * and the proposer may withdraw while it is pending.
 *
 * Roles: groupAdmin = a group union admin over every studio involved; proposer = whoever proposed it.
 */
export const studioChangeKinds = ['revocation', 'merge'] as const;
export type StudioChangeKind = (typeof studioChangeKinds)[number];

export const studioChangeStates = ['proposed', 'approved', 'rejected', 'withdrawn'] as const;
export type StudioChangeState = (typeof studioChangeStates)[number];

export const studioChangeActions = ['approve', 'reject', 'withdraw'] as const;
export type StudioChangeAction = (typeof studioChangeActions)[number];

export const studioChangeActorRoles = ['groupAdmin', 'proposer'] as const;
export type StudioChangeActorRole = (typeof studioChangeActorRoles)[number];

type L = { zh: string; en: string };
export const studioChangeKindLabels: Record<StudioChangeKind, L> = {
  revocation: { zh: '摘牌', en: 'Revocation' },
  merge: { zh: '合并', en: 'Merge' },
};
export const studioChangeStateLabels: Record<StudioChangeState, L> = {
  proposed: { zh: '待审批', en: 'Proposed' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '未批准', en: 'Rejected' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};
export const studioChangeActionLabels: Record<StudioChangeAction, L> = {
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '不予批准', en: 'Reject' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
};

export const studioChangeWorkflow: Record<
  StudioChangeState,
  Partial<Record<StudioChangeAction, { to: StudioChangeState; roles: readonly StudioChangeActorRole[] }>>
> = {
  proposed: {
    approve: { to: 'approved', roles: ['groupAdmin'] },
    reject: { to: 'rejected', roles: ['groupAdmin'] },
    withdraw: { to: 'withdrawn', roles: ['proposer'] },
  },
  approved: {},
  rejected: {},
  withdrawn: {},
};

/** The next state, or why the move is refused. */
export function studioChangeMove(
  state: StudioChangeState,
  action: StudioChangeAction,
  roles: readonly StudioChangeActorRole[],
): { ok: true; to: StudioChangeState } | { ok: false; reason: 'invalid_transition' | 'forbidden' } {
  const t = studioChangeWorkflow[state][action];
  if (!t) return { ok: false, reason: 'invalid_transition' };
  if (!t.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'forbidden' };
  return { ok: true, to: t.to };
}

/** Actions available to `roles` in `state`. */
export function studioChangeActionsFor(
  state: StudioChangeState,
  roles: readonly StudioChangeActorRole[],
): StudioChangeAction[] {
  return studioChangeActions.filter((a) => studioChangeMove(state, a, roles).ok);
}
