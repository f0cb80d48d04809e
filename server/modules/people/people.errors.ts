import { AppError } from '../../core/errors.js';

export const peopleErrors = {
  notFound: () => new AppError('people.not_found', 404),
  employeeNoTaken: () =>
    new AppError('people.employee_no_taken', 409, { fields: { employeeNo: '工号已存在' } }),
};
