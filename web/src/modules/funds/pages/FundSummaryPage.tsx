import { useQuery } from '@tanstack/react-query';
import { Card, Flex, InputNumber, Table, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router';
import {
  expenseCategories,
  expenseCategoryLabels,
  type FundSummary,
  type FundSummaryRow,
  fundSourceLabels,
  fundSources,
} from '../../../../../common/schemas/funds';
import { api } from '../../../shared/api/client';
import { ExportButton } from '../../../shared/components/ExportButton';
import { LabelledProgress } from '../../../shared/components/LabelledProgress';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatMoney } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { StudioSelect } from '../../activities/components/StudioSelect';
import { useLifeTexts } from '../../activities/texts';
import { fundKeys } from '../api';
import { FundsTabs } from '../components/FundsTabs';
import { useFundTexts } from '../texts';

/** 预算执行: per studio and year, allocations by source against approved spending by category. */
export default function FundSummaryPage() {
  const { l } = useI18n();
  const tx = useFundTexts();
  const lx = useLifeTexts();
  const [params, setParams] = useSearchParams();
  const year = Number(params.get('year') ?? dayjs().year());
  const studioId = params.get('studioId') ? Number(params.get('studioId')) : undefined;
  const set = (k: string, v: string | number | undefined | null) => {
    const p = new URLSearchParams(params);
    if (v === undefined || v === null || v === '') p.delete(k);
    else p.set(k, String(v));
    setParams(p);
  };
  const { data, isFetching } = useQuery({
    queryKey: fundKeys.summary(year, studioId),
    queryFn: () => api<FundSummary>('/api/funds/summary', { query: { year, studioId } }),
  });
  const money = (f: number) => formatMoney(f, { fen: true });
  type R = FundSummaryRow | (FundSummary['total'] & { studioId: 0; studioName: string });
  const rows: R[] = data ? [...data.rows, { ...data.total, studioId: 0, studioName: tx('total') }] : [];
  return (
    <>
      <PageHeader title={tx('funds')} extra={<FundsTabs />} />
      <Flex vertical gap={16}>
        <Card size="small">
          <Flex gap={12} wrap align="center" justify="space-between">
            <Flex gap={12} wrap align="center">
              <Typography.Text>{tx('year')}</Typography.Text>
              <InputNumber
                value={year}
                min={2000}
                max={2100}
                onChange={(v) => set('year', v)}
                aria-label={tx('year')}
                style={{ width: 100 }}
              />
              <StudioSelect value={studioId} onChange={(v) => set('studioId', v)} style={{ width: 240 }} />
            </Flex>
            <ExportButton
              path="/api/funds/summary/export"
              name={`${year}${tx('summary')}`}
              extra={{ year: String(year) }}
            />
          </Flex>
        </Card>
        <Card size="small">
          <Table<R>
            size="small"
            rowKey="studioId"
            loading={isFetching}
            pagination={false}
            dataSource={rows}
            scroll={{ x: 'max-content' }}
            rowClassName={(r) => (r.studioId === 0 ? 'jx-total-row' : '')}
            columns={[
              {
                title: lx('studio'),
                dataIndex: 'studioName',
                fixed: 'left',
                render: (v: string, r) => (r.studioId === 0 ? <strong>{v}</strong> : v),
              },
              {
                title: tx('budget'),
                children: [
                  ...fundSources.map((s) => ({
                    title: l(fundSourceLabels[s]),
                    key: s,
                    align: 'right' as const,
                    render: (_: unknown, r: R) => money(r.bySource[s]),
                  })),
                  {
                    title: tx('total'),
                    key: 'allocated',
                    align: 'right' as const,
                    render: (_: unknown, r: R) => <strong>{money(r.allocatedFen)}</strong>,
                  },
                ],
              },
              {
                title: tx('actual'),
                children: [
                  ...expenseCategories.map((c) => ({
                    title: l(expenseCategoryLabels[c]),
                    key: c,
                    align: 'right' as const,
                    render: (_: unknown, r: R) => money(r.byCategory[c]),
                  })),
                  {
                    title: tx('total'),
                    key: 'approved',
                    align: 'right' as const,
                    render: (_: unknown, r: R) => <strong>{money(r.approvedFen)}</strong>,
                  },
                ],
              },
              { title: tx('pending'), key: 'pending', align: 'right', render: (_, r) => money(r.pendingFen) },
              {
                title: tx('remaining'),
                key: 'remaining',
                align: 'right',
                render: (_, r) => money(r.remainingFen),
              },
              {
                title: tx('executionRate'),
                key: 'rate',
                width: 190,
                render: (_, r) =>
                  r.executionRate === null ? (
                    '—'
                  ) : (
                    <LabelledProgress
                      label={tx('executionRate')}
                      percent={Math.round(r.executionRate * 1000) / 10}
                      size="small"
                      style={{ width: 170 }}
                    />
                  ),
              },
            ]}
          />
        </Card>
      </Flex>
    </>
  );
}
