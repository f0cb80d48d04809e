import { Card, Descriptions, Image, Typography } from 'antd';
import type { PublicIdeaStatus } from '../../../../../common/schemas/ideas';
import { ideaCategoryLabels } from '../../../../../common/schemas/ideas';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';
import { IdeaStatusTag } from './IdeaStatusTag';
import { StepsTimeline } from './IdeaSteps';

/** What a tracking code shows: status, deadline, the written answer and the progress (never a name). */
export function TrackResult({ data }: { data: PublicIdeaStatus }) {
  const { l } = useI18n();
  const tx = useTexts();
  return (
    <Card size="small" title={`${data.code} · ${data.title}`}>
      <Descriptions column={1} size="small">
        <Descriptions.Item label={tx('status')}>
          <IdeaStatusTag status={data.status} />
          {data.mergedIntoCode && tx('mergedInto', { code: data.mergedIntoCode })}
        </Descriptions.Item>
        <Descriptions.Item label={tx('category')}>{l(ideaCategoryLabels[data.category])}</Descriptions.Item>
        <Descriptions.Item label={tx('createdAt')}>{formatDateTime(data.submittedAt)}</Descriptions.Item>
        <Descriptions.Item label={tx('deadline')}>{formatDate(data.deadlineAt)}</Descriptions.Item>
        <Descriptions.Item label={tx('answer')}>
          {data.answer ? (
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
              {data.answer}
            </Typography.Paragraph>
          ) : (
            <Typography.Text type="secondary">{tx('noAnswer')}</Typography.Text>
          )}
        </Descriptions.Item>
        {data.photos.length > 0 && (
          <Descriptions.Item label={tx('photos')}>
            <Image.PreviewGroup>
              {data.photos.map((p) => (
                <Image
                  key={p.id}
                  src={p.url}
                  width={96}
                  height={96}
                  style={{ objectFit: 'cover', borderRadius: 6 }}
                  alt={tx('photos')}
                />
              ))}
            </Image.PreviewGroup>
          </Descriptions.Item>
        )}
      </Descriptions>
      <Typography.Title level={5}>{tx('steps')}</Typography.Title>
      <StepsTimeline steps={data.steps} />
    </Card>
  );
}
