import { DownloadOutlined, FilePdfOutlined } from '@ant-design/icons';
import { Button, Form, Input, InputNumber, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useSearchParams } from 'react-router';
import {
  type NamingLevel,
  namingLevelLabels,
  namingLevels,
  type StudioType,
  studioTypeLabels,
} from '../../../../../common/enums';
import type { NamingListItem } from '../../../../../common/schemas/applications';
import type { Page } from '../../../../../common/schemas/shared';
import { api, download } from '../../../shared/api/client';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { useTexts } from '../texts';

/** 命名名单: studios named by year and level, ready to announce as Excel; each row's certificate downloads as PDF. */
export default function NamingListPage() {
  const { l, lang, t } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const [params] = useSearchParams();
  const run = (p: Promise<void>) => p.catch(toast);
  const exportList = () => {
    const year = params.get('year') ?? '';
    const level = (params.get('level') ?? '') as NamingLevel | '';
    const name =
      lang === 'zh'
        ? `${year ? `${year}年度` : ''}${level ? namingLevelLabels[level].zh : ''}创新工作室命名名单.xlsx`
        : `naming-list${year ? `-${year}` : ''}${level ? `-${level}` : ''}.xlsx`;
    void run(download('/api/namings/export', name, { year, level, q: params.get('q') ?? '' }));
  };
  const columns: ColumnsType<NamingListItem> = [
    { key: 'plaque', title: tx('plaqueNo'), dataIndex: 'plaqueNo', width: 150 },
    { key: 'studio', title: tx('studio'), dataIndex: 'studioName' },
    {
      key: 'type',
      title: tx('type'),
      dataIndex: 'studioType',
      width: 140,
      render: (v: StudioType) => l(studioTypeLabels[v]),
    },
    { key: 'ent', title: tx('enterprise'), dataIndex: 'enterpriseName', ellipsis: true },
    { key: 'org', title: tx('hostOrg'), dataIndex: 'hostOrgName', ellipsis: true },
    { key: 'leader', title: tx('leader'), dataIndex: 'leaderName', width: 90 },
    {
      key: 'level',
      title: tx('namingLevel'),
      dataIndex: 'level',
      width: 100,
      render: (v: NamingLevel) => <Tag color="blue">{l(namingLevelLabels[v])}</Tag>,
    },
    { key: 'body', title: tx('namingBody'), dataIndex: 'namingBody', ellipsis: true },
    { key: 'date', title: tx('namedOn'), dataIndex: 'namedOn', width: 110, render: formatDate },
    {
      key: 'cert',
      title: t('common.actions'),
      width: 110,
      render: (_, n) => (
        <Button
          size="small"
          type="link"
          icon={<FilePdfOutlined />}
          onClick={(e) => {
            e.stopPropagation();
            void run(
              download(
                `/api/namings/${n.id}/certificate`,
                `${n.studioName}-${l({ zh: '荣誉证书', en: 'certificate' })}.pdf`,
              ),
            );
          }}
        >
          {tx('certificate')}
        </Button>
      ),
    },
  ];
  return (
    <>
      <PageHeader title={tx('namings')} />
      <ListPage<NamingListItem>
        queryKey={['namings']}
        fetchPage={(query) => api<Page<NamingListItem>>('/api/namings', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="namings"
        phoneColumns={['studio', 'level', 'date']}
        fromQuery={(q) => ({ ...q, year: q.year ? Number(q.year) : undefined })}
        filters={
          <>
            <Form.Item name="year">
              <InputNumber placeholder={tx('year')} min={1990} max={2100} style={{ width: 110 }} />
            </Form.Item>
            <Form.Item name="level">
              <Select
                allowClear
                placeholder={tx('namingLevel')}
                options={optionsOf(namingLevels, namingLevelLabels, lang)}
                style={{ width: 130 }}
              />
            </Form.Item>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('searchNaming')} style={{ width: 200 }} />
            </Form.Item>
          </>
        }
        extra={
          <Button icon={<DownloadOutlined />} onClick={exportList}>
            {t('common.export')}
          </Button>
        }
      />
    </>
  );
}
