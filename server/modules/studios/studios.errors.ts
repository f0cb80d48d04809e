import { AppError } from '../../core/errors.js';

export const studioErrors = {
  notFound: () => new AppError('studios.not_found', 404),
  inactive: () => new AppError('studios.inactive', 400),
  hostOrgNotFound: () =>
    new AppError('orgs.not_found', 404, { fields: { hostOrgId: '依托单位不存在或不在您的管理范围内' } }),
  personInvalid: (field: string) =>
    new AppError('request.invalid', 400, { fields: { [field]: '人员不存在或不在您的管理范围内' } }),
  memberExists: () =>
    new AppError('studios.member_exists', 409, { fields: { personId: '该人员已是本工作室的在册成员' } }),
  memberNotFound: () => new AppError('studios.member_not_found', 404),
  memberLeft: () => new AppError('studios.member_left', 400),
  leaderChangeRequired: () => new AppError('studios.use_leader_change', 400),
  leaderUnchanged: () =>
    new AppError('studios.leader_unchanged', 400, { fields: { personId: '新领衔人与现任领衔人相同' } }),
  namingNotFound: () => new AppError('studios.naming_not_found', 404),
  plaqueTaken: () => new AppError('studios.plaque_taken', 409, { fields: { plaqueNo: '牌匾编号已被使用' } }),
};
