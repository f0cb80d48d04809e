import { Button, Card, Empty, List, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ReviewTask } from '../../../../../common/schemas/rulebooks';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useReviewTasks } from '../api';
import { useTexts } from '../texts';

/** The expert's review queue as a to-do list, nearest deadline first, overdue ones flagged. */
export default function MyReviewsPage() {
  const tx = useTexts();
  const navigate = useNavigate();
  const [tab, setTab] = useState<'open' | 'done'>('open');
  const { data = [], isLoading } = useReviewTasks(tab);
  return (
    <>
      <PageHeader title={tx('myReviews')} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as 'open' | 'done')}
          items={[
            { key: 'open', label: tx('todo') },
            { key: 'done', label: tx('done') },
          ]}
        />
        <List<ReviewTask>
          loading={isLoading}
          dataSource={data}
          locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noReviews')} /> }}
          renderItem={(r) => (
            <List.Item
              actions={[
                <Button
                  key="go"
                  type={r.status === 'pending' ? 'primary' : 'default'}
                  onClick={() => navigate(r.link)}
                >
                  {r.status === 'pending' ? tx('goScore') : tx('view')}
                </Button>,
              ]}
            >
              <List.Item.Meta
                title={<a onClick={() => navigate(r.link)}>{r.title}</a>}
                description={
                  <Space wrap>
                    <Typography.Text type="secondary">{r.subtitle}</Typography.Text>
                    {r.deadline && (
                      <Tag color={r.overdue ? 'red' : 'blue'}>
                        {tx('deadline')} {formatDate(r.deadline)}
                        {r.overdue ? ` · ${tx('overdue')}` : ''}
                      </Tag>
                    )}
                    {r.status === 'submitted' && <Tag color="green">{tx('submitted')}</Tag>}
                  </Space>
                }
              />
            </List.Item>
          )}
        />
      </Card>
    </>
  );
}
