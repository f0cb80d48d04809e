import { AppError } from '../../core/errors.js';

export const pointErrors = {
  ruleNotFound: () => new AppError('points.rule_not_found', 404),
  entryNotFound: () => new AppError('points.entry_not_found', 404),
  notCorrectable: () => new AppError('points.not_correctable', 400),
  awardNotFound: () => new AppError('awards.not_found', 404),
  winnerInvalid: (field: 'personId' | 'studioId') =>
    new AppError('awards.winner_invalid', 400, {
      fields: { [field]: '获奖人或工作室不存在或不在您的管理范围内' },
    }),
};
