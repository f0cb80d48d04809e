import type { IdeaAction, IdeaStatus } from '../../../common/workflows/idea.js';
import { AppError } from '../../core/errors.js';

export const ideaErrors = {
  notFound: () => new AppError('ideas.not_found', 404),
  trackNotFound: () => new AppError('ideas.track_not_found', 404),
  invalidTransition: (status: IdeaStatus, action: IdeaAction) =>
    new AppError('ideas.invalid_transition', 409, { status, action }),
  answerRequired: () =>
    new AppError('ideas.answer_required', 400, { fields: { answer: '请填写书面答复（至少 2 个字）' } }),
  mergeTargetInvalid: () =>
    new AppError('ideas.merge_target_invalid', 400, {
      fields: { targetId: '请选择更早提交、未被合并的同企业建议' },
    }),
  handlerInvalid: () =>
    new AppError('ideas.handler_invalid', 400, {
      fields: { handlerUserId: '处理人无效或不在您的管理范围内' },
    }),
  notAdopted: () => new AppError('ideas.not_adopted', 409),
  alreadyProject: () => new AppError('ideas.already_project', 409),
  routeNotFound: () => new AppError('ideas.route_not_found', 404),
  routeTaken: () =>
    new AppError('ideas.route_taken', 409, { fields: { category: '该组织和类别已有分派规则' } }),
  photoTokenInvalid: () =>
    new AppError('ideas.photo_token_invalid', 400, {
      fields: { photoToken: '照片已失效或已用于其他建议，请重新上传' },
    }),
  photoTypeNotAllowed: () =>
    new AppError('ideas.photo_type_not_allowed', 400, {
      fields: { file: '只能上传 JPEG、PNG 或 WebP 格式的照片' },
    }),
  orgInvalid: (field: 'orgId' | 'orgCode') =>
    new AppError('request.invalid', 400, { fields: { [field]: '请选择有效的单位' } }),
};
