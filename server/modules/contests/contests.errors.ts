import { AppError } from '../../core/errors.js';

export const contestErrors = {
  notFound: () => new AppError('contests.not_found', 404),
};
