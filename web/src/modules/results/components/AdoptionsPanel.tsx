import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, DatePicker, Empty, Form, Input, Modal, Table } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Adoption } from '../../../../../common/schemas/adoptions';
import type { Result } from '../../../../../common/schemas/results';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { formatDate, formatMoney } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useFormLayout } from '../../../shared/hooks/useFormLayout';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { resultKeys, useAdoptions } from '../api';
import { useTexts } from '../texts';
import { BenefitFormModal } from './BenefitFormModal';

/** 推广应用 of a result: where it was adopted, when, in what scope, and the verified benefit there. */
export function AdoptionsPanel({ result }: { result: Result }) {
  const tx = useTexts();
  const qc = useQueryClient();
  const { data = [], isFetching } = useAdoptions(result.id);
  const [adopting, setAdopting] = useState(false);
  const [benefitFor, setBenefitFor] = useState<Adoption | null>(null);
  const reload = () => {
    void qc.invalidateQueries({ queryKey: resultKeys.adoptions(result.id) });
    void qc.invalidateQueries({ queryKey: resultKeys.benefits(result.id) });
    void qc.invalidateQueries({ queryKey: resultKeys.one(result.id) });
  };
  return (
    <Card
      size="small"
      title={tx('adoptions')}
      extra={
        result.abilities.adopt && (
          <Button size="small" type="primary" icon={<PlusOutlined />} onClick={() => setAdopting(true)}>
            {tx('adopt')}
          </Button>
        )
      }
    >
      <Table<Adoption>
        size="small"
        rowKey="id"
        loading={isFetching}
        pagination={false}
        dataSource={data}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noAdoptions')} /> }}
        columns={[
          {
            title: tx('adoptingUnit'),
            render: (_, a) => `${a.enterpriseName}${a.enterpriseName !== a.orgName ? ` · ${a.orgName}` : ''}`,
          },
          { title: tx('adoptedOn'), dataIndex: 'adoptedOn', width: 110, render: formatDate },
          { title: tx('site'), dataIndex: 'site' },
          { title: tx('scope'), dataIndex: 'scope' },
          {
            title: `${tx('verifiedBenefit')}`,
            dataIndex: 'verifiedBenefitFen',
            align: 'right',
            width: 140,
            render: (v: number) => (v ? formatMoney(v, { fen: true }) : '—'),
          },
          {
            title: '',
            width: 120,
            render: (_, a) =>
              a.abilities.addBenefit && (
                <Button size="small" onClick={() => setBenefitFor(a)}>
                  {tx('addAdoptionBenefit')}
                </Button>
              ),
          },
        ]}
      />
      <AdoptModal resultId={result.id} open={adopting} onClose={() => setAdopting(false)} onSaved={reload} />
      {benefitFor && (
        <BenefitFormModal
          open
          resultId={result.id}
          adoptionId={benefitFor.id}
          onClose={() => setBenefitFor(null)}
          onSaved={reload}
        />
      )}
    </Card>
  );
}

function AdoptModal({
  resultId,
  open,
  onClose,
  onSaved,
}: {
  resultId: number;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const tx = useTexts();
  const [form] = Form.useForm();
  const layout = useFormLayout();
  const toast = useErrorToast();
  const [busy, setBusy] = useState(false);
  const save = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api(`/api/results/${resultId}/adoptions`, {
        method: 'POST',
        body: { ...v, adoptedOn: v.adoptedOn.format('YYYY-MM-DD') },
      });
      form.resetFields();
      onSaved();
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={open}
      title={tx('adopt')}
      onCancel={onClose}
      onOk={save}
      confirmLoading={busy}
      destroyOnHidden
      width={600}
    >
      <Form form={form} {...layout} initialValues={{ adoptedOn: dayjs() }}>
        <Form.Item name="orgId" label={tx('adoptingUnit')} rules={[{ required: true }]}>
          <OrgTreeSelect />
        </Form.Item>
        <Form.Item name="adoptedOn" label={tx('adoptedOn')} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="site" label={tx('site')} rules={[{ required: true, min: 2 }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="scope" label={tx('scope')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item name="contact" label={tx('contact')}>
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="note" label={tx('note')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
