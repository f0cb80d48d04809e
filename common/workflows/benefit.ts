/**
 * Economic benefit (经济效益) calculation workflow: draft → submitted → verified (finance sign-off) · rejected.
 * Only verified calculations count in any total.
 */
export const benefitStatuses = ['draft', 'submitted', 'verified', 'rejected'] as const;
export type BenefitStatus = (typeof benefitStatuses)[number];

export const benefitStatusLabels: Record<BenefitStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '待财务核实', en: 'Awaiting finance' },
  verified: { zh: '财务已核实', en: 'Finance-verified' },
  rejected: { zh: '财务退回', en: 'Rejected by finance' },
};

export const benefitActions = ['submit', 'withdraw', 'verify', 'reject', 'revise'] as const;
export type BenefitAction = (typeof benefitActions)[number];

export const benefitActionLabels: Record<BenefitAction, { zh: string; en: string }> = {
  submit: { zh: '提交财务核实', en: 'Submit to finance' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  verify: { zh: '财务核实通过', en: 'Verify' },
  reject: { zh: '财务退回', en: 'Reject' },
  revise: { zh: '重新修改', en: 'Revise' },
};

/**
 * `author` = who records the calculation (the result's studio, or for an adoption the adopting enterprise's
 * admin); `finance` = a holder of benefits.verify over the unit where the benefit arose, other than its author.
 */
export const benefitWorkflowRoles = ['author', 'finance'] as const;
export type BenefitWorkflowRole = (typeof benefitWorkflowRoles)[number];

export interface BenefitTransition {
  action: BenefitAction;
  from: readonly BenefitStatus[];
  to: BenefitStatus;
  who: readonly BenefitWorkflowRole[];
}

export const benefitTransitions: readonly BenefitTransition[] = [
  { action: 'submit', from: ['draft'], to: 'submitted', who: ['author'] },
  { action: 'withdraw', from: ['submitted'], to: 'draft', who: ['author'] },
  { action: 'verify', from: ['submitted'], to: 'verified', who: ['finance'] },
  { action: 'reject', from: ['submitted'], to: 'rejected', who: ['finance'] },
  { action: 'revise', from: ['rejected'], to: 'draft', who: ['author'] },
];

/** States in which the author may edit the calculation. */
export const benefitEditableStatuses: readonly BenefitStatus[] = ['draft'];
/** States that hold a claim on (result, unit, period): a rejected calculation frees it. */
export const benefitClaimingStatuses: readonly BenefitStatus[] = ['draft', 'submitted', 'verified'];

/** The transition for `action` from `status`, or null when the table has none. */
export function benefitTransition(status: BenefitStatus, action: BenefitAction): BenefitTransition | null {
  return benefitTransitions.find((t) => t.action === action && t.from.includes(status)) ?? null;
}

/** The actions someone holding `roles` may take on a calculation in `status`. */
export function benefitActionsFor(
  status: BenefitStatus,
  roles: readonly BenefitWorkflowRole[],
): BenefitAction[] {
  return benefitTransitions
    .filter((t) => t.from.includes(status) && t.who.some((w) => roles.includes(w)))
    .map((t) => t.action);
}
