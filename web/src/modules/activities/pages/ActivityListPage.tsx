import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import { type Activity, activityKindLabels, activityKinds } from '../../../../../common/schemas/activities';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { activityKeys } from '../api';
import { fromLifeQuery, toLifeQuery } from '../components/filters';
import { StudioSelect } from '../components/StudioSelect';
import { useLifeTexts } from '../texts';

/** 活动与培训: the studios' activity ledger with filters, 导出 and 登记活动. */
export default function ActivityListPage() {
  const { t, lang } = useI18n();
  const tx = useLifeTexts();
  const navigate = useNavigate();
  const canRecord = usePermission('studios.contribute');
  const columns: ColumnsType<Activity> = [
    { key: 'heldOn', title: tx('heldOn'), dataIndex: 'heldOn', width: 110, render: formatDate },
    { key: 'title', title: tx('title'), dataIndex: 'title', render: (v: string) => <a>{v}</a> },
    {
      key: 'kind',
      title: tx('kind'),
      dataIndex: 'kind',
      width: 110,
      render: (k: Activity['kind']) => (
        <Tag color={k === 'training' ? 'blue' : undefined}>{labelOf(activityKindLabels, k, lang)}</Tag>
      ),
    },
    { key: 'studio', title: tx('studio'), dataIndex: 'studioName', ellipsis: true, width: 220 },
    { key: 'place', title: tx('place'), dataIndex: 'place', width: 130, ellipsis: true },
    { key: 'hours', title: tx('hours'), dataIndex: 'hours', width: 70, align: 'right' },
    { key: 'trainer', title: tx('trainer'), dataIndex: 'trainerName', width: 100 },
    {
      key: 'attendance',
      title: tx('attendance'),
      width: 130,
      render: (_: unknown, a) => tx('attendedOf', { a: a.attendedCount, i: a.invitedCount }),
    },
    { key: 'alliance', title: tx('alliance'), dataIndex: 'allianceName', width: 160, ellipsis: true },
    {
      key: 'archived',
      title: t('common.status'),
      width: 80,
      render: (_: unknown, a) => (a.archivedAt ? <Tag>{t('common.archived')}</Tag> : null),
    },
  ];
  return (
    <>
      <PageHeader title={tx('activities')} />
      <ListPage<Activity>
        queryKey={activityKeys.all}
        fetchPage={(query) => api<Page<Activity>>('/api/activities', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="activities"
        phoneColumns={['heldOn', 'title', 'kind']}
        onRowClick={(a) => navigate(`/activities/${a.id}`)}
        toQuery={toLifeQuery}
        fromQuery={fromLifeQuery}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('searchTitle')} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="studioId">
              <StudioSelect style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="kind">
              <Select
                allowClear
                placeholder={tx('kind')}
                options={optionsOf(activityKinds, activityKindLabels, lang)}
                style={{ width: 130 }}
              />
            </Form.Item>
            <Form.Item name="range">
              <DatePicker.RangePicker style={{ width: 240 }} />
            </Form.Item>
            <Form.Item name="includeArchived" valuePropName="checked">
              <Checkbox>{t('common.includeArchived')}</Checkbox>
            </Form.Item>
          </>
        }
        extra={
          <>
            <ExportButton path="/api/activities/export" name={tx('activities')} />
            {canRecord && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/activities/new')}>
                {tx('newActivity')}
              </Button>
            )}
          </>
        }
      />
    </>
  );
}
