import type { ResultAction, ResultStatus } from '../../../common/workflows/result.js';
import { AppError } from '../../core/errors.js';

export const resultErrors = {
  notFound: () => new AppError('results.not_found', 404),
  invalidTransition: (status: ResultStatus, action: ResultAction) =>
    new AppError('results.invalid_transition', 409, { status, action }),
  notEditable: () => new AppError('results.not_editable', 409),
  patentNoTaken: () =>
    new AppError('results.patent_no_taken', 409, {
      fields: { 'patent.applicationNo': '该专利申请号已被其他成果登记' },
    }),
  reviewerInvalid: (field: string) =>
    new AppError('results.reviewer_invalid', 400, { fields: { [field]: '所选人员不是可用的评审专家' } }),
  reviewerConflict: (field: string) =>
    new AppError('results.reviewer_conflict', 400, {
      fields: { [field]: '该专家与成果所属工作室同属一个企业，须回避' },
    }),
  notReviewer: () => new AppError('results.not_reviewer', 403),
  noScores: () => new AppError('results.no_scores', 409),
};
