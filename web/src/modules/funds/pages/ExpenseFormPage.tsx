import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, DatePicker, Flex, Form, Input, InputNumber, Select, Skeleton } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate, useParams } from 'react-router';
import {
  type ExpenseCategory,
  type ExpenseDetail,
  expenseCategories,
  expenseCategoryLabels,
} from '../../../../../common/schemas/funds';
import { api } from '../../../shared/api/client';
import { applyServerErrors, validValues } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { useLifeTexts } from '../../activities/texts';
import { fundKeys, toFen, useExpense } from '../api';
import { useFundTexts } from '../texts';

interface Values {
  studioId?: number;
  category: ExpenseCategory;
  amount: number;
  spentOn: Dayjs;
  payee?: string;
  description: string;
}

/** 登记/编辑支出 (draft or rejected): the receipts are uploaded on the expense's page. */
export default function ExpenseFormPage() {
  const { id } = useParams();
  const editId = id ? Number(id) : 0;
  const { data, isLoading } = useExpense(editId);
  if (editId && isLoading) return <Skeleton active />;
  return <ExpenseForm existing={data} />;
}

function ExpenseForm({ existing }: { existing?: ExpenseDetail }) {
  const { t, lang } = useI18n();
  const tx = useFundTexts();
  const lx = useLifeTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const layout = useFormLayout(4);
  const [form] = Form.useForm<Values>();
  const initial: Partial<Values> = existing
    ? {
        ...existing,
        amount: existing.amountFen / 100,
        spentOn: dayjs(existing.spentOn),
        payee: existing.payee ?? undefined,
      }
    : { category: 'equipment', spentOn: dayjs() };
  const submit = async () => {
    const v = await validValues(form);
    if (!v) return;
    const body = {
      category: v.category,
      amountFen: toFen(v.amount),
      spentOn: v.spentOn.format('YYYY-MM-DD'),
      payee: v.payee || null,
      description: v.description,
    };
    try {
      const saved = await api<ExpenseDetail>(
        existing ? `/api/funds/expenses/${existing.id}` : '/api/funds/expenses',
        {
          method: existing ? 'PATCH' : 'POST',
          body: existing ? { ...body, version: existing.version } : { ...body, studioId: v.studioId },
        },
      );
      qc.setQueryData(fundKeys.expense(saved.id), saved);
      void qc.invalidateQueries({ queryKey: ['funds'] });
      message.success(lx('saved'));
      navigate(`/funds/expenses/${saved.id}`, { replace: true });
    } catch (err) {
      const e = err as { fields?: Record<string, string> };
      if (e.fields?.amountFen) form.setFields([{ name: 'amount', errors: [e.fields.amountFen] }]);
      else if (!applyServerErrors(form, err)) toast(err);
    }
  };
  return (
    <>
      <PageHeader title={existing ? tx('editExpense') : tx('newExpense')} />
      <Card>
        <Form<Values> form={form} {...layout} initialValues={initial} style={{ maxWidth: 720 }}>
          <Form.Item
            name="studioId"
            label={lx('studio')}
            rules={[{ required: !existing, message: lx('studioSearch') }]}
          >
            <StudioSelect disabled={!!existing} initialLabel={existing?.studioName} />
          </Form.Item>
          <Form.Item name="category" label={tx('category')} rules={[{ required: true }]}>
            <Select
              options={optionsOf(expenseCategories, expenseCategoryLabels, lang)}
              style={{ width: 160 }}
            />
          </Form.Item>
          <Form.Item name="amount" label={tx('amount')} rules={[{ required: true }]}>
            <InputNumber min={0.01} precision={2} prefix="¥" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="spentOn" label={tx('spentOn')} rules={[{ required: true }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="payee" label={tx('payee')}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="description" label={tx('description')} rules={[{ required: true, max: 1000 }]}>
            <Input.TextArea rows={3} showCount maxLength={1000} />
          </Form.Item>
          <Form.Item wrapperCol={layout.layout === 'horizontal' ? { offset: 4 } : undefined}>
            <Flex gap={8}>
              <Button type="primary" onClick={submit}>
                {t('common.save')}
              </Button>
              <Button onClick={() => navigate(-1)}>{t('common.cancel')}</Button>
            </Flex>
          </Form.Item>
        </Form>
      </Card>
    </>
  );
}
