import { AlertOutlined, ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, Select } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  namingLevelLabels,
  namingLevels,
  studioStatuses,
  studioStatusLabels,
  studioTypeLabels,
  studioTypes,
} from '../../../../../common/enums';
import type { Page } from '../../../../../common/schemas/shared';
import type { StudioListItem } from '../../../../../common/schemas/studios';
import { api, download } from '../../../shared/api/client';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { studioKeys } from '../api';
import { LevelTag, StatusTag, TypeText } from '../components/StudioTags';
import { useTexts } from '../texts';

/** 工作室名录: filter bar (text, type, level, status, enterprise subtree, field), table, 导出 and 新建. */
export default function StudioListPage() {
  const { t, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const canCreate = usePermission('studios.create');
  const canMonitor = usePermission('studios.monitor');
  const [exporting, setExporting] = useState(false);

  const exportList = async () => {
    const query: Record<string, string> = {};
    params.forEach((v, k) => {
      if (k !== 'page' && k !== 'pageSize') query[k] = v;
    });
    setExporting(true);
    try {
      await download('/api/studios/export', `${tx('studios')}_${formatDate(new Date())}.xlsx`, query);
      message.success(t('common.done'));
    } catch (err) {
      toast(err);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<StudioListItem> = [
    { key: 'code', title: tx('code'), dataIndex: 'code', width: 130 },
    { key: 'name', title: tx('name'), dataIndex: 'name', render: (n: string) => <a>{n}</a> },
    {
      key: 'level',
      title: tx('level'),
      dataIndex: 'currentLevel',
      width: 100,
      render: (v) => <LevelTag level={v} />,
    },
    {
      key: 'status',
      title: tx('status'),
      dataIndex: 'status',
      width: 90,
      render: (v) => <StatusTag status={v} />,
    },
    { key: 'type', title: tx('type'), dataIndex: 'type', width: 150, render: (v) => <TypeText type={v} /> },
    { key: 'enterprise', title: tx('enterprise'), dataIndex: 'enterpriseName', width: 190, ellipsis: true },
    { key: 'host', title: tx('hostOrg'), dataIndex: 'hostOrgName', width: 110, ellipsis: true },
    { key: 'leader', title: tx('leader'), dataIndex: 'leaderName', width: 90 },
    { key: 'field', title: tx('field'), dataIndex: 'field', width: 100 },
    { key: 'foundedOn', title: tx('foundedOn'), dataIndex: 'foundedOn', width: 110, render: formatDate },
    {
      key: 'members',
      title: tx('memberCount'),
      dataIndex: 'memberCount',
      width: 90,
      align: 'right',
      render: (n: number) => t('common.unit.people', { n }),
    },
  ];

  return (
    <>
      <PageHeader title={tx('registry')} />
      <ListPage<StudioListItem>
        queryKey={studioKeys.all}
        fetchPage={(query) => api<Page<StudioListItem>>('/api/studios', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="studios"
        phoneColumns={['name', 'level', 'status']}
        onRowClick={(s) => navigate(`/studios/${s.id}`)}
        fromQuery={(q) => ({
          ...q,
          orgId: q.orgId ? Number(q.orgId) : undefined,
          includeArchived: q.includeArchived === 'true',
        })}
        toQuery={(v) => ({
          ...(v as Record<string, string>),
          includeArchived: v.includeArchived ? 'true' : undefined,
        })}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('searchPlaceholder')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="type">
              <Select
                allowClear
                placeholder={tx('type')}
                options={optionsOf(studioTypes, studioTypeLabels, lang)}
                style={{ width: 160 }}
              />
            </Form.Item>
            <Form.Item name="level">
              <Select
                allowClear
                placeholder={tx('level')}
                options={optionsOf(namingLevels, namingLevelLabels, lang)}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={tx('status')}
                options={optionsOf(studioStatuses, studioStatusLabels, lang)}
                style={{ width: 110 }}
              />
            </Form.Item>
            <Form.Item name="orgId">
              <OrgTreeSelect placeholder={tx('enterprise')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="field">
              <Input allowClear placeholder={tx('field')} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="sort">
              <Select
                placeholder={tx('sort')}
                style={{ width: 130 }}
                allowClear
                options={[
                  { value: 'newest', label: tx('sortNewest') },
                  { value: 'oldest', label: tx('sortOldest') },
                  { value: 'name', label: tx('sortName') },
                  { value: 'foundedOn', label: tx('sortFounded') },
                ]}
              />
            </Form.Item>
            <Form.Item name="includeArchived" valuePropName="checked">
              <Checkbox>{t('common.includeArchived')}</Checkbox>
            </Form.Item>
          </>
        }
        extra={
          <>
            {canMonitor && (
              <Button icon={<AlertOutlined />} onClick={() => navigate('/studios/at-risk')}>
                {tx('atRisk')}
              </Button>
            )}
            <Button icon={<ExportOutlined />} loading={exporting} onClick={exportList}>
              {t('common.export')}
            </Button>
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/studios/new')}>
                {tx('newStudio')}
              </Button>
            )}
          </>
        }
      />
    </>
  );
}
