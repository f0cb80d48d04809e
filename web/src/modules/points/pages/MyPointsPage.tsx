import { useQuery } from '@tanstack/react-query';
import { Card, Col, List, Row, Statistic, Table, Tag, Typography } from 'antd';
import type { PointEntry, PointRule } from '../../../../../common/schemas/points';
import { api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDateTime } from '../../../shared/format';
import { useTexts } from '../texts';

/** The user's points: totals, latest entries (each with its cause), and how points are earned. */
export default function MyPointsPage() {
  const tx = useTexts();
  const mine = useQuery({
    queryKey: ['points', 'me'],
    queryFn: () => api<{ total: number; thisYear: number; entries: PointEntry[] }>('/api/points/me'),
  });
  const rules = useQuery({
    queryKey: ['points', 'rules'],
    queryFn: () => api<PointRule[]>('/api/points/rules'),
  });
  return (
    <>
      <PageHeader title={tx('myPoints')} />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={tx('total')} value={mine.data?.total ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small">
            <Statistic title={tx('thisYear')} value={mine.data?.thisYear ?? 0} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={tx('ledger')}>
            <List
              loading={mine.isLoading}
              dataSource={mine.data?.entries ?? []}
              renderItem={(e) => (
                <List.Item
                  extra={
                    <Typography.Text strong style={{ color: e.points < 0 ? '#cf1322' : '#389e0d' }}>
                      {e.points > 0 ? `+${e.points}` : e.points}
                    </Typography.Text>
                  }
                >
                  <List.Item.Meta
                    title={e.label}
                    description={`${formatDateTime(e.createdAt)}${e.note ? ` · ${e.note}` : ''}`}
                  />
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={tx('howToEarn')}>
            <Table<PointRule>
              size="small"
              rowKey="id"
              pagination={false}
              dataSource={(rules.data ?? []).filter((r) => r.active && r.subject === 'person')}
              columns={[
                { key: 'label', title: tx('event'), dataIndex: 'label' },
                {
                  key: 'points',
                  title: tx('points'),
                  dataIndex: 'points',
                  render: (v: number) => <Tag color="blue">+{v}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </>
  );
}
