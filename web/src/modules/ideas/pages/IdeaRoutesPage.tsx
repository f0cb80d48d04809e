import { PlusOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Form,
  InputNumber,
  Modal,
  Popconfirm,
  Select,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import {
  type IdeaCategory,
  type IdeaRoute,
  ideaCategories,
  ideaCategoryLabels,
} from '../../../../../common/schemas/ideas';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { ideaKeys } from '../api';
import { UserPicker } from '../components/UserPicker';
import { useTexts } from '../texts';

/** The routing table (org subtree + category → handler, days to answer), kept by union admins. */
export default function IdeaRoutesPage() {
  const { t, l, lang } = useI18n();
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm();
  const [showArchived, setShowArchived] = useState(false);
  const { data, isFetching } = useQuery({
    queryKey: [...ideaKeys.routes, showArchived],
    queryFn: () =>
      api<Page<IdeaRoute>>('/api/ideas/routes', {
        query: { pageSize: 200, includeArchived: showArchived ? 'true' : undefined },
      }),
  });
  const reload = () => qc.invalidateQueries({ queryKey: ideaKeys.routes });
  const setArchived = async (r: IdeaRoute, archived: boolean) => {
    try {
      await api(`/api/ideas/routes/${r.id}/${archived ? 'archive' : 'restore'}`, {
        method: 'POST',
        body: { version: r.version },
      });
      message.success(t('common.done'));
      void reload();
    } catch (err) {
      toast(err);
    }
  };
  const columns: ColumnsType<IdeaRoute> = [
    { key: 'org', title: tx('orgSubtree'), dataIndex: 'orgName' },
    {
      key: 'category',
      title: tx('category'),
      dataIndex: 'category',
      render: (v: IdeaCategory | null) =>
        v ? (
          l(ideaCategoryLabels[v])
        ) : (
          <Typography.Text type="secondary">{tx('anyCategory')}</Typography.Text>
        ),
    },
    { key: 'handler', title: tx('handlerUser'), dataIndex: 'handlerName' },
    {
      key: 'days',
      title: tx('deadlineDays'),
      dataIndex: 'deadlineDays',
      render: (v: number | null) => v ?? tx('defaultDays'),
    },
    {
      key: 'actions',
      title: t('common.actions'),
      render: (_, r) =>
        r.archivedAt ? (
          <>
            <Tag>{t('common.archived')}</Tag>
            {r.abilities.restore && (
              <Button size="small" type="link" onClick={() => setArchived(r, false)}>
                {t('common.restore')}
              </Button>
            )}
          </>
        ) : (
          r.abilities.archive && (
            <Popconfirm title={t('common.archive')} onConfirm={() => setArchived(r, true)}>
              <Button size="small" type="link">
                {t('common.archive')}
              </Button>
            </Popconfirm>
          )
        ),
    },
  ];
  const create = async () => {
    const v = await form.validateFields().catch(() => null);
    if (!v) return;
    try {
      await api('/api/ideas/routes', {
        method: 'POST',
        body: { ...v, category: v.category ?? null, deadlineDays: v.deadlineDays ?? null },
      });
      message.success(t('common.saved'));
      setOpen(false);
      form.resetFields();
      void reload();
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    }
  };
  return (
    <>
      <PageHeader
        title={tx('routes')}
        sub={tx('routesSub')}
        extra={
          <>
            <Button onClick={() => setShowArchived(!showArchived)}>
              {showArchived ? t('common.active') : t('common.archived')}
            </Button>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {tx('newRoute')}
            </Button>
          </>
        }
      />
      <Card size="small">
        <Typography.Paragraph type="secondary">{tx('fallback')}</Typography.Paragraph>
        <Table<IdeaRoute>
          rowKey="id"
          size="middle"
          loading={isFetching}
          columns={columns}
          dataSource={data?.items ?? []}
          pagination={false}
          scroll={{ x: 'max-content' }}
        />
      </Card>
      <Modal open={open} title={tx('newRoute')} onCancel={() => setOpen(false)} onOk={create} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="orgId" label={tx('orgSubtree')} rules={[{ required: true }]}>
            <OrgTreeSelect style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item name="category" label={tx('category')}>
            <Select
              allowClear
              placeholder={tx('anyCategory')}
              options={optionsOf(ideaCategories, ideaCategoryLabels, lang)}
            />
          </Form.Item>
          <Form.Item name="handlerUserId" label={tx('handlerUser')} rules={[{ required: true }]}>
            <UserPicker />
          </Form.Item>
          <Form.Item name="deadlineDays" label={tx('deadlineDays')}>
            <InputNumber min={1} max={365} placeholder={tx('defaultDays')} style={{ width: '100%' }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
