import { Empty, Timeline, Typography } from 'antd';
import type { ApplicationStep } from '../../../../../common/schemas/applications';
import {
  type ApplicationAction,
  applicationActionLabels,
  applicationStateLabels,
} from '../../../../../common/workflows/application';
import { formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';

const colorOf = (action: string) =>
  action === 'reject'
    ? 'red'
    : action === 'return'
      ? 'orange'
      : action === 'fileObjection'
        ? 'gold'
        : action === 'name'
          ? 'green'
          : 'blue';

/** Who did what and when, with their opinion: the application's workflow history. */
export function HistoryTimeline({ steps }: { steps: ApplicationStep[] }) {
  const { l } = useI18n();
  const tx = useTexts();
  if (!steps.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noHistory')} />;
  return (
    <Timeline
      items={steps.map((s) => ({
        key: s.id,
        color: colorOf(s.action),
        content: (
          <div>
            <Typography.Text strong>
              {l(applicationActionLabels[s.action as ApplicationAction], s.action)}
            </Typography.Text>
            <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
              {l(applicationStateLabels[s.fromState])} → {l(applicationStateLabels[s.toState])}
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
