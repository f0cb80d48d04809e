import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, Select, Tabs, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import {
  type Idea,
  type IdeaCategory,
  ideaCategories,
  ideaCategoryLabels,
} from '../../../../../common/schemas/ideas';
import type { Page } from '../../../../../common/schemas/shared';
import { ideaStatuses, ideaStatusLabels } from '../../../../../common/workflows/idea';
import { api } from '../../../shared/api/client';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { ideaKeys } from '../api';
import { IdeaStatusTag } from '../components/IdeaStatusTag';
import { useTexts } from '../texts';

type View = 'mine' | 'queue' | 'all';
const paths: Record<View, string> = { mine: '/ideas', queue: '/ideas/queue', all: '/ideas/all' };

/** 我的金点子 / 待我处理 / 全部建议: one list in three views (tabs), a row opens the idea. */
function IdeasList({ view }: { view: View }) {
  const { l, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const canManage = usePermission('ideas.manage');
  const columns: ColumnsType<Idea> = [
    { key: 'code', title: tx('code'), dataIndex: 'code', width: 140 },
    {
      key: 'title',
      title: tx('title'),
      dataIndex: 'title',
      render: (v: string) => <Typography.Link>{v}</Typography.Link>,
    },
    {
      key: 'category',
      title: tx('category'),
      dataIndex: 'category',
      width: 100,
      render: (v: IdeaCategory) => l(ideaCategoryLabels[v]),
    },
    {
      key: 'status',
      title: tx('status'),
      dataIndex: 'status',
      width: 150,
      render: (v, r) => <IdeaStatusTag status={v} overdue={r.overdue} />,
    },
    {
      key: 'submitter',
      title: tx('submitter'),
      dataIndex: 'submitterName',
      width: 100,
      render: (v: string | null, r) =>
        r.anonymous ? <Typography.Text type="secondary">{tx('anonymous')}</Typography.Text> : v,
    },
    { key: 'org', title: tx('org'), dataIndex: 'orgName', width: 120, ellipsis: true },
    { key: 'handler', title: tx('handler'), dataIndex: 'handlerName', width: 100 },
    { key: 'deadline', title: tx('deadline'), dataIndex: 'deadlineAt', width: 110, render: formatDate },
    { key: 'created', title: tx('createdAt'), dataIndex: 'createdAt', width: 110, render: formatDate },
  ];
  const tabs = [
    { key: 'mine', label: tx('myIdeas') },
    { key: 'queue', label: tx('queue') },
    ...(canManage ? [{ key: 'all', label: tx('allIdeas') }] : []),
  ];
  return (
    <>
      <PageHeader
        title={tabs.find((t) => t.key === view)?.label}
        extra={
          <>
            {canManage && <Button onClick={() => navigate('/ideas/routes')}>{tx('routes')}</Button>}
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/ideas/new')}>
              {tx('submitTitle')}
            </Button>
          </>
        }
      />
      <Tabs
        activeKey={view}
        onChange={(k) => navigate(paths[k as View])}
        items={tabs}
        style={{ marginBottom: 0 }}
      />
      <ListPage<Idea, { q?: string; status?: string; category?: string; overdue?: boolean }>
        key={view}
        queryKey={[...ideaKeys.all, view]}
        fetchPage={(query) => api<Page<Idea>>('/api/ideas', { query: { ...query, view } })}
        rowKey="id"
        columns={columns}
        settingsKey={`ideas-${view}`}
        phoneColumns={['title', 'status', 'deadline']}
        onRowClick={(r) => navigate(`/ideas/${r.id}`)}
        toQuery={(v) => ({ ...v, overdue: v.overdue ? 'true' : undefined })}
        fromQuery={(q) => ({ ...q, overdue: q.overdue === 'true' })}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('search')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={tx('status')}
                style={{ width: 120 }}
                options={optionsOf(ideaStatuses, ideaStatusLabels, lang)}
              />
            </Form.Item>
            <Form.Item name="category">
              <Select
                allowClear
                placeholder={tx('category')}
                style={{ width: 120 }}
                options={optionsOf(ideaCategories, ideaCategoryLabels, lang)}
              />
            </Form.Item>
            {view !== 'mine' && (
              <Form.Item name="overdue" valuePropName="checked">
                <Checkbox>{tx('overdueOnly')}</Checkbox>
              </Form.Item>
            )}
          </>
        }
      />
    </>
  );
}

export default function MyIdeasPage() {
  return <IdeasList view="mine" />;
}
export function IdeaQueuePage() {
  return <IdeasList view="queue" />;
}
export function AllIdeasPage() {
  return <IdeasList view="all" />;
}
