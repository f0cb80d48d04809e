import { AppError } from '../../core/errors.js';

export const accountErrors = {
  invalidCredentials: () => new AppError('auth.invalid_credentials', 401),
  locked: (until: string) => new AppError('auth.locked', 423, { lockedUntil: until }),
  wrongPassword: () =>
    new AppError('auth.wrong_password', 400, { fields: { currentPassword: '当前密码不正确' } }),
  weakPassword: () =>
    new AppError('auth.weak_password', 400, { fields: { newPassword: '至少 8 位，且需同时包含字母和数字' } }),
  userNotFound: () => new AppError('users.not_found', 404),
  usernameTaken: () => new AppError('users.username_taken', 409, { fields: { username: '用户名已被使用' } }),
  personHasAccount: () => new AppError('users.person_has_account', 409),
  grantOutOfScope: () => new AppError('roles.invalid_scope', 403),
  grantNotFound: () => new AppError('roles.not_found', 404),
};
