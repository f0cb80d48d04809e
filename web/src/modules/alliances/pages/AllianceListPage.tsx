import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, Form, Input } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import type { Alliance } from '../../../../../common/schemas/alliances';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { fromLifeQuery, toLifeQuery } from '../../activities/components/filters';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { allianceKeys } from '../api';
import { useAllianceTexts } from '../texts';

/** 创新联盟: alliances of studios with their rotating lead, members and joint projects. */
export default function AllianceListPage() {
  const { t } = useI18n();
  const tx = useAllianceTexts();
  const navigate = useNavigate();
  const canManage = usePermission('alliances.manage');
  const columns: ColumnsType<Alliance> = [
    { key: 'name', title: tx('name'), dataIndex: 'name', render: (v: string) => <a>{v}</a> },
    { key: 'org', title: tx('org'), dataIndex: 'orgName', width: 180, ellipsis: true },
    { key: 'founded', title: tx('foundedOn'), dataIndex: 'foundedOn', width: 110, render: formatDate },
    { key: 'lead', title: tx('lead'), width: 220, ellipsis: true, render: (_, a) => a.lead?.name ?? '—' },
    { key: 'next', title: tx('nextRotation'), dataIndex: 'nextRotationOn', width: 110, render: formatDate },
    {
      key: 'studios',
      title: tx('studioCount'),
      dataIndex: 'studioCount',
      width: 100,
      align: 'right',
      render: (n: number) => t('common.unit.count', { n }),
    },
    {
      key: 'partners',
      title: tx('partners'),
      dataIndex: 'partnerCount',
      width: 90,
      align: 'right',
      render: (n: number) => t('common.unit.count', { n }),
    },
    {
      key: 'projects',
      title: tx('projectCount'),
      dataIndex: 'projectCount',
      width: 90,
      align: 'right',
      render: (n: number) => t('common.unit.items', { n }),
    },
  ];
  return (
    <>
      <PageHeader title={tx('alliances')} />
      <ListPage<Alliance>
        queryKey={allianceKeys.all}
        fetchPage={(query) => api<Page<Alliance>>('/api/alliances', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="alliances"
        phoneColumns={['name', 'lead']}
        onRowClick={(a) => navigate(`/alliances/${a.id}`)}
        toQuery={toLifeQuery}
        fromQuery={fromLifeQuery}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('name')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="studioId">
              <StudioSelect style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="includeArchived" valuePropName="checked">
              <Checkbox>{t('common.includeArchived')}</Checkbox>
            </Form.Item>
          </>
        }
        extra={
          <>
            <ExportButton path="/api/alliances/export" name={tx('alliances')} />
            {canManage && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/alliances/new')}>
                {tx('newAlliance')}
              </Button>
            )}
          </>
        }
      />
    </>
  );
}
