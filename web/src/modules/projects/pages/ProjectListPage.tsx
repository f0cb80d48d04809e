import { ExportOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Checkbox, Form, Input, InputNumber, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import {
  type ProjectListItem,
  projectSourceLabels,
  projectSources,
} from '../../../../../common/schemas/projects';
import type { Page } from '../../../../../common/schemas/shared';
import { projectStatuses, projectStatusLabels } from '../../../../../common/workflows/project';
import { api, download } from '../../../shared/api/client';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatMoney } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { projectKeys } from '../api';
import { StudioPicker } from '../components/StudioPicker';
import { useTexts } from '../texts';

const statusColor: Record<string, string> = {
  proposed: 'default',
  approved: 'cyan',
  inProgress: 'blue',
  acceptance: 'gold',
  concluded: 'green',
  terminated: 'red',
};

/** 攻关课题 list: filters (text, status, source, year, studio, enterprise subtree), table, 导出 and 申请课题. */
export default function ProjectListPage() {
  const { t, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const canPropose = usePermission('studios.manage');
  const [exporting, setExporting] = useState(false);

  const exportList = async () => {
    const query: Record<string, string> = {};
    params.forEach((v, k) => {
      if (k !== 'page' && k !== 'pageSize') query[k] = v;
    });
    setExporting(true);
    try {
      await download('/api/projects/export', `${tx('projects')}_${formatDate(new Date())}.xlsx`, query);
      message.success(t('common.done'));
    } catch (err) {
      toast(err);
    } finally {
      setExporting(false);
    }
  };

  const columns: ColumnsType<ProjectListItem> = [
    { key: 'code', title: tx('code'), dataIndex: 'code', width: 140 },
    {
      key: 'title',
      title: tx('title'),
      dataIndex: 'title',
      render: (v: string, p) => (
        <>
          <a>{v}</a>
          {p.confidential && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {tx('confidential')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'source',
      title: tx('source'),
      dataIndex: 'source',
      width: 100,
      render: (v) => labelOf(projectSourceLabels, v, lang),
    },
    {
      key: 'status',
      title: tx('status'),
      dataIndex: 'status',
      width: 100,
      render: (v) => <Tag color={statusColor[v]}>{labelOf(projectStatusLabels, v, lang)}</Tag>,
    },
    { key: 'year', title: tx('year'), dataIndex: 'year', width: 70 },
    { key: 'studio', title: tx('studio'), dataIndex: 'studioName', width: 200, ellipsis: true },
    { key: 'org', title: tx('hostOrg'), dataIndex: 'orgName', width: 120, ellipsis: true },
    { key: 'leader', title: tx('leader'), dataIndex: 'leaderName', width: 90 },
    {
      key: 'period',
      title: tx('planned'),
      width: 200,
      render: (_, p) => `${formatDate(p.plannedStart)} ~ ${formatDate(p.plannedEnd)}`,
    },
    {
      key: 'budget',
      title: tx('budget'),
      dataIndex: 'budgetFen',
      width: 120,
      align: 'right',
      render: (v: number) => formatMoney(v, { fen: true }),
    },
    {
      key: 'results',
      title: tx('resultCount'),
      dataIndex: 'resultCount',
      width: 80,
      align: 'right',
      render: (n: number) => t('common.unit.items', { n }),
    },
  ];

  return (
    <>
      <PageHeader title={tx('projects')} />
      <ListPage<ProjectListItem>
        queryKey={projectKeys.all}
        fetchPage={(query) => api<Page<ProjectListItem>>('/api/projects', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="projects"
        phoneColumns={['title', 'status']}
        onRowClick={(p) => navigate(`/projects/${p.id}`)}
        fromQuery={(q) => ({
          ...q,
          orgId: q.orgId ? Number(q.orgId) : undefined,
          studioId: q.studioId ? Number(q.studioId) : undefined,
          year: q.year ? Number(q.year) : undefined,
          includeArchived: q.includeArchived === 'true',
        })}
        toQuery={(v) => ({
          ...(v as Record<string, string>),
          includeArchived: v.includeArchived ? 'true' : undefined,
        })}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('searchProjects')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={tx('status')}
                options={optionsOf(projectStatuses, projectStatusLabels, lang)}
                style={{ width: 110 }}
              />
            </Form.Item>
            <Form.Item name="source">
              <Select
                allowClear
                placeholder={tx('source')}
                options={optionsOf(projectSources, projectSourceLabels, lang)}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Form.Item name="year">
              <InputNumber placeholder={tx('year')} min={1990} max={2100} style={{ width: 90 }} />
            </Form.Item>
            <Form.Item name="studioId">
              <StudioPicker style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="orgId">
              <OrgTreeSelect placeholder={tx('enterprise')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="includeArchived" valuePropName="checked">
              <Checkbox>{t('common.includeArchived')}</Checkbox>
            </Form.Item>
          </>
        }
        extra={
          <>
            <Button icon={<ExportOutlined />} loading={exporting} onClick={exportList}>
              {t('common.export')}
            </Button>
            {canPropose && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/projects/new')}>
                {tx('newProject')}
              </Button>
            )}
          </>
        }
      />
    </>
  );
}
