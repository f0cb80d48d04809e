import { CrownFilled } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Card, Empty, Flex, List, Segmented, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Leaderboard, LeaderboardPeriod } from '../../../../../common/schemas/points';
import { api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useTexts } from '../texts';

type Subject = 'person' | 'studio' | 'enterprise';
const medal = ['#f5b301', '#a8b3bd', '#c07f3a'];

/** Leaderboards of people, studios and enterprises by month, quarter, year or all time (the viewer's enterprise, or the group). */
export default function LeaderboardPage() {
  const tx = useTexts();
  const [subject, setSubject] = useState<Subject>('person');
  const [period, setPeriod] = useState<LeaderboardPeriod>('year');
  const { data, isFetching } = useQuery({
    queryKey: ['points', 'leaderboard', subject, period],
    queryFn: () => api<Leaderboard>('/api/points/leaderboard', { query: { subject, period, limit: 50 } }),
  });
  return (
    <>
      <PageHeader title={tx('leaderboard')} />
      <Space orientation="vertical" size={12} style={{ width: '100%', maxWidth: 720 }}>
        <Segmented<Subject>
          block
          value={subject}
          onChange={setSubject}
          options={[
            { value: 'person', label: tx('person') },
            { value: 'studio', label: tx('studio') },
            { value: 'enterprise', label: tx('enterprise') },
          ]}
        />
        <Segmented<LeaderboardPeriod>
          block
          value={period}
          onChange={setPeriod}
          options={(['month', 'quarter', 'year', 'all'] as const).map((p) => ({ value: p, label: tx(p) }))}
        />
        <Card size="small" loading={isFetching && !data}>
          {data?.from && (
            <Typography.Text type="secondary">
              {tx('period')}：{formatDate(data.from)} ~{' '}
              {formatDate(new Date(new Date(`${data.to}T00:00:00+08:00`).getTime() - 1))}
            </Typography.Text>
          )}
          {data && data.rows.length === 0 ? (
            <Empty description={tx('empty')} />
          ) : (
            <List
              dataSource={data?.rows ?? []}
              renderItem={(r) => (
                <List.Item>
                  <Flex align="center" gap={12} style={{ width: '100%' }}>
                    <div style={{ width: 36, textAlign: 'center', fontSize: 18, fontWeight: 600 }}>
                      {r.rank <= 3 ? (
                        <CrownFilled style={{ color: medal[r.rank - 1], fontSize: 22 }} />
                      ) : (
                        r.rank
                      )}
                    </div>
                    <div style={{ flex: 1, minWidth: 0 }}>
                      <Typography.Text strong ellipsis>
                        {r.name}
                      </Typography.Text>
                      {r.enterpriseName && (
                        <div>
                          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                            {r.enterpriseName}
                          </Typography.Text>
                        </div>
                      )}
                    </div>
                    <Typography.Text strong style={{ fontSize: 18, color: '#1a5fb4' }}>
                      {r.points}
                    </Typography.Text>
                    <Typography.Text type="secondary">{tx('points')}</Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Space>
    </>
  );
}
