import type { AssessmentAction, AssessmentState } from '../../../common/workflows/assessment.js';
import type { StudioChangeAction, StudioChangeState } from '../../../common/workflows/studio-change.js';
import { AppError } from '../../core/errors.js';

export const assessmentErrors = {
  notFound: () => new AppError('assessments.not_found', 404),
  campaignNotFound: () => new AppError('assessments.campaign_not_found', 404),
  campaignExists: () =>
    new AppError('assessments.campaign_exists', 409, { fields: { year: '该单位本年度的考核已经开启' } }),
  noStudios: () => new AppError('assessments.no_studios', 409),
  invalidTransition: (state: AssessmentState, action: AssessmentAction) =>
    new AppError('assessments.invalid_transition', 409, { state, action }),
  notEditable: () => new AppError('assessments.not_editable', 409),
  notInReview: () => new AppError('assessments.not_in_review', 409),
  scoresPending: (names: string[]) => new AppError('assessments.scores_pending', 409, { reviewers: names }),
  noScores: () => new AppError('assessments.no_scores', 409),
  tasksOpen: (open: number) => new AppError('assessments.tasks_open', 409, { open }),
  taskNotFound: () => new AppError('assessments.task_not_found', 404),
  changeNotFound: () => new AppError('studio_changes.not_found', 404),
  changeInvalidTransition: (state: StudioChangeState, action: StudioChangeAction) =>
    new AppError('studio_changes.invalid_transition', 409, { state, action }),
  changePending: (studioName: string) => new AppError('studio_changes.pending_exists', 409, { studioName }),
};
