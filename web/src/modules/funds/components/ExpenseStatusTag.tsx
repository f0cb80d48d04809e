import { Tag } from 'antd';
import { type ExpenseStatus, expenseStatusLabels } from '../../../../../common/workflows/fund-expenses';
import { useI18n } from '../../../shared/i18n';

const colors: Record<ExpenseStatus, string> = {
  draft: 'default',
  submitted: 'processing',
  approved: 'success',
  rejected: 'error',
};

export function ExpenseStatusTag({ status }: { status: ExpenseStatus }) {
  const { l } = useI18n();
  return <Tag color={colors[status]}>{l(expenseStatusLabels[status])}</Tag>;
}
