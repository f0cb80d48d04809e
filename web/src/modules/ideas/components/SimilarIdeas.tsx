import { Alert, List, Typography } from 'antd';
import type { SimilarIdea } from '../../../../../common/schemas/ideas';
import { formatDate } from '../../../shared/format';
import { useTexts } from '../texts';
import { IdeaStatusTag } from './IdeaStatusTag';

/** Earlier ideas that look like this one (shared words), with their status; `action` adds a button per row. */
export function SimilarIdeas({
  items,
  title,
  hint,
  action,
}: {
  items: SimilarIdea[];
  title?: string;
  hint?: string;
  action?: (item: SimilarIdea) => React.ReactNode;
}) {
  const tx = useTexts();
  if (!items.length) return null;
  return (
    <Alert
      type="info"
      showIcon
      title={title ?? tx('similarTitle')}
      description={
        <>
          {hint && <Typography.Paragraph type="secondary">{hint}</Typography.Paragraph>}
          <List
            size="small"
            dataSource={items}
            renderItem={(s) => (
              <List.Item extra={action?.(s)}>
                <List.Item.Meta
                  title={
                    <span>
                      <Typography.Text type="secondary">{s.code}</Typography.Text> {s.title}
                    </span>
                  }
                  description={
                    <span>
                      <IdeaStatusTag status={s.status} /> {formatDate(s.createdAt)} · {tx('score')}{' '}
                      {Math.round(s.score * 100)}%
                    </span>
                  }
                />
              </List.Item>
            )}
          />
        </>
      }
    />
  );
}
