import { CheckCircleFilled, CloseCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import { Table, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import {
  type ConditionResult,
  type ConditionStatus,
  conditionStatusLabels,
} from '../../../../../common/schemas/rulebooks';
import { useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';

const look: Record<ConditionStatus, { color: string; icon: ReactNode }> = {
  passed: { color: 'success', icon: <CheckCircleFilled /> },
  failed: { color: 'error', icon: <CloseCircleFilled /> },
  manual: { color: 'warning', icon: <ExclamationCircleFilled /> },
};

/** Entry conditions with their result (符合 / 不符合 / 待人工确认) and the reason; optionally the applicant's notes. */
export function ConditionTable({
  results,
  notes,
  renderNote,
  compact,
}: {
  results: ConditionResult[];
  notes?: Record<string, string>;
  renderNote?: (r: ConditionResult) => ReactNode;
  /** Narrow places: the reason and note go under the condition instead of in columns. */
  compact?: boolean;
}) {
  const { l } = useI18n();
  const tx = useTexts();
  const showNotes = !!renderNote || (notes && Object.values(notes).some(Boolean));
  const statusTag = (s: ConditionStatus) => (
    <Tag color={look[s].color} icon={look[s].icon}>
      {l(conditionStatusLabels[s])}
    </Tag>
  );
  if (compact)
    return (
      <Table<ConditionResult>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={results}
        columns={[
          {
            title: tx('condition'),
            dataIndex: 'label',
            render: (label: string, r) => (
              <>
                <div>{label}</div>
                <Typography.Text type="secondary">{r.reason}</Typography.Text>
                {notes?.[r.key] && <div>{`${tx('note')}：${notes[r.key]}`}</div>}
              </>
            ),
          },
          { title: tx('result'), dataIndex: 'status', width: 112, render: statusTag },
        ]}
      />
    );
  return (
    <Table<ConditionResult>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={results}
      scroll={{ x: 'max-content' }}
      columns={[
        { title: tx('condition'), dataIndex: 'label', width: 280 },
        {
          title: tx('result'),
          dataIndex: 'status',
          width: 120,
          render: (s: ConditionStatus) => (
            <Tag color={look[s].color} icon={look[s].icon}>
              {l(conditionStatusLabels[s])}
            </Tag>
          ),
        },
        { title: tx('reason'), dataIndex: 'reason' },
        ...(showNotes
          ? [
              {
                title: renderNote ? tx('manualNote') : tx('note'),
                key: 'note',
                width: 260,
                render: (_: unknown, r: ConditionResult) =>
                  renderNote ? (r.status === 'manual' ? renderNote(r) : null) : (notes?.[r.key] ?? ''),
              },
            ]
          : []),
      ]}
    />
  );
}
