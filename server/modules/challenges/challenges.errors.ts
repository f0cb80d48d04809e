import type { ChallengeAction, ChallengeStatus } from '../../../common/workflows/challenge.js';
import { AppError } from '../../core/errors.js';

export const challengeErrors = {
  notFound: () => new AppError('challenges.not_found', 404),
  invalidTransition: (status: ChallengeStatus, action: ChallengeAction) =>
    new AppError('challenges.invalid_transition', 409, { status, action }),
  notOpen: () => new AppError('challenges.not_open', 409),
  notEditable: () => new AppError('challenges.not_editable', 409),
  bidExists: () => new AppError('challenges.bid_exists', 409),
  bidNotFound: () => new AppError('challenges.bid_not_found', 404),
  bidRequired: () => new AppError('request.invalid', 400, { fields: { bidId: '请选择一个揭榜方案' } }),
  studioNotEligible: () =>
    new AppError('challenges.studio_not_eligible', 400, { fields: { studioId: '该工作室不能揭榜' } }),
  noteRequired: () => new AppError('challenges.note_required', 400, { fields: { note: '请填写验收意见' } }),
  deadlinePast: () =>
    new AppError('request.invalid', 400, { fields: { deadline: '揭榜截止日期不能早于今天' } }),
};
