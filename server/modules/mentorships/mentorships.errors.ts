import { AppError } from '../../core/errors.js';

export const mentorshipErrors = {
  notFound: () => new AppError('mentorships.not_found', 404),
  invalidTransition: (status: string) => new AppError('mentorships.invalid_transition', 409, { status }),
  apprenticeBusy: () =>
    new AppError('mentorships.apprentice_busy', 409, {
      fields: { apprenticePersonId: '该徒弟在本工作室已有进行中的协议' },
    }),
};
