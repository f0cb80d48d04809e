import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Badge,
  Button,
  Card,
  Checkbox,
  Empty,
  List,
  Pagination,
  Radio,
  Segmented,
  Space,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import {
  type MailMode,
  mailModeLabels,
  mailModes,
  type Notification,
  type NotificationPrefs,
  type Todo,
} from '../../../../../common/schemas/notifications';
import { api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { useTexts } from '../texts';

type TodoPage = { items: Todo[]; total: number; openCount: number; overdueCount: number };
type NotePage = { items: Notification[]; total: number; unreadCount: number };

/** The to-do list (open, overdue, done), in-app notifications, and the person's mail preference. */
export default function NotificationCentrePage() {
  const tx = useTexts();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') ?? 'todos';
  const todos = useQuery({
    queryKey: ['todos', 'counts'],
    queryFn: () => api<TodoPage>('/api/todos', { query: { pageSize: 1 } }),
  });
  const notes = useQuery({
    queryKey: ['notifications', 'counts'],
    queryFn: () => api<NotePage>('/api/notifications', { query: { pageSize: 1 } }),
  });
  return (
    <>
      <PageHeader
        title={tx('centre')}
        sub={todos.data && tx('counts', { open: todos.data.openCount, overdue: todos.data.overdueCount })}
      />
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams({ tab: k })}
        items={[
          {
            key: 'todos',
            label: (
              <Space size={4}>
                {tx('todos')}
                <Badge count={todos.data?.openCount} size="small" />
              </Space>
            ),
            children: <TodoList />,
          },
          {
            key: 'notifications',
            label: (
              <Space size={4}>
                {tx('notifications')}
                <Badge count={notes.data?.unreadCount} size="small" />
              </Space>
            ),
            children: <NotificationList />,
          },
          { key: 'mail', label: tx('mail'), children: <MailPrefs /> },
        ]}
      />
    </>
  );
}

function TodoList() {
  const tx = useTexts();
  const navigate = useNavigate();
  const [status, setStatus] = useState<'open' | 'overdue' | 'done'>('open');
  const [page, setPage] = useState(1);
  const { data, isLoading } = useQuery({
    queryKey: ['todos', status, page],
    queryFn: () => api<TodoPage>('/api/todos', { query: { status, page, pageSize: 20 } }),
  });
  return (
    <Card size="small">
      <Segmented
        value={status}
        onChange={(v) => {
          setStatus(v as typeof status);
          setPage(1);
        }}
        options={[
          { value: 'open', label: `${tx('open')} ${data && status === 'open' ? data.total : ''}` },
          { value: 'overdue', label: tx('overdue') },
          { value: 'done', label: tx('done') },
        ]}
        style={{ marginBottom: 12 }}
      />
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <Empty description={status === 'done' ? undefined : tx('empty')} /> }}
        renderItem={(t) => (
          <List.Item
            style={{ cursor: t.link ? 'pointer' : undefined }}
            onClick={() => t.link && navigate(t.link)}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  <Typography.Text strong={!t.doneAt}>{t.title}</Typography.Text>
                  {t.overdue && <Tag color="red">{tx('overdue')}</Tag>}
                  {t.overdueAt && <Tag color="volcano">{tx('escalated')}</Tag>}
                </Space>
              }
              description={
                t.doneAt
                  ? `${tx('doneAt')} ${formatDateTime(t.doneAt)}`
                  : t.dueAt
                    ? `${tx('due')} ${formatDate(t.dueAt)}`
                    : formatDateTime(t.createdAt)
              }
            />
          </List.Item>
        )}
      />
      {(data?.total ?? 0) > 20 && (
        <Pagination current={page} total={data?.total} pageSize={20} onChange={setPage} size="small" />
      )}
    </Card>
  );
}

function NotificationList() {
  const { t } = useI18n();
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const [unread, setUnread] = useState(false);
  const [page, setPage] = useState(1);
  const { data, isLoading } = useQuery({
    queryKey: ['notifications', unread, page],
    queryFn: () =>
      api<NotePage>('/api/notifications', {
        query: { unread: unread ? 'true' : undefined, page, pageSize: 20 },
      }),
  });
  const mark = async (path: string) => {
    try {
      await api(path, { method: 'POST' });
      void qc.invalidateQueries({ queryKey: ['notifications'] });
    } catch (err) {
      toast(err);
    }
  };
  return (
    <Card
      size="small"
      title={
        <Checkbox checked={unread} onChange={(e) => setUnread(e.target.checked)}>
          {tx('onlyUnread')}
        </Checkbox>
      }
      extra={
        <Button
          size="small"
          onClick={() => mark('/api/notifications/read-all')}
          disabled={!data?.unreadCount}
        >
          {tx('readAll')}
        </Button>
      }
    >
      <List
        loading={isLoading}
        dataSource={data?.items ?? []}
        renderItem={(n) => (
          <List.Item
            actions={
              n.readAt
                ? []
                : [
                    <Button
                      key="r"
                      size="small"
                      type="link"
                      onClick={() => mark(`/api/notifications/${n.id}/read`)}
                    >
                      {tx('markRead')}
                    </Button>,
                  ]
            }
          >
            <List.Item.Meta
              avatar={<Badge status={n.readAt ? 'default' : 'processing'} />}
              title={
                n.link ? (
                  <Link to={n.link} onClick={() => !n.readAt && void mark(`/api/notifications/${n.id}/read`)}>
                    {n.title}
                  </Link>
                ) : (
                  n.title
                )
              }
              description={
                <>
                  {n.body && <div style={{ whiteSpace: 'pre-wrap' }}>{n.body}</div>}
                  <Typography.Text type="secondary">{formatDateTime(n.createdAt)}</Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
        locale={{ emptyText: <Empty description={t('common.none')} /> }}
      />
      {(data?.total ?? 0) > 20 && (
        <Pagination current={page} total={data?.total} pageSize={20} onChange={setPage} size="small" />
      )}
    </Card>
  );
}

function MailPrefs() {
  const { l, t } = useI18n();
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const { data } = useQuery({
    queryKey: ['notifications', 'prefs'],
    queryFn: () => api<NotificationPrefs>('/api/notifications/prefs'),
  });
  const hints: Record<MailMode, string> = {
    immediate: tx('immediateHint'),
    digest: tx('digestHint'),
    none: tx('noneHint'),
  };
  const set = async (mailMode: MailMode) => {
    try {
      qc.setQueryData(
        ['notifications', 'prefs'],
        await api<NotificationPrefs>('/api/notifications/prefs', { method: 'PUT', body: { mailMode } }),
      );
      message.success(t('common.saved'));
    } catch (err) {
      toast(err);
    }
  };
  return (
    <Card size="small" title={tx('mailMode')} style={{ maxWidth: 560 }}>
      <Radio.Group
        value={data?.mailMode}
        onChange={(e) => set(e.target.value)}
        style={{ display: 'flex', flexDirection: 'column', gap: 12 }}
      >
        {mailModes.map((m) => (
          <Radio key={m} value={m}>
            {l(mailModeLabels[m])}
            <div>
              <Typography.Text type="secondary">{hints[m]}</Typography.Text>
            </div>
          </Radio>
        ))}
      </Radio.Group>
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {tx('mailTo')}：{data?.email ?? <Typography.Text type="warning">{tx('noEmail')}</Typography.Text>}
      </Typography.Paragraph>
    </Card>
  );
}
