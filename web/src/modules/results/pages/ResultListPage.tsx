import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input, InputNumber, Select, Tag, Tooltip } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import {
  patentTypeLabels,
  patentTypes,
  type ResultListItem,
  resultKindLabels,
  resultKinds,
} from '../../../../../common/schemas/results';
import type { Page } from '../../../../../common/schemas/shared';
import { resultStatuses, resultStatusLabels } from '../../../../../common/workflows/result';
import { api } from '../../../shared/api/client';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatMoney } from '../../../shared/format';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { StudioPicker } from '../../projects/components/StudioPicker';
import { resultKeys } from '../api';
import { GradeTag, ResultStatusTag } from '../components/ResultTags';
import { useTexts } from '../texts';

/** 创新成果 list: filters (text, kind, status, year, studio, enterprise subtree, patent type), table, 导出. */
export default function ResultListPage() {
  const { t, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const canCreate = usePermission('studios.contribute');

  const columns: ColumnsType<ResultListItem> = [
    { key: 'archiveNo', title: tx('archiveNo'), dataIndex: 'archiveNo', width: 140 },
    {
      key: 'title',
      title: tx('title'),
      dataIndex: 'title',
      render: (v: string, r) => (
        <>
          <a>{v}</a>
          {r.confidential && (
            <Tag color="red" style={{ marginInlineStart: 6 }}>
              {tx('confidential')}
            </Tag>
          )}
        </>
      ),
    },
    {
      key: 'kind',
      title: tx('kind'),
      dataIndex: 'kind',
      width: 110,
      render: (v) => labelOf(resultKindLabels, v, lang),
    },
    {
      key: 'status',
      title: tx('status'),
      dataIndex: 'status',
      width: 90,
      render: (v) => <ResultStatusTag status={v} />,
    },
    { key: 'year', title: tx('year'), dataIndex: 'year', width: 70 },
    { key: 'studio', title: tx('studio'), dataIndex: 'studioName', width: 190, ellipsis: true },
    {
      key: 'contributors',
      title: tx('contributorsCol'),
      dataIndex: 'contributorNames',
      width: 160,
      ellipsis: true,
    },
    {
      key: 'grade',
      title: tx('grade'),
      dataIndex: 'grade',
      width: 80,
      render: (g) => <GradeTag grade={g} />,
    },
    {
      key: 'patent',
      title: tx('patentType'),
      dataIndex: 'patentType',
      width: 100,
      render: (v) => (v ? labelOf(patentTypeLabels, v, lang) : ''),
    },
    {
      key: 'benefit',
      title: <Tooltip title={tx('verifiedOnly')}>{tx('verifiedBenefit')}</Tooltip>,
      dataIndex: 'verifiedBenefitFen',
      width: 140,
      align: 'right',
      render: (v: number) => (v ? formatMoney(v, { fen: true }) : '—'),
    },
  ];

  return (
    <>
      <PageHeader title={tx('results')} sub={`${tx('verifiedBenefit')}：${tx('verifiedOnly')}`} />
      <ListPage<ResultListItem>
        queryKey={resultKeys.all}
        fetchPage={(query) => api<Page<ResultListItem>>('/api/results', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="results"
        phoneColumns={['title', 'status']}
        onRowClick={(r) => navigate(`/results/${r.id}`)}
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
              <Input allowClear placeholder={tx('searchResults')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="kind">
              <Select
                allowClear
                placeholder={tx('kind')}
                options={optionsOf(resultKinds, resultKindLabels, lang)}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={tx('status')}
                options={optionsOf(resultStatuses, resultStatusLabels, lang)}
                style={{ width: 110 }}
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
            <Form.Item name="patentType">
              <Select
                allowClear
                placeholder={tx('patentType')}
                options={optionsOf(patentTypes, patentTypeLabels, lang)}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Form.Item name="includeArchived" valuePropName="checked">
              <Checkbox>{t('common.includeArchived')}</Checkbox>
            </Form.Item>
          </>
        }
        extra={
          <>
            <ExportButton path="/api/results/export" name={tx('results')} />
            {canCreate && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/results/new')}>
                {tx('newResult')}
              </Button>
            )}
          </>
        }
      />
    </>
  );
}
