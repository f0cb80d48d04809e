import { useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Col, DatePicker, Flex, Row, Space, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { type LedgerKind, ledgerKindLabels, ledgerKinds } from '../../../../../common/schemas/ledgers';
import { api, download } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useMe } from '../../../shared/hooks/useMe';
import { useI18n } from '../../../shared/i18n';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { JobList } from '../components/JobList';

/** Beyond this many rows an export runs as a background job with progress instead of downloading at once. */
const DIRECT_LIMIT = 5000;

/** 台账导出: the standard ledgers of an org subtree and period as formatted .xlsx. */
export default function LedgerExportPage() {
  const { l, lang } = useI18n();
  const zh = lang === 'zh';
  const { message } = App.useApp();
  const qc = useQueryClient();
  const { data: me } = useMe();
  const [orgId, setOrgId] = useState<number | undefined>();
  const org =
    orgId ?? me?.grants.find((g) => g.role === 'group_admin' || g.role === 'enterprise_admin')?.orgId;
  const [range, setRange] = useState<[Dayjs, Dayjs]>([dayjs().startOf('year'), dayjs().endOf('year')]);
  const query = { orgId: org, from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') };
  const counts = useQuery({
    queryKey: ['ledgers', 'counts', query],
    queryFn: () => api<Record<LedgerKind, number>>('/api/ledgers/counts', { query }),
    enabled: !!org,
  });
  const exportOne = async (kind: LedgerKind) => {
    try {
      if ((counts.data?.[kind] ?? 0) > DIRECT_LIMIT) {
        await api(`/api/ledgers/${kind}/jobs`, { method: 'POST', body: query });
        message.info(
          zh ? '数据量较大，已转为后台任务，完成后可在下方下载' : 'Large export: running as a job below',
        );
        qc.invalidateQueries({ queryKey: ['jobs'] });
      } else {
        await download(`/api/ledgers/${kind}`, `${l(ledgerKindLabels[kind])}.xlsx`, query);
      }
    } catch (e) {
      message.error((e as Error).message);
    }
  };
  return (
    <>
      <PageHeader
        title={zh ? '台账导出' : 'Ledger export'}
        sub={zh ? '按组织范围和期间导出标准台账（Excel）' : 'Standard ledgers of an org subtree and period'}
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Space wrap>
            <OrgTreeSelect
              value={org}
              onChange={setOrgId}
              allowClear={false}
              aria-label={zh ? '组织' : 'Organisation'}
            />
            <DatePicker.RangePicker
              value={range}
              allowClear={false}
              onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            />
          </Space>
        </Card>
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card size="small" title={zh ? '标准台账' : 'Ledgers'}>
              <Table
                size="small"
                rowKey="kind"
                pagination={false}
                loading={counts.isFetching}
                dataSource={ledgerKinds.map((kind) => ({ kind, rows: counts.data?.[kind] }))}
                columns={[
                  {
                    title: zh ? '台账' : 'Ledger',
                    key: 'name',
                    render: (_, r) => l(ledgerKindLabels[r.kind]),
                  },
                  {
                    title: zh ? '行数' : 'Rows',
                    key: 'rows',
                    align: 'right',
                    render: (_, r) => r.rows ?? '—',
                  },
                  {
                    title: '',
                    key: 'action',
                    align: 'right',
                    render: (_, r) => (
                      <Button size="small" type="link" onClick={() => exportOne(r.kind)} disabled={!org}>
                        {zh ? '导出' : 'Export'}
                      </Button>
                    ),
                  },
                ]}
              />
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            <JobList kind="ledger.export" />
          </Col>
        </Row>
      </Flex>
    </>
  );
}
