import { AppError } from '../../core/errors.js';

export const clinicErrors = {
  notFound: () => new AppError('clinic.not_found', 404),
  closed: () => new AppError('clinic.closed', 409),
  notMember: () => new AppError('clinic.not_member', 403),
  answerNotFound: () => new AppError('clinic.answer_not_found', 404, { fields: { answerId: '解答不存在' } }),
  ownAnswer: () => new AppError('clinic.own_answer', 400, { fields: { answerId: '不能采纳自己的解答' } }),
};
