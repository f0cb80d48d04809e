/**
 * The naming application (申报) workflow as a table: state × action → next state + who may act.
 *
 * Roles are relative to the application's studio:
 * - leader: the studio's 领衔人 (submits and resubmits);
 * - enterpriseAdmin: an enterprise union admin over the studio's host org (基层初审);
 * - groupAdmin: a group union admin over the studio (上级审核 onwards, naming);
 * - groupMember: anyone holding a role inside the same group (may file an objection during 公示).
 * Guards that need data (conditions met, scores in, publicity window over, objections resolved) are
 * checked by the service on top of this table.
 */
export const applicationStates = [
  'draft',
  'firstReview',
  'upperReview',
  'expertReview',
  'siteVisit',
  'publicity',
  'named',
  'returned',
  'rejected',
] as const;
export type ApplicationState = (typeof applicationStates)[number];

export const applicationActions = [
  'submit',
  'pass',
  'return',
  'reject',
  'finishExpertReview',
  'finishSiteVisit',
  'fileObjection',
  'resolveObjection',
  'name',
] as const;
export type ApplicationAction = (typeof applicationActions)[number];

export const applicationActorRoles = ['leader', 'enterpriseAdmin', 'groupAdmin', 'groupMember'] as const;
export type ApplicationActorRole = (typeof applicationActorRoles)[number];

type L = { zh: string; en: string };
export const applicationStateLabels: Record<ApplicationState, L> = {
  draft: { zh: '申报草稿', en: 'Draft' },
  firstReview: { zh: '基层初审', en: 'First review' },
  upperReview: { zh: '上级审核', en: 'Upper review' },
  expertReview: { zh: '专家评审', en: 'Expert review' },
  siteVisit: { zh: '实地考察', en: 'Site visit' },
  publicity: { zh: '公示', en: 'Publicity' },
  named: { zh: '已命名', en: 'Named' },
  returned: { zh: '退回修改', en: 'Returned' },
  rejected: { zh: '未通过', en: 'Rejected' },
};

export const applicationActionLabels: Record<ApplicationAction, L> = {
  submit: { zh: '提交申报', en: 'Submit' },
  pass: { zh: '审核通过', en: 'Pass' },
  return: { zh: '退回修改', en: 'Return for changes' },
  reject: { zh: '不予通过', en: 'Reject' },
  finishExpertReview: { zh: '结束专家评审', en: 'Finish expert review' },
  finishSiteVisit: { zh: '考察通过并公示', en: 'Pass site visit, start publicity' },
  fileObjection: { zh: '提出异议', en: 'File an objection' },
  resolveObjection: { zh: '处理异议', en: 'Resolve an objection' },
  name: { zh: '命名授牌', en: 'Name the studio' },
};

export interface ApplicationTransition {
  to: ApplicationState;
  roles: readonly ApplicationActorRole[];
}

const review = (
  pass: { action: ApplicationAction; to: ApplicationState },
  role: ApplicationActorRole,
): Partial<Record<ApplicationAction, ApplicationTransition>> => ({
  [pass.action]: { to: pass.to, roles: [role] },
  return: { to: 'returned', roles: [role] },
  reject: { to: 'rejected', roles: [role] },
});

export const applicationWorkflow: Record<
  ApplicationState,
  Partial<Record<ApplicationAction, ApplicationTransition>>
> = {
  draft: { submit: { to: 'firstReview', roles: ['leader'] } },
  returned: { submit: { to: 'firstReview', roles: ['leader'] } },
  firstReview: review({ action: 'pass', to: 'upperReview' }, 'enterpriseAdmin'),
  upperReview: review({ action: 'pass', to: 'expertReview' }, 'groupAdmin'),
  expertReview: review({ action: 'finishExpertReview', to: 'siteVisit' }, 'groupAdmin'),
  siteVisit: review({ action: 'finishSiteVisit', to: 'publicity' }, 'groupAdmin'),
  publicity: {
    fileObjection: { to: 'publicity', roles: ['groupMember'] },
    resolveObjection: { to: 'publicity', roles: ['groupAdmin'] },
    name: { to: 'named', roles: ['groupAdmin'] },
    reject: { to: 'rejected', roles: ['groupAdmin'] },
  },
  named: {},
  rejected: {},
};

/** Actions whose opinion (意见) is mandatory: a return or a rejection must say why. */
export const opinionRequired: readonly ApplicationAction[] = [
  'return',
  'reject',
  'fileObjection',
  'resolveObjection',
];

/** States in which the leader may still edit the application's materials. */
export const editableStates: readonly ApplicationState[] = ['draft', 'returned'];
/** States that end the application; a studio may apply again for the level afterwards. */
export const finalStates: readonly ApplicationState[] = ['named', 'rejected'];
/** The main line shown as Steps in the UI. */
export const applicationMainLine: readonly ApplicationState[] = [
  'draft',
  'firstReview',
  'upperReview',
  'expertReview',
  'siteVisit',
  'publicity',
  'named',
];

export type ApplicationMove =
  | { ok: true; to: ApplicationState }
  | { ok: false; reason: 'invalid_transition' | 'forbidden' };

/** What `action` does to an application in `state` for an actor holding `roles`. */
export function applicationMove(
  state: ApplicationState,
  action: ApplicationAction,
  roles: readonly ApplicationActorRole[],
): ApplicationMove {
  const t = applicationWorkflow[state][action];
  if (!t) return { ok: false, reason: 'invalid_transition' };
  if (!t.roles.some((r) => roles.includes(r))) return { ok: false, reason: 'forbidden' };
  return { ok: true, to: t.to };
}

/** Actions available to `roles` in `state` (for the UI's buttons). */
export function applicationActionsFor(
  state: ApplicationState,
  roles: readonly ApplicationActorRole[],
): ApplicationAction[] {
  return applicationActions.filter((a) => applicationMove(state, a, roles).ok);
}
