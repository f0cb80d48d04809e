import { AppError } from '../../core/errors.js';

export const rulebookErrors = {
  notFound: () => new AppError('rulebooks.not_found', 404),
  missing: (purpose: string, level: string | null) =>
    new AppError('rulebooks.missing', 409, { purpose, level }),
};
