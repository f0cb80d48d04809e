/**
 * Challenge (揭榜挂帅) workflow as a table: state × action → next state, and who may take the action.
 * 发布 published (studios bid: 揭榜) → 选定 selected → 攻关 inProgress (a project) → 验收 acceptance → 关闭 closed;
 * 撤销 cancelled before work starts.
 */
export const challengeStatuses = [
  'published',
  'selected',
  'inProgress',
  'acceptance',
  'closed',
  'cancelled',
] as const;
export type ChallengeStatus = (typeof challengeStatuses)[number];

export const challengeStatusLabels: Record<ChallengeStatus, { zh: string; en: string }> = {
  published: { zh: '揭榜中', en: 'Open for bids' },
  selected: { zh: '已选定', en: 'Selected' },
  inProgress: { zh: '攻关中', en: 'In progress' },
  acceptance: { zh: '待验收', en: 'Awaiting acceptance' },
  closed: { zh: '已关闭', en: 'Closed' },
  cancelled: { zh: '已撤销', en: 'Cancelled' },
};

export const challengeActions = [
  'select',
  'start',
  'submit',
  'accept',
  'rejectAcceptance',
  'cancel',
] as const;
export type ChallengeAction = (typeof challengeActions)[number];

export const challengeActionLabels: Record<ChallengeAction, { zh: string; en: string }> = {
  select: { zh: '选定揭榜方', en: 'Select a bid' },
  start: { zh: '立项攻关', en: 'Start the project' },
  submit: { zh: '申请验收', en: 'Request acceptance' },
  accept: { zh: '验收通过并关闭', en: 'Accept and close' },
  rejectAcceptance: { zh: '验收不通过', en: 'Reject acceptance' },
  cancel: { zh: '撤销榜单', en: 'Cancel' },
};

/**
 * Who takes part: `owner` = an admin over the enterprise that posted the challenge;
 * `studio` = the leader of the selected studio (or an admin over that studio).
 */
export const challengeWorkflowRoles = ['owner', 'studio'] as const;
export type ChallengeWorkflowRole = (typeof challengeWorkflowRoles)[number];

export interface ChallengeTransition {
  action: ChallengeAction;
  from: readonly ChallengeStatus[];
  to: ChallengeStatus;
  who: readonly ChallengeWorkflowRole[];
}

export const challengeTransitions: readonly ChallengeTransition[] = [
  { action: 'select', from: ['published'], to: 'selected', who: ['owner'] },
  { action: 'start', from: ['selected'], to: 'inProgress', who: ['studio'] },
  { action: 'submit', from: ['inProgress'], to: 'acceptance', who: ['studio'] },
  { action: 'accept', from: ['acceptance'], to: 'closed', who: ['owner'] },
  { action: 'rejectAcceptance', from: ['acceptance'], to: 'inProgress', who: ['owner'] },
  { action: 'cancel', from: ['published', 'selected'], to: 'cancelled', who: ['owner'] },
];

/** States in which studios may still bid (揭榜) and the owner may edit the posting. */
export const challengeOpenStatuses: readonly ChallengeStatus[] = ['published'];

/** The transition for `action` from `status`, or null when the table has none. */
export function challengeTransition(
  status: ChallengeStatus,
  action: ChallengeAction,
): ChallengeTransition | null {
  return challengeTransitions.find((t) => t.action === action && t.from.includes(status)) ?? null;
}

/** The actions someone holding `roles` may take on a challenge in `status`. */
export function challengeActionsFor(
  status: ChallengeStatus,
  roles: readonly ChallengeWorkflowRole[],
): ChallengeAction[] {
  return challengeTransitions
    .filter((t) => t.from.includes(status) && t.who.some((w) => roles.includes(w)))
    .map((t) => t.action);
}
