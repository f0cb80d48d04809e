/**
 * Result (成果) workflow as a table: 草稿 draft → 提交 submitted → 初审 firstReview → 评审打分 scoring →
 * 认定 recognised (grade, award) · 退回 returned. Scoring is a step inside `scoring` (a self-transition).
 */
export const resultStatuses = [
  'draft',
  'submitted',
  'firstReview',
  'scoring',
  'recognised',
  'returned',
] as const;
export type ResultStatus = (typeof resultStatuses)[number];

export const resultStatusLabels: Record<ResultStatus, { zh: string; en: string }> = {
  draft: { zh: '草稿', en: 'Draft' },
  submitted: { zh: '已提交', en: 'Submitted' },
  firstReview: { zh: '初审中', en: 'First review' },
  scoring: { zh: '评审打分', en: 'Scoring' },
  recognised: { zh: '已认定', en: 'Recognised' },
  returned: { zh: '已退回', en: 'Returned' },
};

export const resultActions = [
  'submit',
  'withdraw',
  'accept',
  'pass',
  'score',
  'recognise',
  'return',
] as const;
export type ResultAction = (typeof resultActions)[number];

export const resultActionLabels: Record<ResultAction, { zh: string; en: string }> = {
  submit: { zh: '提交', en: 'Submit' },
  withdraw: { zh: '撤回', en: 'Withdraw' },
  accept: { zh: '受理初审', en: 'Take into first review' },
  pass: { zh: '初审通过（送专家评审）', en: 'Pass first review' },
  score: { zh: '评审打分', en: 'Score' },
  recognise: { zh: '认定', en: 'Recognise' },
  return: { zh: '退回', en: 'Return' },
};

/**
 * `studio` = the studio's leader or members (authors); `reviewer` = enterprise/group admin doing the first
 * review; `expert` = an expert assigned to this result; `recogniser` = the group admin who recognises.
 */
export const resultWorkflowRoles = ['studio', 'reviewer', 'expert', 'recogniser'] as const;
export type ResultWorkflowRole = (typeof resultWorkflowRoles)[number];

export interface ResultTransition {
  action: ResultAction;
  from: readonly ResultStatus[];
  to: ResultStatus;
  who: readonly ResultWorkflowRole[];
}

export const resultTransitions: readonly ResultTransition[] = [
  { action: 'submit', from: ['draft', 'returned'], to: 'submitted', who: ['studio'] },
  { action: 'withdraw', from: ['submitted'], to: 'draft', who: ['studio'] },
  { action: 'accept', from: ['submitted'], to: 'firstReview', who: ['reviewer'] },
  { action: 'pass', from: ['firstReview'], to: 'scoring', who: ['reviewer'] },
  { action: 'score', from: ['scoring'], to: 'scoring', who: ['expert'] },
  { action: 'recognise', from: ['scoring'], to: 'recognised', who: ['recogniser'] },
  {
    action: 'return',
    from: ['submitted', 'firstReview', 'scoring'],
    to: 'returned',
    who: ['reviewer', 'recogniser'],
  },
];

/** States in which the authors may edit the result. */
export const resultEditableStatuses: readonly ResultStatus[] = ['draft', 'returned'];

/** The transition for `action` from `status`, or null when the table has none. */
export function resultTransition(status: ResultStatus, action: ResultAction): ResultTransition | null {
  return resultTransitions.find((t) => t.action === action && t.from.includes(status)) ?? null;
}

/** The actions someone holding `roles` may take on a result in `status`. */
export function resultActionsFor(status: ResultStatus, roles: readonly ResultWorkflowRole[]): ResultAction[] {
  return resultTransitions
    .filter((t) => t.from.includes(status) && t.who.some((w) => roles.includes(w)))
    .map((t) => t.action);
}
