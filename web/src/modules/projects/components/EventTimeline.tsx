import { Empty, Timeline, Typography } from 'antd';
import type { WorkflowEvent } from '../../../../../common/schemas/projects';
import { formatDateTime } from '../../../shared/format';
import { type Label, useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';

const colorOf = (action: string) =>
  ['return', 'reject', 'rejectAcceptance'].includes(action)
    ? 'orange'
    : action === 'terminate'
      ? 'red'
      : ['conclude', 'recognise', 'verify'].includes(action)
        ? 'green'
        : 'blue';

/** Who did what and when, with their opinion: a workflow history (projects, results, benefit calculations). */
export function EventTimeline({
  events,
  actionLabels,
  statusLabels,
}: {
  events: WorkflowEvent[];
  actionLabels: Record<string, Label>;
  statusLabels: Record<string, Label>;
}) {
  const { l, lang } = useI18n();
  const tx = useTexts();
  if (!events.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noHistory')} />;
  const created = { zh: '登记', en: 'Created' };
  const proposed = { zh: '提交申请', en: 'Proposed' };
  return (
    <Timeline
      items={events.map((e) => ({
        key: e.id,
        color: colorOf(e.action),
        content: (
          <div>
            <Typography.Text strong>
              {e.action === 'create'
                ? created[lang]
                : e.action === 'propose'
                  ? proposed[lang]
                  : l(actionLabels[e.action], e.action)}
            </Typography.Text>
            {e.toStatus && e.fromStatus !== e.toStatus && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                {e.fromStatus ? `${l(statusLabels[e.fromStatus], e.fromStatus)} → ` : ''}
                {l(statusLabels[e.toStatus], e.toStatus)}
              </Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary">
                {e.actorName ?? '—'} · {formatDateTime(e.at)}
              </Typography.Text>
            </div>
            {e.opinion && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {e.opinion}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
