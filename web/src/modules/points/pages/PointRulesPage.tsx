import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  Modal,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import type { PointEntry, PointRule } from '../../../../../common/schemas/points';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';

/** 积分规则 (the group admin tunes points per event; every change versioned and audited). */
export default function PointRulesPage() {
  const tx = useTexts();
  const { t } = useI18n();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const canEdit = usePermission('points.rules');
  const { data, isFetching } = useQuery({
    queryKey: ['points', 'rules'],
    queryFn: () => api<PointRule[]>('/api/points/rules'),
  });
  const [draft, setDraft] = useState<Record<number, number>>({});
  const save = async (r: PointRule, patch: Partial<PointRule>) => {
    try {
      await api(`/api/points/rules/${r.id}`, { method: 'PATCH', body: { version: r.version, ...patch } });
      message.success(t('common.saved'));
      setDraft((d) => ({ ...d, [r.id]: undefined as never }));
      void qc.invalidateQueries({ queryKey: ['points', 'rules'] });
    } catch (err) {
      toast(err);
    }
  };
  const columns: ColumnsType<PointRule> = [
    { key: 'label', title: tx('event'), dataIndex: 'label' },
    {
      key: 'event',
      title: 'event',
      dataIndex: 'event',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
    {
      key: 'subject',
      title: tx('subject'),
      dataIndex: 'subject',
      render: (v: string) => (v === 'person' ? tx('personWinner') : tx('studioWinner')),
    },
    {
      key: 'points',
      title: tx('points'),
      dataIndex: 'points',
      render: (v: number, r) =>
        canEdit ? (
          <Space.Compact>
            <InputNumber
              value={draft[r.id] ?? v}
              min={-1000}
              max={10000}
              onChange={(n) => setDraft((d) => ({ ...d, [r.id]: Number(n) }))}
              aria-label={`${tx('points')} · ${r.label}`}
              style={{ width: 90 }}
            />
            <Button
              disabled={draft[r.id] === undefined || draft[r.id] === v}
              onClick={() => save(r, { points: draft[r.id] })}
            >
              {t('common.save')}
            </Button>
          </Space.Compact>
        ) : (
          v
        ),
    },
    {
      key: 'active',
      title: tx('active'),
      dataIndex: 'active',
      render: (v: boolean, r) => (
        <Switch
          checked={v}
          disabled={!canEdit}
          onChange={(on) => save(r, { active: on })}
          aria-label={`${tx('active')} · ${r.label}`}
        />
      ),
    },
    {
      key: 'version',
      title: tx('version'),
      dataIndex: 'version',
      render: (v: number, r) => (
        <Tag>
          v{v} · {formatDateTime(r.updatedAt)}
        </Tag>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={tx('rules')} sub={tx('rulesSub')} />
      <Card size="small">
        <Table<PointRule>
          rowKey="id"
          size="middle"
          loading={isFetching}
          dataSource={data ?? []}
          columns={columns}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
    </>
  );
}

/** 积分台账 for admins: every entry with its cause; corrections are appended, never edits. */
export function PointLedgerPage() {
  const tx = useTexts();
  const [correcting, setCorrecting] = useState<PointEntry | null>(null);
  const columns: ColumnsType<PointEntry> = [
    { key: 'at', title: tx('at'), dataIndex: 'createdAt', width: 150, render: formatDateTime },
    { key: 'who', title: tx('winner'), render: (_, e) => e.personName ?? e.studioName },
    { key: 'org', title: tx('enterprise'), dataIndex: 'orgName', width: 130 },
    { key: 'label', title: tx('event'), dataIndex: 'label' },
    {
      key: 'cause',
      title: 'cause',
      render: (_, e) => <Typography.Text code>{`${e.causeType}#${e.causeId}`}</Typography.Text>,
    },
    { key: 'points', title: tx('points'), dataIndex: 'points', width: 80 },
    { key: 'net', title: tx('net'), dataIndex: 'netPoints', width: 80 },
    { key: 'note', title: tx('note'), dataIndex: 'note', ellipsis: true },
    {
      key: 'actions',
      title: '',
      width: 80,
      render: (_, e) =>
        e.abilities.correct && (
          <Button size="small" type="link" onClick={() => setCorrecting(e)}>
            {tx('correct')}
          </Button>
        ),
    },
  ];
  return (
    <>
      <PageHeader title={tx('ledger')} />
      <ListPage<PointEntry>
        queryKey={['points', 'entries']}
        fetchPage={(query) => api<Page<PointEntry>>('/api/points/entries', { query })}
        rowKey="id"
        columns={columns}
        phoneColumns={['who', 'label', 'points']}
        filters={
          <Form.Item name="event">
            <Input allowClear placeholder="event" style={{ width: 180 }} />
          </Form.Item>
        }
      />
      <CorrectionModal entry={correcting} onClose={() => setCorrecting(null)} />
    </>
  );
}

function CorrectionModal({ entry, onClose }: { entry: PointEntry | null; onClose: () => void }) {
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const [form] = Form.useForm<{ points: number; reason: string }>();
  return (
    <Modal
      open={entry !== null}
      title={tx('correctTitle')}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v || !entry) return;
        try {
          await api(`/api/points/entries/${entry.id}/correct`, { method: 'POST', body: v });
          void qc.invalidateQueries({ queryKey: ['points'] });
          onClose();
        } catch (err) {
          if (!applyServerErrors(form, err)) toast(err);
        }
      }}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ points: entry ? -entry.netPoints : undefined }}
        preserve={false}
      >
        <Typography.Paragraph>
          {entry?.personName ?? entry?.studioName} · {entry?.label} · {entry?.points}
        </Typography.Paragraph>
        <Form.Item name="points" label={tx('delta')} rules={[{ required: true }]}>
          <InputNumber style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="reason" label={tx('reason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea rows={3} maxLength={500} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
