import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  Button,
  DatePicker,
  Flex,
  Form,
  Input,
  InputNumber,
  Modal,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type Benefit, periodUnitLabels, periodUnits } from '../../../../../common/schemas/benefits';
import { api } from '../../../shared/api/client';
import { formatMoney } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { toFen, toYuan } from '../../projects/api';
import { useTexts } from '../texts';

interface Values {
  orgId?: number;
  period: [Dayjs, Dayjs];
  before: number;
  after: number;
  periodCount: number;
  periodUnit: string;
  cost: number;
  basis: string;
  attribution: { orgId?: number; share?: number }[];
}

/**
 * The benefit calculation form: (after − before) × units − implementation cost for a stated period, the
 * unit where it arose and how it splits across contributing units. New, or editing a draft.
 */
export function BenefitFormModal({
  open,
  resultId,
  adoptionId,
  benefit,
  onClose,
  onSaved,
}: {
  open: boolean;
  resultId: number;
  adoptionId?: number | null;
  benefit?: Benefit;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { lang } = useI18n();
  const tx = useTexts();
  const [form] = Form.useForm<Values>();
  const layout = useFormLayout(6);
  const toast = useErrorToast();
  const [busy, setBusy] = useState(false);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const v = Form.useWatch([], form) as Partial<Values> | undefined;
  const preview = Math.round(
    ((v?.after ?? 0) - (v?.before ?? 0)) * (v?.periodCount ?? 0) * 100 - (v?.cost ?? 0) * 100,
  );

  const initial: Partial<Values> = benefit
    ? {
        orgId: benefit.orgId,
        period: [dayjs(benefit.periodFrom), dayjs(benefit.periodTo)],
        before: toYuan(benefit.beforeValueFen),
        after: toYuan(benefit.afterValueFen),
        periodCount: benefit.periodCount,
        periodUnit: benefit.periodUnit,
        cost: toYuan(benefit.implementationCostFen),
        basis: benefit.basis,
        attribution: benefit.attribution.map((a) => ({ orgId: a.orgId, share: a.share })),
      }
    : { periodUnit: 'month', periodCount: 12, cost: 0, attribution: [] };

  const save = async () => {
    const x = await form.validateFields();
    const attribution = (x.attribution ?? []).filter((a) => a.orgId);
    const body = {
      orgId: x.orgId,
      periodFrom: x.period[0].format('YYYY-MM-DD'),
      periodTo: x.period[1].format('YYYY-MM-DD'),
      beforeValueFen: toFen(x.before),
      afterValueFen: toFen(x.after),
      periodCount: x.periodCount,
      periodUnit: x.periodUnit,
      implementationCostFen: toFen(x.cost),
      basis: x.basis,
      ...(attribution.length ? { attribution } : {}),
    };
    setBusy(true);
    setDuplicate(null);
    try {
      if (benefit)
        await api(`/api/benefits/${benefit.id}`, {
          method: 'PATCH',
          body: { ...body, version: benefit.version },
        });
      else
        await api(`/api/results/${resultId}/benefits`, {
          method: 'POST',
          body: { ...body, adoptionId: adoptionId ?? null },
        });
      form.resetFields();
      onSaved();
      onClose();
    } catch (err) {
      const e = err as { code?: string; message: string; fields?: Record<string, string> };
      if (e.code === 'benefits.duplicate') setDuplicate(e.fields?.periodFrom ?? e.message);
      const fields = e.fields ?? {};
      const rename: Record<string, string> = {
        periodFrom: 'period',
        periodTo: 'period',
        beforeValueFen: 'before',
        afterValueFen: 'after',
        implementationCostFen: 'cost',
      };
      form.setFields(
        Object.entries(fields).map(([k, m]) => ({
          name: (rename[k] ?? k).split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)) as never,
          errors: [m],
        })),
      );
      if (!Object.keys(fields).length) toast(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={tx('addBenefit')}
      onCancel={onClose}
      onOk={save}
      confirmLoading={busy}
      destroyOnHidden
      width={720}
    >
      {duplicate && <Alert type="error" showIcon title={duplicate} style={{ marginBottom: 12 }} />}
      <Form form={form} {...layout} initialValues={initial}>
        <Form.Item name="orgId" label={tx('unit')} extra={adoptionId ? undefined : tx('attributionHint')}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="period" label={tx('period')} rules={[{ required: true }]}>
          <DatePicker.RangePicker />
        </Form.Item>
        <Form.Item name="before" label={tx('before')} rules={[{ required: true }]}>
          <InputNumber precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item name="after" label={tx('after')} rules={[{ required: true }]}>
          <InputNumber precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={tx('periodCount')} required>
          <Space>
            <Form.Item name="periodCount" noStyle rules={[{ required: true }]}>
              <InputNumber min={0.01} precision={2} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="periodUnit" noStyle>
              <Select options={optionsOf(periodUnits, periodUnitLabels, lang)} style={{ width: 100 }} />
            </Form.Item>
          </Space>
        </Form.Item>
        <Form.Item name="cost" label={tx('cost')}>
          <InputNumber min={0} precision={2} style={{ width: 200 }} />
        </Form.Item>
        <Form.Item label={tx('amount')} extra={tx('formula')}>
          <Typography.Text strong type={preview < 0 ? 'danger' : undefined}>
            {formatMoney(preview, { fen: true })}
          </Typography.Text>
        </Form.Item>
        <Form.Item name="basis" label={tx('basis')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={3000} showCount />
        </Form.Item>
        <Form.Item label={tx('attribution')} extra={tx('attributionHint')}>
          <Form.List name="attribution">
            {(fields, { add, remove }) => (
              <Flex vertical gap={8}>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'orgId']} noStyle>
                      <OrgTreeSelect style={{ width: 220 }} />
                    </Form.Item>
                    <Form.Item name={[f.name, 'share']} noStyle>
                      <InputNumber min={0.01} max={100} precision={2} addonAfter="%" style={{ width: 130 }} />
                    </Form.Item>
                    <MinusCircleOutlined onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({})} style={{ width: 200 }}>
                  {tx('addUnit')}
                </Button>
              </Flex>
            )}
          </Form.List>
        </Form.Item>
      </Form>
    </Modal>
  );
}
