import { PlusOutlined } from '@ant-design/icons';
import { Button, Checkbox, DatePicker, Form, Input, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import { type Contest, contestLevelLabels, contestLevels } from '../../../../../common/schemas/contests';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { fromLifeQuery, toLifeQuery } from '../../activities/components/filters';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { useLifeTexts } from '../../activities/texts';
import { contestKeys } from '../api';

/** 技能比武: contests of the visible studios with level, trade, entrants and prize winners. */
export default function ContestListPage() {
  const { t, lang } = useI18n();
  const tx = useLifeTexts();
  const navigate = useNavigate();
  const canRecord = usePermission('studios.contribute');
  const columns: ColumnsType<Contest> = [
    { key: 'heldOn', title: tx('heldOn'), dataIndex: 'heldOn', width: 110, render: formatDate },
    { key: 'name', title: tx('contestName'), dataIndex: 'name', render: (v: string) => <a>{v}</a> },
    {
      key: 'level',
      title: tx('level'),
      dataIndex: 'level',
      width: 100,
      render: (v: Contest['level']) => <Tag>{labelOf(contestLevelLabels, v, lang)}</Tag>,
    },
    { key: 'trade', title: tx('trade'), dataIndex: 'trade', width: 100 },
    { key: 'studio', title: tx('studio'), dataIndex: 'studioName', width: 220, ellipsis: true },
    { key: 'organizer', title: tx('organizer'), dataIndex: 'organizer', width: 140, ellipsis: true },
    {
      key: 'entrants',
      title: tx('entrantCount'),
      dataIndex: 'entrantCount',
      width: 90,
      align: 'right',
      render: (n: number) => t('common.unit.people', { n }),
    },
    {
      key: 'awards',
      title: tx('awardCount'),
      dataIndex: 'awardCount',
      width: 90,
      align: 'right',
      render: (n: number) => t('common.unit.people', { n }),
    },
  ];
  return (
    <>
      <PageHeader title={tx('contests')} />
      <ListPage<Contest>
        queryKey={contestKeys.all}
        fetchPage={(query) => api<Page<Contest>>('/api/contests', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="contests"
        phoneColumns={['heldOn', 'name', 'level']}
        onRowClick={(c) => navigate(`/contests/${c.id}`)}
        toQuery={toLifeQuery}
        fromQuery={fromLifeQuery}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('contestName')} style={{ width: 160 }} />
            </Form.Item>
            <Form.Item name="studioId">
              <StudioSelect style={{ width: 220 }} />
            </Form.Item>
            <Form.Item name="level">
              <Select
                allowClear
                placeholder={tx('level')}
                options={optionsOf(contestLevels, contestLevelLabels, lang)}
                style={{ width: 120 }}
              />
            </Form.Item>
            <Form.Item name="trade">
              <Input allowClear placeholder={tx('trade')} style={{ width: 100 }} />
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
            <ExportButton path="/api/contests/export" name={tx('contests')} />
            {canRecord && (
              <Button type="primary" icon={<PlusOutlined />} onClick={() => navigate('/contests/new')}>
                {tx('newContest')}
              </Button>
            )}
          </>
        }
      />
    </>
  );
}
