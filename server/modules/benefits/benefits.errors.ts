import type { BenefitAction, BenefitStatus } from '../../../common/workflows/benefit.js';
import { AppError } from '../../core/errors.js';

export const benefitErrors = {
  notFound: () => new AppError('benefits.not_found', 404),
  /** The duplicate guard: names the calculation that already claims this result, unit and period. */
  duplicate: (existingId: number) =>
    new AppError('benefits.duplicate', 409, {
      existingId,
      fields: { periodFrom: `与已有效益测算（编号 ${existingId}）的单位和期间重叠，不能重复计算` },
    }),
  invalidTransition: (status: BenefitStatus, action: BenefitAction) =>
    new AppError('benefits.invalid_transition', 409, { status, action }),
  notEditable: () => new AppError('benefits.not_editable', 409),
  selfVerify: () => new AppError('benefits.self_verify', 403),
};
