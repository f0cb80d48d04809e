import { useQueryClient } from '@tanstack/react-query';
import { Button, Card, Descriptions, Empty, Flex, List, Skeleton, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { namingLevelLabels, studioTypeLabels } from '../../../../../common/enums';
import type { PublicityItem } from '../../../../../common/schemas/applications';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { applicationKeys, usePublicity } from '../api';
import { TextModal } from '../components/ObjectionsPanel';
import { useTexts } from '../texts';

const phaseColor = { before: 'default', open: 'gold', over: 'default' } as const;

/** 公示: the studios proposed for naming in the group, with the window; anyone in the group may object while it is open. */
export default function PublicityPage() {
  const { l } = useI18n();
  const tx = useTexts();
  const qc = useQueryClient();
  const { data, isLoading } = usePublicity();
  const [filing, setFiling] = useState<PublicityItem | null>(null);
  if (isLoading) return <Skeleton active />;
  return (
    <>
      <PageHeader title={tx('publicityBoard')} sub={tx('publicitySub')} />
      {!data?.length ? (
        <Card>
          <Empty description={tx('noPublicity')} />
        </Card>
      ) : (
        <Flex vertical gap={16}>
          {data.map((p) => (
            <Card
              key={p.id}
              size="small"
              title={
                <Space wrap>
                  {p.studioName}
                  <Tag color="blue">{l(namingLevelLabels[p.level])}</Tag>
                  {p.phase && (
                    <Tag color={phaseColor[p.phase]}>
                      {tx(
                        p.phase === 'open' ? 'phaseOpen' : p.phase === 'before' ? 'phaseBefore' : 'phaseOver',
                      )}
                    </Tag>
                  )}
                </Space>
              }
              extra={
                <Button type="primary" ghost disabled={p.phase !== 'open'} onClick={() => setFiling(p)}>
                  {tx('fileObjection')}
                </Button>
              }
            >
              <Descriptions
                size="small"
                column={{ xs: 1, md: 3 }}
                items={[
                  { key: 't', label: tx('type'), children: l(studioTypeLabels[p.studioType]) },
                  { key: 'o', label: tx('hostOrg'), children: p.hostOrgName },
                  { key: 'l', label: tx('leader'), children: p.leaderName ?? '—' },
                  {
                    key: 'w',
                    label: tx('publicityWindow'),
                    children: `${formatDate(p.publicityStart)} ~ ${formatDate(p.publicityEnd)}`,
                  },
                  {
                    key: 's',
                    label: tx('summary'),
                    span: 3,
                    children: (
                      <Typography.Paragraph ellipsis={{ rows: 3, expandable: true }} style={{ margin: 0 }}>
                        {p.summary}
                      </Typography.Paragraph>
                    ),
                  },
                ]}
              />
              {p.myObjections.length > 0 && (
                <List
                  size="small"
                  header={<Typography.Text strong>{tx('myObjections')}</Typography.Text>}
                  dataSource={p.myObjections}
                  renderItem={(o) => (
                    <List.Item>
                      <List.Item.Meta
                        title={
                          <Space>
                            <Tag color={o.status === 'open' ? 'orange' : 'green'}>
                              {tx(o.status === 'open' ? 'open' : 'resolved')}
                            </Tag>
                            <Typography.Text type="secondary">{formatDateTime(o.filedAt)}</Typography.Text>
                          </Space>
                        }
                        description={
                          <>
                            <div>{o.content}</div>
                            {o.resolution && (
                              <Typography.Text type="success">
                                {tx('resolution')}：{o.resolution}
                              </Typography.Text>
                            )}
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
          ))}
        </Flex>
      )}
      {filing && (
        <TextModal
          title={`${tx('fileObjection')}：${filing.studioName}`}
          label={tx('objectionContent')}
          extra={tx('objectionHint')}
          min={5}
          url={`/api/applications/${filing.id}/objections`}
          field="content"
          onClose={() => setFiling(null)}
          onDone={() => {
            setFiling(null);
            void qc.invalidateQueries({ queryKey: applicationKeys.publicity });
          }}
        />
      )}
    </>
  );
}
