/**
 * The approval workflow of a fund expense, as a table: state × action → next state + who may act.
 * 'leader' is the studio's leader; 'admin' is a group or enterprise union admin over the studio.
 */
export const expenseStatuses = ['draft', 'submitted', 'approved', 'rejected'] as const;
export type ExpenseStatus = (typeof expenseStatuses)[number];
export const expenseActions = ['submit', 'withdraw', 'approve', 'reject', 'revise'] as const;
export type ExpenseAction = (typeof expenseActions)[number];
export const expenseActorRoles = ['leader', 'admin'] as const;
export type ExpenseActorRole = (typeof expenseActorRoles)[number];

export const expenseStatusLabels: Record<ExpenseStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待审批', en: 'Awaiting approval' },
  approved: { zh: '已批准', en: 'Approved' },
  rejected: { zh: '已退回', en: 'Rejected' },
};
export const expenseActionLabels: Record<ExpenseAction, { zh: string; en: string }> = {
  submit: { zh: '提交审批', en: 'Submit' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  approve: { zh: '批准', en: 'Approve' },
  reject: { zh: '退回', en: 'Reject' },
  revise: { zh: '重新编辑', en: 'Revise' },
};

export const expenseWorkflow: Record<
  ExpenseStatus,
  Partial<Record<ExpenseAction, { to: ExpenseStatus; roles: readonly ExpenseActorRole[] }>>
> = {
  draft: { submit: { to: 'submitted', roles: ['leader', 'admin'] } },
  submitted: {
    withdraw: { to: 'draft', roles: ['leader', 'admin'] },
    approve: { to: 'approved', roles: ['admin'] },
    reject: { to: 'rejected', roles: ['admin'] },
  },
  rejected: { revise: { to: 'draft', roles: ['leader', 'admin'] } },
  approved: {},
};

/** Statuses whose amount is committed against the studio's balance. */
export const committedExpenseStatuses: readonly ExpenseStatus[] = ['submitted', 'approved'];
/** Statuses in which the expense may still be edited or archived. */
export const editableExpenseStatuses: readonly ExpenseStatus[] = ['draft', 'rejected'];

export type ExpenseMove =
  | { ok: true; to: ExpenseStatus }
  | { ok: false; reason: 'invalid_transition' | 'forbidden' };

/** What `action` does to an expense in `status` for an actor holding `roles`. */
export function expenseMove(
  status: ExpenseStatus,
  action: ExpenseAction,
  roles: readonly ExpenseActorRole[],
): ExpenseMove {
  const t = expenseWorkflow[status][action];
  if (!t) return { ok: false, reason: 'invalid_transition' };
  if (!t.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'forbidden' };
  return { ok: true, to: t.to };
}

/** Actions available to `roles` in `status` (for the UI's buttons). */
export function expenseActionsFor(
  status: ExpenseStatus,
  roles: readonly ExpenseActorRole[],
): ExpenseAction[] {
  return expenseActions.filter((a) => expenseMove(status, a, roles).ok);
}
