import { Alert, Card, DatePicker, Flex, Select, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { useI18n } from '../../../shared/i18n';
import { useComparison } from '../api';
import { optionOf, StatDataTable } from './ChartCard';
import { EChart } from './EChart';

/**
 * Year-over-year (`trend`) or enterprise comparison (`compare`) over a period of whole years the user picks:
 * one metric charted at a time, every metric in the table below.
 */
export function ComparisonPanel({
  kind,
  orgId,
  year,
}: {
  kind: 'trend' | 'compare';
  orgId: number | undefined;
  year: number;
}) {
  const { lang } = useI18n();
  const navigate = useNavigate();
  const [period, setPeriod] = useState<[number, number]>(kind === 'trend' ? [year - 4, year] : [year, year]);
  const { data, error, isFetching } = useComparison(kind, orgId, period[0], period[1]);
  const [metric, setMetric] = useState<string>();
  const table = data?.table;
  const index = Math.max(0, table?.series.findIndex((s) => s.key === metric) ?? 0);
  const option = useMemo(
    () => (table ? optionOf({ ...table, chart: kind === 'trend' ? 'line' : 'bar' }, [index]) : null),
    [table, index, kind],
  );
  const zh = lang === 'zh';
  return (
    <Flex vertical gap={16}>
      <Card size="small">
        <Space wrap>
          <Typography.Text>{zh ? '统计期间' : 'Period'}</Typography.Text>
          <DatePicker.RangePicker
            picker="year"
            allowClear={false}
            value={[dayjs(`${period[0]}-01-01`), dayjs(`${period[1]}-01-01`)]}
            onChange={(v) => v?.[0] && v[1] && setPeriod([v[0].year(), v[1].year()])}
            aria-label={zh ? '统计期间' : 'Period'}
          />
          <Typography.Text>{zh ? '图表指标' : 'Charted metric'}</Typography.Text>
          <Select
            style={{ minWidth: 180 }}
            value={table?.series[index]?.key}
            onChange={setMetric}
            options={table?.series.map((s) => ({ value: s.key, label: s.label })) ?? []}
          />
        </Space>
      </Card>
      {error && <Alert type="error" showIcon title={(error as Error).message} />}
      {data && data.missing.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={`${zh ? '以下模块尚未启用，相关指标暂缺' : 'Not available yet'}：${data.missing.map((m) => m.label).join('、')}`}
        />
      )}
      {table && option && (
        <Card
          size="small"
          title={`${table.title} · ${table.series[index]?.label ?? ''}`}
          loading={isFetching && !data}
        >
          <EChart
            option={option}
            height={300}
            ariaLabel={table.title}
            onClick={({ dataIndex }) => {
              const link = table.rows[dataIndex]?.links[index];
              if (link) navigate(link);
            }}
          />
        </Card>
      )}
      {table && (
        <Card size="small" title={zh ? '数据表' : 'Data'}>
          <StatDataTable
            table={table}
            first={kind === 'trend' ? (zh ? '年度' : 'Year') : zh ? '单位' : 'Unit'}
          />
        </Card>
      )}
    </Flex>
  );
}
