import { PlusOutlined } from '@ant-design/icons';
import { Button, Form, Input, Modal, Select, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import {
  type ClinicQuestion,
  type ClinicQuestionDetail,
  type ClinicStatus,
  clinicStatuses,
  clinicStatusLabels,
} from '../../../../../common/schemas/clinic';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { useTexts } from '../texts';

export const statusColor: Record<ClinicStatus, string> = {
  open: 'processing',
  resolved: 'green',
  closed: 'default',
};

/** The clinic's questions (all, mine, routed to my studios); anyone may ask. */
export default function ClinicPage() {
  const { l, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const columns: ColumnsType<ClinicQuestion> = [
    {
      key: 'title',
      title: tx('title'),
      dataIndex: 'title',
      render: (v: string) => <Typography.Link>{v}</Typography.Link>,
    },
    {
      key: 'field',
      title: tx('field'),
      dataIndex: 'field',
      width: 120,
      render: (v: string) => <Tag>{v}</Tag>,
    },
    {
      key: 'status',
      title: tx('status'),
      dataIndex: 'status',
      width: 90,
      render: (v: ClinicStatus) => <Tag color={statusColor[v]}>{l(clinicStatusLabels[v])}</Tag>,
    },
    {
      key: 'answers',
      title: tx('answers'),
      dataIndex: 'answerCount',
      width: 100,
      render: (n: number) => tx('answerCount', { n }),
    },
    { key: 'asker', title: tx('asker'), dataIndex: 'askerName', width: 100 },
    { key: 'org', title: '', dataIndex: 'orgName', width: 120, ellipsis: true },
    { key: 'created', title: tx('createdAt'), dataIndex: 'createdAt', width: 110, render: formatDate },
  ];
  return (
    <>
      <PageHeader
        title={tx('clinic')}
        sub={tx('clinicSub')}
        extra={
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
            {tx('ask')}
          </Button>
        }
      />
      <ListPage<ClinicQuestion>
        queryKey={['clinic']}
        fetchPage={(query) => api<Page<ClinicQuestion>>('/api/clinic/questions', { query })}
        rowKey="id"
        columns={columns}
        phoneColumns={['title', 'status', 'answers']}
        onRowClick={(r) => navigate(`/clinic/${r.id}`)}
        filters={
          <>
            <Form.Item name="view">
              <Select
                placeholder={tx('view')}
                allowClear
                style={{ width: 170 }}
                options={[
                  { value: 'all', label: tx('viewAll') },
                  { value: 'mine', label: tx('viewMine') },
                  { value: 'routed', label: tx('viewRouted') },
                ]}
              />
            </Form.Item>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('search')} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={tx('status')}
                style={{ width: 110 }}
                options={optionsOf(clinicStatuses, clinicStatusLabels, lang)}
              />
            </Form.Item>
          </>
        }
      />
      <AskModal open={open} onClose={() => setOpen(false)} onSaved={(q) => navigate(`/clinic/${q.id}`)} />
    </>
  );
}

function AskModal({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: (q: ClinicQuestionDetail) => void;
}) {
  const tx = useTexts();
  const toast = useErrorToast();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open={open}
      title={tx('ask')}
      onCancel={onClose}
      confirmLoading={busy}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        setBusy(true);
        try {
          onSaved(await api<ClinicQuestionDetail>('/api/clinic/questions', { method: 'POST', body: v }));
        } catch (err) {
          if (!applyServerErrors(form, err)) toast(err);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="title" label={tx('title')} rules={[{ required: true, min: 4, max: 100 }]}>
          <Input placeholder={tx('titlePh')} maxLength={100} />
        </Form.Item>
        <Form.Item name="field" label={tx('field')} rules={[{ required: true, max: 50 }]}>
          <Input placeholder={tx('fieldPh')} maxLength={50} />
        </Form.Item>
        <Form.Item name="content" label={tx('content')} rules={[{ required: true, min: 10, max: 5000 }]}>
          <Input.TextArea rows={5} placeholder={tx('contentPh')} maxLength={5000} showCount />
        </Form.Item>
      </Form>
    </Modal>
  );
}
