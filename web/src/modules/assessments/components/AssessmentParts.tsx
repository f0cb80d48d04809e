import { Empty, Table, Tag, Timeline, Typography } from 'antd';
import type { AssessmentDetail, PrefillFact } from '../../../../../common/schemas/assessments';
import type { ScoreSheet } from '../../../../../common/schemas/rulebooks';
import {
  type AssessmentAction,
  type AssessmentState,
  assessmentActionLabels,
  assessmentStateLabels,
} from '../../../../../common/workflows/assessment';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';

const stateColors: Record<AssessmentState, string> = {
  selfAssessment: 'default',
  enterpriseCheck: 'processing',
  returned: 'orange',
  review: 'processing',
  decision: 'purple',
  rectifying: 'gold',
  rectifyCheck: 'gold',
  kept: 'green',
  rectified: 'green',
  revoked: 'red',
};

export function AssessmentStateTag({ state }: { state: AssessmentState }) {
  const { l } = useI18n();
  return <Tag color={stateColors[state]}>{l(assessmentStateLabels[state])}</Tag>;
}

const formatValue = (f: PrefillFact) =>
  `${f.unit === '元' ? f.value.toLocaleString('zh-CN', { maximumFractionDigits: 2 }) : f.value} ${f.unit}`;

/** The numbers the system counted from the studio's records, grouped by the sheet's indicators, each with its source. */
export function PrefillTable({ facts, sheet }: { facts: PrefillFact[]; sheet?: ScoreSheet }) {
  const tx = useTexts();
  const names = new Map(
    [...(sheet?.indicators ?? []), ...(sheet?.bonus ?? [])].map((i) => [i.key, i.name] as const),
  );
  const groupOf = (f: PrefillFact) => (f.indicatorKey && names.get(f.indicatorKey)) || tx('other');
  const order = [...names.values(), tx('other')];
  const rows = [...facts].sort((a, b) => order.indexOf(groupOf(a)) - order.indexOf(groupOf(b)));
  return (
    <Table<PrefillFact>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={rows}
      scroll={{ x: 'max-content' }}
      columns={[
        {
          title: tx('indicator'),
          key: 'group',
          width: 96,
          render: (_, f, i) => {
            const g = groupOf(f);
            const first = i === 0 || groupOf(rows[i - 1]!) !== g;
            return first ? <Typography.Text strong>{g}</Typography.Text> : null;
          },
        },
        { title: tx('item'), dataIndex: 'label' },
        {
          title: tx('value'),
          key: 'value',
          align: 'right',
          render: (_, f) => <span data-fact={f.key}>{formatValue(f)}</span>,
        },
        {
          title: tx('source'),
          dataIndex: 'source',
          render: (v: string) => <Typography.Text type="secondary">{v}</Typography.Text>,
        },
      ]}
    />
  );
}

/** Who did what and when, with their opinion. */
export function AssessmentHistory({ steps }: { steps: AssessmentDetail['steps'] }) {
  const { l } = useI18n();
  const tx = useTexts();
  if (!steps.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noHistory')} />;
  return (
    <Timeline
      items={steps.map((s) => ({
        key: s.id,
        color: s.action === 'revoke' ? 'red' : s.action === 'return' ? 'orange' : 'blue',
        content: (
          <div>
            <Typography.Text strong>
              {l(assessmentActionLabels[s.action as AssessmentAction], s.action)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {l(assessmentStateLabels[s.fromState])} → {l(assessmentStateLabels[s.toState])}
            </Typography.Text>
            <div>
              <Typography.Text type="secondary">
                {s.actorName ?? '—'} · {formatDateTime(s.at)}
              </Typography.Text>
            </div>
            {s.opinion && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {s.opinion}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
