import type { ConditionResult } from '../../../common/schemas/rulebooks.js';
import type { ApplicationAction, ApplicationState } from '../../../common/workflows/application.js';
import { AppError } from '../../core/errors.js';

export const applicationErrors = {
  notFound: () => new AppError('applications.not_found', 404),
  invalidTransition: (state: ApplicationState, action: ApplicationAction) =>
    new AppError('applications.invalid_transition', 409, { state, action }),
  alreadyOpen: () => new AppError('applications.already_open', 409),
  notEditable: () => new AppError('applications.not_editable', 409),
  notLeader: () => new AppError('applications.not_leader', 403),
  conditionsNotMet: (results: ConditionResult[]) =>
    new AppError('applications.conditions_not_met', 400, {
      results: results.filter((r) => r.status === 'failed'),
    }),
  expertConflict: (expertName: string, enterpriseName: string) =>
    new AppError('applications.expert_conflict', 400, {
      expertName,
      fields: { expertUserIds: `专家${expertName}与申报工作室同属${enterpriseName}，须回避` },
    }),
  expertInvalid: (userId: number) =>
    new AppError('applications.expert_invalid', 400, {
      userId,
      fields: { expertUserIds: '所选人员不是可用的评审专家' },
    }),
  notInExpertReview: () => new AppError('applications.not_in_expert_review', 409),
  scoresPending: (names: string[]) => new AppError('applications.scores_pending', 409, { experts: names }),
  noScores: () => new AppError('applications.no_scores', 409),
  publicityClosed: () => new AppError('applications.publicity_closed', 409),
  publicityNotOver: (end: string | null) =>
    new AppError('applications.publicity_not_over', 409, { publicityEnd: end }),
  objectionUnresolved: (open: number) => new AppError('applications.objection_unresolved', 409, { open }),
  objectionNotFound: () => new AppError('applications.objection_not_found', 404),
  objectionResolved: () => new AppError('applications.objection_resolved', 409),
};
