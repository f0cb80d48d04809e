/**
 * Idea (金点子/合理化建议) workflow as a table: state × action → next state, and who may take the action.
 * 提交 submitted → 分派 assigned → 评估 evaluating → 采纳 adopted / 实施 implemented / 不采纳 rejected → 奖励 rewarded;
 * a duplicate is 已合并 merged into an earlier idea.
 */
export const ideaStatuses = [
  'submitted',
  'assigned',
  'evaluating',
  'adopted',
  'implemented',
  'rejected',
  'rewarded',
  'merged',
] as const;
export type IdeaStatus = (typeof ideaStatuses)[number];

export const ideaStatusLabels: Record<IdeaStatus, { zh: string; en: string }> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  assigned: { zh: '已分派', en: 'Assigned' },
  evaluating: { zh: '评估中', en: 'Evaluating' },
  adopted: { zh: '已采纳', en: 'Adopted' },
  implemented: { zh: '已实施', en: 'Implemented' },
  rejected: { zh: '不采纳', en: 'Not adopted' },
  rewarded: { zh: '已奖励', en: 'Rewarded' },
  merged: { zh: '已合并', en: 'Merged' },
};

export const ideaActions = ['assign', 'evaluate', 'adopt', 'implement', 'reject', 'reward', 'merge'] as const;
export type IdeaAction = (typeof ideaActions)[number];

export const ideaActionLabels: Record<IdeaAction, { zh: string; en: string }> = {
  assign: { zh: '分派处理人', en: 'Assign' },
  evaluate: { zh: '开始评估', en: 'Start evaluating' },
  adopt: { zh: '采纳', en: 'Adopt' },
  implement: { zh: '实施', en: 'Implement' },
  reject: { zh: '不采纳', en: 'Reject' },
  reward: { zh: '奖励', en: 'Reward' },
  merge: { zh: '合并为重复建议', en: 'Merge as duplicate' },
};

/**
 * Who takes part: `handler` = the person the idea is routed to (an admin over the idea's org may stand in);
 * `admin` = an enterprise or group union admin whose subtree holds the idea's org.
 */
export const ideaWorkflowRoles = ['handler', 'admin'] as const;
export type IdeaWorkflowRole = (typeof ideaWorkflowRoles)[number];

export interface IdeaTransition {
  action: IdeaAction;
  from: readonly IdeaStatus[];
  to: IdeaStatus;
  who: readonly IdeaWorkflowRole[];
  /** The action needs a written answer that the submitter sees. */
  needsAnswer: boolean;
}

export const ideaTransitions: readonly IdeaTransition[] = [
  {
    action: 'assign',
    from: ['submitted', 'assigned', 'evaluating'],
    to: 'assigned',
    who: ['admin'],
    needsAnswer: false,
  },
  { action: 'evaluate', from: ['assigned'], to: 'evaluating', who: ['handler'], needsAnswer: false },
  { action: 'adopt', from: ['assigned', 'evaluating'], to: 'adopted', who: ['handler'], needsAnswer: true },
  {
    action: 'implement',
    from: ['assigned', 'evaluating', 'adopted'],
    to: 'implemented',
    who: ['handler'],
    needsAnswer: true,
  },
  { action: 'reject', from: ['assigned', 'evaluating'], to: 'rejected', who: ['handler'], needsAnswer: true },
  { action: 'reward', from: ['adopted', 'implemented'], to: 'rewarded', who: ['admin'], needsAnswer: false },
  {
    action: 'merge',
    from: ['submitted', 'assigned', 'evaluating'],
    to: 'merged',
    who: ['handler', 'admin'],
    needsAnswer: true,
  },
];

/** States still waiting for the handler's answer (the answer deadline runs, a to-do is open). */
export const ideaOpenStatuses: readonly IdeaStatus[] = ['submitted', 'assigned', 'evaluating'];
/** States in which an economic benefit may be recorded and a project started. */
export const ideaAdoptedStatuses: readonly IdeaStatus[] = ['adopted', 'implemented', 'rewarded'];

/** The transition for `action` from `status`, or null when the table has none. */
export function ideaTransition(status: IdeaStatus, action: IdeaAction): IdeaTransition | null {
  return ideaTransitions.find((t) => t.action === action && t.from.includes(status)) ?? null;
}

/** The actions someone holding `roles` may take on an idea in `status`. */
export function ideaActionsFor(status: IdeaStatus, roles: readonly IdeaWorkflowRole[]): IdeaAction[] {
  return ideaTransitions
    .filter((t) => t.from.includes(status) && t.who.some((w) => roles.includes(w)))
    .map((t) => t.action);
}
