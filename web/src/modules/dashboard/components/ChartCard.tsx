import { Card, Empty, Segmented, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { StatRow, StatTable } from '../../../../../common/schemas/stats';
import { useI18n } from '../../../shared/i18n';
import { chartValue, formatStat } from '../format';
import { EChart, type EChartsOption } from './EChart';

const palette = ['#1a5fb4', '#e5a50a', '#26a269', '#c01c28', '#613583', '#865e3c', '#1c71d8', '#98c1d9'];

/** The ECharts option for a breakdown: grouped bars, a line per series, or a pie of the first series. */
export function optionOf(table: StatTable, seriesIndex?: number[]): EChartsOption {
  const shown = seriesIndex ?? table.series.map((_, i) => i);
  const unitOf = (i: number) => table.series[i]?.unit ?? table.unit;
  if (table.chart === 'pie') {
    return {
      color: palette,
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          data: table.rows.map((r) => ({ name: r.label, value: chartValue(r.values[0] ?? 0, table.unit) })),
        },
      ],
    };
  }
  return {
    color: palette,
    tooltip: { trigger: 'axis' },
    legend: shown.length > 1 ? { type: 'scroll', top: 0 } : undefined,
    grid: { left: 8, right: 8, top: shown.length > 1 ? 32 : 12, bottom: 8, containLabel: true },
    xAxis: {
      type: 'category',
      data: table.rows.map((r) => r.label),
      axisLabel: { interval: 0, hideOverlap: true },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: shown.map((i) => ({
      type: table.chart,
      name: table.series[i]?.label,
      data: table.rows.map((r) => chartValue(r.values[i] ?? 0, unitOf(i))),
      barMaxWidth: 36,
    })),
  };
}

/** The same data as an antd table: one column per series, each number linking to the list behind it. */
export function StatDataTable({ table, first }: { table: StatTable; first?: string }) {
  const { lang } = useI18n();
  const columns: ColumnsType<StatRow> = [
    { key: 'label', title: first ?? '', dataIndex: 'label', fixed: 'left' },
    ...table.series.map((s, i) => ({
      key: s.key,
      title: s.label,
      align: 'right' as const,
      render: (_: unknown, r: StatRow) => {
        const text = formatStat(r.values[i] ?? 0, s.unit ?? table.unit, lang);
        const link = r.links[i];
        return link ? <Link to={link}>{text}</Link> : text;
      },
    })),
  ];
  return (
    <Table<StatRow>
      size="small"
      rowKey="key"
      columns={columns}
      dataSource={table.rows}
      pagination={table.rows.length > 12 ? { pageSize: 12, size: 'small' } : false}
      scroll={{ x: 'max-content' }}
    />
  );
}

/** A breakdown as a chart, with a 图表/表格 toggle to the same data as a table. Clicking a bar opens its list. */
export function ChartCard({
  table,
  extra,
  height,
}: {
  table: StatTable;
  extra?: ReactNode;
  height?: number;
}) {
  const { lang } = useI18n();
  const navigate = useNavigate();
  const [view, setView] = useState<'chart' | 'table'>('chart');
  const option = useMemo(() => optionOf(table), [table]);
  const empty = table.rows.length === 0 || table.rows.every((r) => r.values.every((v) => v === 0));
  return (
    <Card
      size="small"
      title={table.title}
      extra={
        <>
          {extra}
          <Segmented
            size="small"
            value={view}
            onChange={(v) => setView(v as 'chart' | 'table')}
            options={[
              { value: 'chart', label: lang === 'en' ? 'Chart' : '图表' },
              { value: 'table', label: lang === 'en' ? 'Table' : '表格' },
            ]}
          />
        </>
      }
      style={{ height: '100%' }}
    >
      {empty && view === 'chart' ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={lang === 'en' ? 'No data' : '暂无数据'} />
      ) : view === 'chart' ? (
        <EChart
          option={option}
          height={height}
          ariaLabel={table.title}
          onClick={({ dataIndex, seriesIndex }) => {
            const link = table.rows[dataIndex]?.links[table.chart === 'pie' ? 0 : seriesIndex];
            if (link) navigate(link);
          }}
        />
      ) : (
        <StatDataTable table={table} />
      )}
    </Card>
  );
}
