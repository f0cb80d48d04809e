import { AppError } from '../../core/errors.js';

export const activityErrors = {
  notFound: () => new AppError('activities.not_found', 404),
  checkinInvalid: () => new AppError('activities.checkin_invalid', 404),
  checkinNotOpen: (opensAt: string) => new AppError('activities.checkin_not_open', 400, { opensAt }),
  checkinExpired: (expiresAt: string) => new AppError('activities.checkin_expired', 400, { expiresAt }),
  checkinNotAllowed: () => new AppError('activities.checkin_not_allowed', 403),
  checkinNoPerson: () => new AppError('activities.checkin_no_person', 400),
};
