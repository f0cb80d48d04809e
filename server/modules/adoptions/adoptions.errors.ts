import { AppError } from '../../core/errors.js';

export const adoptionErrors = {
  notFound: () => new AppError('adoptions.not_found', 404),
  notAvailable: () => new AppError('adoptions.not_available', 409),
  sameEnterprise: () =>
    new AppError('adoptions.same_enterprise', 400, {
      fields: { orgId: '推广应用单位须为成果所属企业以外的单位' },
    }),
  duplicate: () =>
    new AppError('adoptions.duplicate', 409, { fields: { orgId: '该单位已登记过此成果的推广应用' } }),
};
