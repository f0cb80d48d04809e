import { useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { StudioChange } from '../../../../../common/schemas/assessments';
import type { StudioListItem } from '../../../../../common/schemas/studios';
import {
  type StudioChangeAction,
  type StudioChangeKind,
  studioChangeActionLabels,
  studioChangeKindLabels,
  studioChangeStateLabels,
} from '../../../../../common/workflows/studio-change';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { assessmentKeys, useStudioChanges } from '../api';
import { useTexts } from '../texts';

const stateColor = {
  proposed: 'processing',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'default',
} as const;

/** Picks other studios by name (for a merge). */
function StudioPicker({
  value,
  onChange,
  exclude,
}: {
  value?: number[];
  onChange?: (v: number[]) => void;
  exclude: number;
}) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const search = async (q: string) => {
    const page = await api<{ items: StudioListItem[] }>('/api/studios', { query: { q, pageSize: 20 } });
    setOptions(
      page.items
        .filter(
          (s) =>
            s.id !== exclude &&
            (s.status === 'named' || s.status === 'cultivating' || s.status === 'rectifying'),
        )
        .map((s) => ({ value: s.id, label: `${s.name}（${s.hostOrgName}）` })),
    );
  };
  return (
    <Select
      mode="multiple"
      showSearch
      filterOption={false}
      onSearch={search}
      onFocus={() => search('')}
      value={value}
      onChange={onChange}
      options={options}
    />
  );
}

/** Proposes a revocation of the studio, or a merge of others into it. */
export function ProposeChangeModal({
  studioId,
  kind,
  onClose,
}: {
  studioId: number;
  kind: StudioChangeKind | null;
  onClose: () => void;
}) {
  const { t, l } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string; absorbedStudioIds?: number[] }>();
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      await api<StudioChange>('/api/studio-changes', {
        method: 'POST',
        body: { kind, studioId, reason: v.reason, absorbedStudioIds: v.absorbedStudioIds ?? [] },
      });
      void qc.invalidateQueries({ queryKey: ['studio-changes'] });
      message.success(t('common.done'));
      onClose();
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={kind !== null}
      title={kind === 'merge' ? tx('proposeMerge') : tx('proposeRevocation')}
      onCancel={onClose}
      onOk={submit}
      okText={t('common.confirm')}
      okButtonProps={{ danger: kind === 'revocation' }}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" preserve={false}>
        {kind === 'merge' && (
          <Form.Item
            name="absorbedStudioIds"
            label={tx('absorbed')}
            extra={tx('absorbedHint')}
            rules={[{ required: true }]}
          >
            <StudioPicker exclude={studioId} />
          </Form.Item>
        )}
        <Form.Item name="reason" label={tx('reason')} rules={[{ required: true, min: 2 }]}>
          <Input.TextArea
            rows={4}
            maxLength={2000}
            placeholder={kind ? l(studioChangeKindLabels[kind]) : ''}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Revocation and merge requests about a studio, with approve / reject / withdraw for those allowed. */
export function StudioChangesTab({ studioId, onChanged }: { studioId: number; onChanged: () => void }) {
  const { t, l } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const qc = useQueryClient();
  const { modal } = App.useApp();
  const { data = [], isLoading } = useStudioChanges(studioId);
  const act = (c: StudioChange, action: StudioChangeAction) => {
    let opinion = '';
    modal.confirm({
      title: `${l(studioChangeActionLabels[action])} · ${l(studioChangeKindLabels[c.kind])}`,
      content: (
        <Input.TextArea rows={3} placeholder={tx('opinion')} onChange={(e) => (opinion = e.target.value)} />
      ),
      okButtonProps: { danger: action === 'approve' && c.kind === 'revocation' },
      onOk: async () => {
        try {
          await api(`/api/studio-changes/${c.id}/transitions`, {
            method: 'POST',
            body: { action, opinion: opinion || null, version: c.version },
          });
          void qc.invalidateQueries({ queryKey: assessmentKeys.changes(studioId) });
          onChanged();
        } catch (err) {
          toast(err);
          throw err;
        }
      },
    });
  };
  if (!isLoading && !data.length)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noChanges')} />;
  return (
    <Table<StudioChange>
      size="small"
      rowKey="id"
      loading={isLoading}
      pagination={false}
      dataSource={data}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: tx('kind'),
          dataIndex: 'kind',
          render: (k: StudioChangeKind) => l(studioChangeKindLabels[k]),
        },
        {
          title: tx('studio'),
          key: 's',
          render: (_, c) =>
            c.kind === 'merge'
              ? `${c.absorbed.map((a) => a.name).join('、')} → ${c.studioName}`
              : c.studioName,
        },
        { title: tx('reason'), dataIndex: 'reason' },
        {
          title: t('common.status'),
          dataIndex: 'state',
          render: (s: StudioChange['state']) => (
            <Tag color={stateColor[s]}>{l(studioChangeStateLabels[s])}</Tag>
          ),
        },
        {
          title: tx('proposedBy'),
          key: 'p',
          render: (_, c) => `${c.proposedByName ?? '—'} ${formatDate(c.createdAt)}`,
        },
        {
          title: tx('decision'),
          key: 'd',
          render: (_, c) =>
            c.decidedAt ? (
              <Typography.Text>
                {c.decidedByName} {formatDate(c.decidedAt)}
                {c.decisionNote ? `：${c.decisionNote}` : ''}
                {c.moved ? `（${tx('moved', { m: c.moved.members, r: c.moved.results })}）` : ''}
              </Typography.Text>
            ) : (
              '—'
            ),
        },
        {
          title: t('common.actions'),
          key: 'a',
          render: (_, c) => (
            <Space size={0}>
              {(['approve', 'reject', 'withdraw'] as const)
                .filter((x) => c.abilities[x])
                .map((x) => (
                  <Button key={x} type="link" size="small" danger={x === 'reject'} onClick={() => act(c, x)}>
                    {l(studioChangeActionLabels[x])}
                  </Button>
                ))}
            </Space>
          ),
        },
      ]}
    />
  );
}
