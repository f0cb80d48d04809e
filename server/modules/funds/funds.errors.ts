import { AppError } from '../../core/errors.js';

/** Money in a message: 分 → "¥1,234.56". */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const int = Math.floor(abs / 100).toLocaleString('en-US');
  return `${sign}¥${int}.${String(abs % 100).padStart(2, '0')}`;
}

export const fundErrors = {
  allocationNotFound: () => new AppError('funds.allocation_not_found', 404),
  expenseNotFound: () => new AppError('funds.expense_not_found', 404),
  /** Refused spending: details carry the available balance and the amount asked for, in fen and as text. */
  insufficientBalance: (balanceFen: number, requestedFen: number) =>
    new AppError('funds.insufficient_balance', 400, {
      balanceFen,
      requestedFen,
      message: `可用余额 ${yuan(balanceFen)}，本次金额 ${yuan(requestedFen)}，超出 ${yuan(requestedFen - balanceFen)}`,
    }),
  invalidTransition: (status: string, action: string) =>
    new AppError('funds.invalid_transition', 409, { status, action }),
  notEditable: (status: string) => new AppError('funds.not_editable', 409, { status }),
  selfApproval: () => new AppError('funds.self_approval', 403),
  receiptRequired: () =>
    new AppError('funds.receipt_required', 400, { fields: { receipts: '请至少上传一张票据' } }),
};
