/**
 * Project (攻关课题) workflow as a table: state × action → next state, and who may take the action.
 * 申请 proposed → 立项 approved → 进行中 inProgress → 结题验收 acceptance → 已结题 concluded · 终止 terminated.
 */
export const projectStatuses = [
  'proposed',
  'approved',
  'inProgress',
  'acceptance',
  'concluded',
  'terminated',
] as const;
export type ProjectStatus = (typeof projectStatuses)[number];

export const projectStatusLabels: Record<ProjectStatus, { zh: string; en: string }> = {
  proposed: { zh: '申请', en: 'Proposed' },
  approved: { zh: '立项', en: 'Approved' },
  inProgress: { zh: '进行中', en: 'In progress' },
  acceptance: { zh: '结题验收', en: 'Acceptance' },
  concluded: { zh: '已结题', en: 'Concluded' },
  terminated: { zh: '终止', en: 'Terminated' },
};

export const projectActions = [
  'approve',
  'start',
  'requestAcceptance',
  'conclude',
  'rejectAcceptance',
  'terminate',
] as const;
export type ProjectAction = (typeof projectActions)[number];

export const projectActionLabels: Record<ProjectAction, { zh: string; en: string }> = {
  approve: { zh: '批准立项', en: 'Approve' },
  start: { zh: '开始实施', en: 'Start' },
  requestAcceptance: { zh: '申请结题验收', en: 'Request acceptance' },
  conclude: { zh: '验收通过并结题', en: 'Accept and conclude' },
  rejectAcceptance: { zh: '验收不通过（继续实施）', en: 'Reject acceptance' },
  terminate: { zh: '终止课题', en: 'Terminate' },
};

/**
 * Who takes part in a project's workflow: `studio` = the studio's leader (or an admin over it), who proposes and
 * reports; `approver` = an enterprise or group admin whose subtree holds the studio, who approves and accepts.
 */
export const projectWorkflowRoles = ['studio', 'approver'] as const;
export type ProjectWorkflowRole = (typeof projectWorkflowRoles)[number];

export interface ProjectTransition {
  action: ProjectAction;
  from: readonly ProjectStatus[];
  to: ProjectStatus;
  who: readonly ProjectWorkflowRole[];
}

export const projectTransitions: readonly ProjectTransition[] = [
  { action: 'approve', from: ['proposed'], to: 'approved', who: ['approver'] },
  { action: 'start', from: ['approved'], to: 'inProgress', who: ['studio'] },
  { action: 'requestAcceptance', from: ['inProgress'], to: 'acceptance', who: ['studio'] },
  { action: 'conclude', from: ['acceptance'], to: 'concluded', who: ['approver'] },
  { action: 'rejectAcceptance', from: ['acceptance'], to: 'inProgress', who: ['approver'] },
  {
    action: 'terminate',
    from: ['proposed', 'approved', 'inProgress', 'acceptance'],
    to: 'terminated',
    who: ['approver'],
  },
];

/** States in which the studio may still edit the proposal itself. */
export const projectEditableStatuses: readonly ProjectStatus[] = ['proposed'];
/** States in which progress may be reported against milestones. */
export const projectReportableStatuses: readonly ProjectStatus[] = ['approved', 'inProgress'];

/** The transition for `action` from `status`, or null when the table has none. */
export function projectTransition(status: ProjectStatus, action: ProjectAction): ProjectTransition | null {
  return projectTransitions.find((t) => t.action === action && t.from.includes(status)) ?? null;
}

/** The actions someone holding `roles` may take on a project in `status`. */
export function projectActionsFor(
  status: ProjectStatus,
  roles: readonly ProjectWorkflowRole[],
): ProjectAction[] {
  return projectTransitions
    .filter((t) => t.from.includes(status) && t.who.some((w) => roles.includes(w)))
    .map((t) => t.action);
}
