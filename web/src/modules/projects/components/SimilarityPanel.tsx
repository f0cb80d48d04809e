import { Alert, Card, Empty, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { projectStatusLabels } from '../../../../../common/workflows/project';
import { resultStatusLabels } from '../../../../../common/workflows/result';
import { LabelledProgress } from '../../../shared/components/LabelledProgress';
import { useI18n } from '../../../shared/i18n';
import { useSimilar } from '../api';
import { useTexts } from '../texts';

/**
 * 相似度查重: the existing projects and results across the whole group most similar to `text`, with a score
 * and the words they share. Shown on the proposal form before submitting and to reviewers on detail pages.
 */
export function SimilarityPanel({
  text,
  kind,
  excludeProjectId,
  excludeResultId,
}: {
  text: string;
  kind?: 'project' | 'result';
  excludeProjectId?: number;
  excludeResultId?: number;
}) {
  const { l } = useI18n();
  const tx = useTexts();
  const { data, isFetching, error } = useSimilar({ text, kind, excludeProjectId, excludeResultId });
  const enough = text.trim().length >= 4;
  return (
    <Card
      size="small"
      title={tx('similar')}
      extra={isFetching ? <Typography.Text type="secondary">…</Typography.Text> : null}
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {tx('similarHint')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {!enough ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('similarTyping')} />
      ) : !data ? (
        <Skeleton active paragraph={{ rows: 3 }} />
      ) : data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('similarEmpty')} />
      ) : (
        <List
          size="small"
          dataSource={data}
          renderItem={(s) => {
            const pct = Math.round(s.score * 100);
            const status =
              s.kind === 'project'
                ? l(projectStatusLabels[s.status as keyof typeof projectStatusLabels], s.status)
                : l(resultStatusLabels[s.status as keyof typeof resultStatusLabels], s.status);
            const href = s.kind === 'project' ? `/projects/${s.id}` : `/results/${s.id}`;
            return (
              <List.Item key={`${s.kind}-${s.id}`}>
                <Flex vertical gap={2} style={{ width: '100%' }}>
                  <Flex justify="space-between" gap={8}>
                    <Space size={4} wrap>
                      <Tag color={s.kind === 'project' ? 'blue' : 'green'}>
                        {tx(s.kind === 'project' ? 'kindProject' : 'kindResult')}
                      </Tag>
                      {s.canOpen ? (
                        <Link to={href}>{s.title}</Link>
                      ) : (
                        <Typography.Text strong>{s.title}</Typography.Text>
                      )}
                    </Space>
                    <LabelledProgress
                      label={tx('similarity')}
                      type="circle"
                      size={36}
                      percent={pct}
                      strokeColor={pct >= 50 ? '#cf1322' : pct >= 30 ? '#fa8c16' : '#1677ff'}
                      format={(p) => `${p}`}
                    />
                  </Flex>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.code} · {s.enterpriseName} · {s.studioName} · {s.year} · {status}
                  </Typography.Text>
                  {s.sharedWords.length > 0 && (
                    <div>
                      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                        {tx('sharedWords')}：
                      </Typography.Text>
                      {s.sharedWords.slice(0, 8).map((w) => (
                        <Tag key={w} bordered={false} style={{ fontSize: 12 }}>
                          {w}
                        </Tag>
                      ))}
                    </div>
                  )}
                </Flex>
              </List.Item>
            );
          }}
        />
      )}
    </Card>
  );
}
