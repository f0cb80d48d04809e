import { AppError } from '../../core/errors.js';

export const allianceErrors = {
  notFound: () => new AppError('alliances.not_found', 404),
  memberExists: () =>
    new AppError('alliances.member_exists', 409, { fields: { studioId: '该工作室已是联盟成员' } }),
  leadCannotLeave: () => new AppError('alliances.lead_cannot_leave', 400),
  noNextLead: () => new AppError('alliances.no_next_lead', 400),
};
