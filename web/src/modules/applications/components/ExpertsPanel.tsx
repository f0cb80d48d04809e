import { PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Flex,
  Form,
  Modal,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type {
  ApplicationDetail,
  ExpertAssignment,
  ExpertCandidate,
} from '../../../../../common/schemas/applications';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useTexts } from '../texts';

const statusColor = { pending: 'processing', submitted: 'success', cancelled: 'default' } as const;

/** 专家评审 for the group admin: the panel, its deadline, the aggregate and the drop-extremes flag. */
export function ExpertsPanel({
  app,
  onChanged,
}: {
  app: ApplicationDetail;
  onChanged: (a: ApplicationDetail) => void;
}) {
  const tx = useTexts();
  const toast = useErrorToast();
  const { modal } = App.useApp();
  const [assigning, setAssigning] = useState(false);
  const a = app.abilities;
  const s = app.scoreSummary;

  const setDrop = async (dropExtremes: boolean) => {
    try {
      onChanged(
        await api<ApplicationDetail>(`/api/applications/${app.id}/settings`, {
          method: 'PATCH',
          body: { dropExtremes, version: app.version },
        }),
      );
    } catch (err) {
      toast(err);
    }
  };
  const withdraw = (e: ExpertAssignment) =>
    modal.confirm({
      title: `${tx('withdrawExpert')} ${e.expertName}`,
      onOk: async () => {
        try {
          onChanged(
            await api<ApplicationDetail>(`/api/applications/${app.id}/experts/${e.id}`, { method: 'DELETE' }),
          );
        } catch (err) {
          toast(err);
        }
      },
    });

  return (
    <Flex vertical gap={16}>
      <Card size="small" title={tx('aggregate')}>
        <Descriptions
          size="small"
          column={{ xs: 1, md: 4 }}
          items={[
            {
              key: 'n',
              label: tx('scoresIn'),
              children: `${s?.count ?? 0} / ${app.experts.filter((e) => e.status !== 'cancelled').length}`,
            },
            { key: 'score', label: tx('aggregate'), children: s?.score ?? '—' },
            {
              key: 'grade',
              label: tx('grade'),
              children: s?.grade ? <Tag color="blue">{s.grade}</Tag> : '—',
            },
            { key: 'deadline', label: tx('deadline'), children: formatDate(app.expertDeadline) || '—' },
          ]}
        />
        <Space>
          <Switch checked={app.dropExtremes} disabled={!a.settings} onChange={setDrop} />
          <Typography.Text>{tx('dropExtremes')}</Typography.Text>
        </Space>
      </Card>
      <Card
        size="small"
        title={tx('experts')}
        extra={
          a.assignExperts && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setAssigning(true)}>
              {tx('assignExperts')}
            </Button>
          )
        }
      >
        <Table<ExpertAssignment>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={app.experts}
          scroll={{ x: 'max-content' }}
          columns={[
            { title: tx('expert'), dataIndex: 'expertName' },
            { title: tx('expertOrg'), dataIndex: 'orgName' },
            { title: tx('deadline'), dataIndex: 'deadline', render: (d: string | null) => formatDate(d) },
            {
              title: tx('state'),
              dataIndex: 'status',
              render: (v: ExpertAssignment['status']) => <Tag color={statusColor[v]}>{tx(v)}</Tag>,
            },
            { title: tx('total'), dataIndex: 'total', render: (v: number | null) => v ?? '—' },
            {
              key: 'op',
              render: (_, e) =>
                a.assignExperts && e.status === 'pending' ? (
                  <Button size="small" type="link" onClick={() => withdraw(e)}>
                    {tx('withdrawExpert')}
                  </Button>
                ) : null,
            },
          ]}
        />
      </Card>
      {assigning && (
        <AssignModal
          app={app}
          onClose={() => setAssigning(false)}
          onDone={(x) => {
            setAssigning(false);
            onChanged(x);
          }}
        />
      )}
    </Flex>
  );
}

function AssignModal({
  app,
  onClose,
  onDone,
}: {
  app: ApplicationDetail;
  onClose: () => void;
  onDone: (a: ApplicationDetail) => void;
}) {
  const tx = useTexts();
  const toast = useErrorToast();
  const [form] = Form.useForm<{ expertUserIds: number[]; deadline: Dayjs }>();
  const [busy, setBusy] = useState(false);
  const { data: candidates = [], isLoading } = useQuery({
    queryKey: ['applications', app.id, 'expert-candidates'],
    queryFn: () => api<ExpertCandidate[]>(`/api/applications/${app.id}/expert-candidates`),
  });
  const submit = async (v: { expertUserIds: number[]; deadline: Dayjs }) => {
    setBusy(true);
    try {
      onDone(
        await api<ApplicationDetail>(`/api/applications/${app.id}/experts`, {
          method: 'POST',
          body: {
            expertUserIds: v.expertUserIds,
            deadline: v.deadline.format('YYYY-MM-DD'),
            version: app.version,
          },
        }),
      );
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={tx('assignExperts')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      width={560}
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ deadline: dayjs().add(7, 'day'), expertUserIds: [] }}
      >
        <Form.Item name="expertUserIds" label={tx('expert')} rules={[{ required: true }]}>
          <Select
            mode="multiple"
            loading={isLoading}
            optionFilterProp="label"
            options={candidates
              .filter((c) => !c.assigned)
              .map((c) => ({
                value: c.userId,
                label: `${c.name} · ${c.enterpriseName ?? c.orgName ?? ''}`,
                conflict: c.conflict,
              }))}
            optionRender={(o) => (
              <Space>
                {o.label}
                {o.data.conflict && <Tag color="red">{tx('conflict')}</Tag>}
              </Space>
            )}
          />
        </Form.Item>
        <Form.Item name="deadline" label={tx('deadline')} rules={[{ required: true }]}>
          <DatePicker style={{ width: '100%' }} disabledDate={(d) => d.isBefore(dayjs(), 'day')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
