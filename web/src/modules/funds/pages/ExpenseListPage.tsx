import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, InputNumber, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import { type Expense, expenseCategories, expenseCategoryLabels } from '../../../../../common/schemas/funds';
import type { Page } from '../../../../../common/schemas/shared';
import { expenseStatuses, expenseStatusLabels } from '../../../../../common/workflows/fund-expenses';
import { api } from '../../../shared/api/client';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatMoney } from '../../../shared/format';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { fromLifeQuery, toLifeQuery } from '../../activities/components/filters';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { useLifeTexts } from '../../activities/texts';
import { fundKeys } from '../api';
import { ExpenseStatusTag } from '../components/ExpenseStatusTag';
import { FundsTabs } from '../components/FundsTabs';
import { useFundTexts } from '../texts';

/** 经费支出: expenses with their approval status, filterable by studio, year, category, status and dates. */
export default function ExpenseListPage() {
  const { t, lang } = useI18n();
  const tx = useFundTexts();
  const lx = useLifeTexts();
  const navigate = useNavigate();
  const canSpend = usePermission('studios.manage');
  const columns: ColumnsType<Expense> = [
    { key: 'spentOn', title: tx('spentOn'), dataIndex: 'spentOn', width: 110, render: formatDate },
    {
      key: 'description',
      title: tx('description'),
      dataIndex: 'description',
      render: (v: string) => <a>{v}</a>,
    },
    { key: 'studio', title: lx('studio'), dataIndex: 'studioName', width: 220, ellipsis: true },
    {
      key: 'category',
      title: tx('category'),
      dataIndex: 'category',
      width: 80,
      render: (c) => labelOf(expenseCategoryLabels, c, lang),
    },
    {
      key: 'amount',
      title: tx('amount'),
      dataIndex: 'amountFen',
      width: 130,
      align: 'right',
      render: (f: number) => formatMoney(f, { fen: true }),
    },
    { key: 'payee', title: tx('payee'), dataIndex: 'payee', width: 160, ellipsis: true },
    {
      key: 'status',
      title: tx('status'),
      dataIndex: 'status',
      width: 90,
      render: (s) => <ExpenseStatusTag status={s} />,
    },
    { key: 'receipts', title: tx('receipts'), dataIndex: 'receiptCount', width: 70, align: 'right' },
  ];
  return (
    <>
      <PageHeader title={tx('funds')} extra={<FundsTabs />} />
      <ListPage<Expense>
        queryKey={fundKeys.expenses}
        fetchPage={(query) => api<Page<Expense>>('/api/funds/expenses', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="fund-expenses"
        phoneColumns={['spentOn', 'description', 'amount', 'status']}
        onRowClick={(e) => navigate(`/funds/expenses/${e.id}`)}
        toQuery={toLifeQuery}
        fromQuery={fromLifeQuery}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('description')} style={{ width: 150 }} />
            </Form.Item>
            <Form.Item name="studioId">
              <StudioSelect style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="year">
              <InputNumber placeholder={tx('year')} min={2000} max={2100} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="category">
              <Select
                allowClear
                placeholder={tx('category')}
                options={optionsOf(expenseCategories, expenseCategoryLabels, lang)}
                style={{ width: 100 }}
              />
            </Form.Item>
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={tx('status')}
                options={optionsOf(expenseStatuses, expenseStatusLabels, lang)}
                style={{ width: 110 }}
              />
            </Form.Item>
            <Form.Item name="range">
              <DatePicker.RangePicker style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="includeArchived" valuePropName="checked">
              <Checkbox>{t('common.includeArchived')}</Checkbox>
            </Form.Item>
          </>
        }
        extra={
          <>
            <ExportButton path="/api/funds/expenses/export" name={tx('expenses')} />
            {canSpend && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/funds/expenses/new')}>
                {tx('newExpense')}
              </Button>
            )}
          </>
        }
      />
    </>
  );
}
