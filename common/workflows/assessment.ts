/**
 * The annual assessment (年度考核) of one studio as a table: state × action → next state + who may act.
 *
 * Roles are relative to the assessment's studio:
 * - leader: the studio's 领衔人 (self assessment, rectification report);
 * - enterpriseAdmin: an enterprise union admin over the studio's host org (checks the self assessment);
 * - groupAdmin: a group union admin over the studio (may also check; runs the review, decides the outcome).
 * Data guards (a complete self score, every reviewer's score in, at least one rectification task, all tasks
 * reported) are checked by the service on top of this table.
 */
export const assessmentStates = [
  'selfAssessment',
  'enterpriseCheck',
  'returned',
  'review',
  'decision',
  'rectifying',
  'rectifyCheck',
  'kept',
  'rectified',
  'revoked',
] as const;
export type AssessmentState = (typeof assessmentStates)[number];

export const assessmentActions = [
  'submit',
  'pass',
  'return',
  'finishReview',
  'keep',
  'rectify',
  'revoke',
  'reportRectified',
  'acceptRectification',
  'rejectRectification',
] as const;
export type AssessmentAction = (typeof assessmentActions)[number];

export const assessmentActorRoles = ['leader', 'enterpriseAdmin', 'groupAdmin'] as const;
export type AssessmentActorRole = (typeof assessmentActorRoles)[number];

type L = { zh: string; en: string };
export const assessmentStateLabels: Record<AssessmentState, L> = {
  selfAssessment: { zh: '自评中', en: 'Self assessment' },
  enterpriseCheck: { zh: '企业审核', en: 'Enterprise check' },
  returned: { zh: '退回修改', en: 'Returned' },
  review: { zh: '专家评审', en: 'Review' },
  decision: { zh: '待定结论', en: 'Awaiting decision' },
  rectifying: { zh: '整改中', en: 'Rectifying' },
  rectifyCheck: { zh: '整改验收', en: 'Rectification check' },
  kept: { zh: '保留', en: 'Kept' },
  rectified: { zh: '整改完成', en: 'Rectified' },
  revoked: { zh: '摘牌', en: 'Revoked' },
};

export const assessmentActionLabels: Record<AssessmentAction, L> = {
  submit: { zh: '提交自评', en: 'Submit self assessment' },
  pass: { zh: '审核通过', en: 'Pass' },
  return: { zh: '退回修改', en: 'Return for changes' },
  finishReview: { zh: '结束评审', en: 'Finish review' },
  keep: { zh: '保留', en: 'Keep' },
  rectify: { zh: '限期整改', en: 'Order rectification' },
  revoke: { zh: '摘牌', en: 'Revoke' },
  reportRectified: { zh: '报告整改完成', en: 'Report rectification done' },
  acceptRectification: { zh: '整改验收通过', en: 'Accept rectification' },
  rejectRectification: { zh: '整改不合格，继续整改', en: 'Reject rectification' },
};

export interface AssessmentTransition {
  to: AssessmentState;
  roles: readonly AssessmentActorRole[];
}

const admins = ['enterpriseAdmin', 'groupAdmin'] as const;
const group = ['groupAdmin'] as const;

export const assessmentWorkflow: Record<
  AssessmentState,
  Partial<Record<AssessmentAction, AssessmentTransition>>
> = {
  selfAssessment: { submit: { to: 'enterpriseCheck', roles: ['leader'] } },
  returned: { submit: { to: 'enterpriseCheck', roles: ['leader'] } },
  enterpriseCheck: {
    pass: { to: 'review', roles: admins },
    return: { to: 'returned', roles: admins },
  },
  review: {
    finishReview: { to: 'decision', roles: group },
    return: { to: 'returned', roles: group },
  },
  decision: {
    keep: { to: 'kept', roles: group },
    rectify: { to: 'rectifying', roles: group },
    revoke: { to: 'revoked', roles: group },
  },
  rectifying: {
    reportRectified: { to: 'rectifyCheck', roles: ['leader'] },
    revoke: { to: 'revoked', roles: group },
  },
  rectifyCheck: {
    acceptRectification: { to: 'rectified', roles: group },
    rejectRectification: { to: 'rectifying', roles: group },
    revoke: { to: 'revoked', roles: group },
  },
  kept: {},
  rectified: {},
  revoked: {},
};

/** Actions that must say why. */
export const assessmentOpinionRequired: readonly AssessmentAction[] = [
  'return',
  'rectify',
  'revoke',
  'rejectRectification',
];
/** States in which the leader edits the self assessment (evidence, self score). */
export const assessmentEditableStates: readonly AssessmentState[] = ['selfAssessment', 'returned'];
/** States that end the assessment. */
export const assessmentFinalStates: readonly AssessmentState[] = ['kept', 'rectified', 'revoked'];
/** The main line shown as Steps in the UI. */
export const assessmentMainLine: readonly AssessmentState[] = [
  'selfAssessment',
  'enterpriseCheck',
  'review',
  'decision',
  'kept',
];

export type AssessmentMove =
  | { ok: true; to: AssessmentState }
  | { ok: false; reason: 'invalid_transition' | 'forbidden' };

/** What `action` does to an assessment in `state` for an actor holding `roles`. */
export function assessmentMove(
  state: AssessmentState,
  action: AssessmentAction,
  roles: readonly AssessmentActorRole[],
): AssessmentMove {
  const t = assessmentWorkflow[state][action];
  if (!t) return { ok: false, reason: 'invalid_transition' };
  if (!t.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'forbidden' };
  return { ok: true, to: t.to };
}

/** Actions available to `roles` in `state` (for the UI's buttons). */
export function assessmentActionsFor(
  state: AssessmentState,
  roles: readonly AssessmentActorRole[],
): AssessmentAction[] {
  return assessmentActions.filter((a) => assessmentMove(state, a, roles).ok);
}
