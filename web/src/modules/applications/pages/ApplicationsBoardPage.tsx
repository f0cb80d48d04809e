import { PlusOutlined } from '@ant-design/icons';
import { Badge, Button, Form, Input, Select, Tabs } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { type NamingLevel, namingLevelLabels, namingLevels } from '../../../../../common/enums';
import type { Application } from '../../../../../common/schemas/applications';
import type { Page } from '../../../../../common/schemas/shared';
import { type ApplicationState, applicationStateLabels } from '../../../../../common/workflows/application';
import { api } from '../../../shared/api/client';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatDateTime } from '../../../shared/format';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { applicationKeys } from '../api';
import { StateTag } from '../components/StateTag';
import { useTexts } from '../texts';

const tabStates: ApplicationState[] = [
  'firstReview',
  'upperReview',
  'expertReview',
  'siteVisit',
  'publicity',
  'named',
  'returned',
  'rejected',
  'draft',
];

/** The review board: applications by workflow step (tabs with counts), a row opens the application. */
export default function ApplicationsBoardPage() {
  const { l, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const canApply = usePermission('applications.apply');
  const [counts, setCounts] = useState<Record<string, number>>({});
  const state = params.get('state') ?? '';
  const total = Object.values(counts).reduce((a, b) => a + b, 0);

  const columns: ColumnsType<Application> = [
    { key: 'studio', title: tx('studio'), dataIndex: 'studioName', render: (v: string) => <a>{v}</a> },
    { key: 'org', title: tx('hostOrg'), dataIndex: 'hostOrgName', ellipsis: true },
    { key: 'leader', title: tx('leader'), dataIndex: 'leaderName', width: 90 },
    {
      key: 'level',
      title: tx('level'),
      dataIndex: 'level',
      width: 100,
      render: (v: NamingLevel) => l(namingLevelLabels[v]),
    },
    {
      key: 'state',
      title: tx('state'),
      dataIndex: 'state',
      width: 110,
      render: (v: ApplicationState, a) => (
        <>
          <StateTag state={v} />
          {a.openObjections > 0 && <Badge count={a.openObjections} title={tx('objections')} />}
        </>
      ),
    },
    {
      key: 'score',
      title: tx('score'),
      dataIndex: 'finalScore',
      width: 90,
      render: (v: number | null, a) => (v === null ? '' : `${v}（${a.grade}）`),
    },
    { key: 'submitted', title: tx('submittedAt'), dataIndex: 'submittedAt', width: 110, render: formatDate },
    { key: 'updated', title: tx('updatedAt'), dataIndex: 'updatedAt', width: 150, render: formatDateTime },
    { key: 'plaque', title: tx('plaqueNo'), dataIndex: 'plaqueNo', width: 140 },
  ];

  const setState = (s: string) => {
    const next = new URLSearchParams(params);
    if (s) next.set('state', s);
    else next.delete('state');
    next.delete('page');
    setParams(next);
  };

  return (
    <>
      <PageHeader
        title={tx('board')}
        extra={
          canApply && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/applications/new')}>
              {tx('newApplication')}
            </Button>
          )
        }
      />
      <Tabs
        activeKey={state}
        onChange={setState}
        items={[
          { key: '', label: `${tx('all')} ${total || ''}` },
          ...tabStates.map((s) => ({ key: s, label: `${l(applicationStateLabels[s])} ${counts[s] ?? ''}` })),
        ]}
        style={{ marginBottom: 0 }}
      />
      <ListPage<Application>
        queryKey={applicationKeys.all}
        fetchPage={async (query) => {
          const r = await api<Page<Application> & { counts: Record<string, number> }>('/api/applications', {
            query,
          });
          setCounts(r.counts);
          return r;
        }}
        rowKey="id"
        columns={columns}
        settingsKey="applications"
        phoneColumns={['studio', 'level', 'state']}
        onRowClick={(a) => navigate(`/applications/${a.id}`)}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('searchStudio')} style={{ width: 200 }} />
            </Form.Item>
            <Form.Item name="level">
              <Select
                allowClear
                placeholder={tx('level')}
                options={optionsOf(namingLevels, namingLevelLabels, lang)}
                style={{ width: 130 }}
              />
            </Form.Item>
            <Form.Item name="state" hidden>
              <Input />
            </Form.Item>
          </>
        }
      />
    </>
  );
}
