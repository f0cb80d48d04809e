import { AppError } from '../../core/errors.js';

export const statsErrors = {
  invalidPeriod: () =>
    new AppError('stats.invalid_period', 400, { fields: { from: '起始年不能晚于截止年，期间最多 10 年' } }),
};
