import { Empty, Timeline, Typography } from 'antd';
import type { IdeaStep } from '../../../../../common/schemas/ideas';
import {
  type IdeaAction,
  type IdeaStatus,
  ideaActionLabels,
  ideaStatusLabels,
} from '../../../../../common/workflows/idea';
import { formatDateTime } from '../../../shared/format';
import { type Label, useI18n } from '../../../shared/i18n';

const extraLabels: Record<string, Label> = {
  submit: { zh: '提交建议', en: 'Submitted' },
  benefit: { zh: '登记效益', en: 'Benefit recorded' },
  toProject: { zh: '转为攻关课题', en: 'Became a project' },
  bid: { zh: '揭榜', en: 'Bid' },
  withdrawBid: { zh: '撤回揭榜', en: 'Bid withdrawn' },
  publish: { zh: '发布榜单', en: 'Published' },
  ask: { zh: '提问', en: 'Asked' },
  accept: { zh: '采纳解答', en: 'Answer accepted' },
  close: { zh: '关闭', en: 'Closed' },
};
const colorOf = (a: string) =>
  a === 'reject' || a === 'cancel'
    ? 'red'
    : a === 'adopt' || a === 'implement' || a === 'reward'
      ? 'green'
      : a === 'merge'
        ? 'purple'
        : 'blue';

/**
 * Who did what and when, with the written answer: the workflow history of an idea (or a challenge, with
 * its own labels). Names are absent on the public tracking page.
 */
export function StepsTimeline({ steps, labels }: { steps: IdeaStep[]; labels?: Record<string, Label> }) {
  const { l } = useI18n();
  if (!steps.length) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <Timeline
      items={steps.map((s, i) => ({
        key: i,
        color: colorOf(s.action),
        content: (
          <div>
            <Typography.Text strong>
              {l(
                labels?.[s.action] ?? ideaActionLabels[s.action as IdeaAction] ?? extraLabels[s.action],
                s.action,
              )}
            </Typography.Text>
            {s.toStatus && ideaStatusLabels[s.toStatus as IdeaStatus] && !labels && (
              <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                → {l(ideaStatusLabels[s.toStatus as IdeaStatus])}
              </Typography.Text>
            )}
            <div>
              <Typography.Text type="secondary">
                {s.actorName ? `${s.actorName} · ` : ''}
                {formatDateTime(s.at)}
              </Typography.Text>
            </div>
            {s.note && (
              <Typography.Paragraph style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}>
                {s.note}
              </Typography.Paragraph>
            )}
          </div>
        ),
      }))}
    />
  );
}
