import { Alert, Card, Col, DatePicker, Flex, List, Row, Space, Tabs, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link, useSearchParams } from 'react-router';
import type { StatsOverview } from '../../../../../common/schemas/stats';
import { PageHeader } from '../../../shared/components/PageHeader';
import { useMe } from '../../../shared/hooks/useMe';
import { useI18n } from '../../../shared/i18n';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { useOverview } from '../api';
import { ChartCard } from '../components/ChartCard';
import { ComparisonPanel } from '../components/ComparisonPanel';
import { FigureGrid } from '../components/FigureGrid';

const groups: { title: { zh: string; en: string }; prefixes: string[] }[] = [
  { title: { zh: '工作室', en: 'Studios' }, prefixes: ['studios.'] },
  { title: { zh: '普及面', en: 'Coverage' }, prefixes: ['coverage.'] },
  {
    title: { zh: '创新成果', en: 'Innovation' },
    prefixes: ['results.', 'patents.', 'projects.', 'benefit.'],
  },
  {
    title: { zh: '活动、培训与师带徒', en: 'Activities, training, mentoring' },
    prefixes: ['activities.', 'training.', 'mentorships.'],
  },
  { title: { zh: '金点子', en: 'Ideas' }, prefixes: ['ideas.'] },
];

function Overview({ data }: { data: StatsOverview }) {
  const { l, lang } = useI18n();
  const zh = lang === 'zh';
  return (
    <Flex vertical gap={16}>
      {data.missing.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={`${zh ? '以下模块尚未启用，相关指标暂缺' : 'These modules are not available yet'}：${data.missing.map((m) => m.label).join('、')}`}
        />
      )}
      {groups.map((g) => {
        const figures = data.figures.filter((f) => g.prefixes.some((p) => f.key.startsWith(p)));
        if (figures.length === 0) return null;
        return (
          <Card key={g.title.zh} size="small" title={l(g.title)}>
            <FigureGrid figures={figures} />
          </Card>
        );
      })}
      <Row gutter={[16, 16]}>
        {data.tables.map((t) => (
          <Col key={t.key} xs={24} lg={12}>
            <ChartCard table={t} />
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={zh ? '覆盖空白（未建工作室）' : 'Coverage gaps (no studio)'}
            id="coverage-gaps"
            style={{ height: '100%' }}
          >
            <Typography.Text type="secondary">{zh ? '企业' : 'Enterprises'}</Typography.Text>
            <div style={{ margin: '4px 0 12px' }}>
              {data.gaps.enterprises.length === 0
                ? '—'
                : data.gaps.enterprises.map((o) => <Tag key={o.id}>{o.name}</Tag>)}
              <More shown={data.gaps.enterprises.length} total={data.gaps.enterprisesTotal} />
            </div>
            <Typography.Text type="secondary">{zh ? '车间' : 'Workshops'}</Typography.Text>
            <div style={{ marginTop: 4 }}>
              {data.gaps.workshops.length === 0
                ? '—'
                : data.gaps.workshops.map((o) => <Tag key={o.id}>{o.name}</Tag>)}
              <More shown={data.gaps.workshops.length} total={data.gaps.workshopsTotal} />
            </div>
          </Card>
        </Col>
        <Col xs={24} lg={12}>
          <Card
            size="small"
            title={zh ? '风险工作室（12 个月无成果、活动或效益）' : 'Studios at risk'}
            extra={
              data.atRiskTotal > atRiskShown ? (
                <Link to={`/studios/at-risk?orgId=${data.org.id}`}>
                  {zh
                    ? `查看全部 ${data.atRiskTotal.toLocaleString()} 个`
                    : `All ${data.atRiskTotal.toLocaleString()}`}
                </Link>
              ) : null
            }
            style={{ height: '100%' }}
          >
            <List
              size="small"
              dataSource={(data.atRisk ?? []).slice(0, atRiskShown)}
              locale={{
                emptyText: <Typography.Text type="secondary">{zh ? '暂无' : 'None'}</Typography.Text>,
              }}
              renderItem={(s) => (
                <List.Item
                  extra={
                    <Typography.Text type="secondary">
                      {s.lastSignalOn ?? (zh ? '从无记录' : 'never')}
                    </Typography.Text>
                  }
                >
                  <Link to={`/studios/${s.id}`}>{s.name}</Link>
                  <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                    {s.hostOrgName}
                  </Typography.Text>
                </List.Item>
              )}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}

/** At-risk studios shown on the card, longest without a record first; the rest are one click away. */
const atRiskShown = 10;

/** “… and N more” after a list the overview cut at its cap. */
function More({ shown, total }: { shown: number; total: number }) {
  const { lang } = useI18n();
  if (total <= shown) return null;
  return (
    <Typography.Text type="secondary">
      {lang === 'zh'
        ? `等 ${total.toLocaleString()} 个（显示前 ${shown} 个）`
        : `${total.toLocaleString()} in all (first ${shown} shown)`}
    </Typography.Text>
  );
}

/** 数据看板: the figures of any org node the user may see, with year-over-year and enterprise comparisons. */
export default function DashboardPage() {
  const { lang } = useI18n();
  const zh = lang === 'zh';
  const { data: me } = useMe();
  const [params, setParams] = useSearchParams();
  const adminGrant = me?.grants.find((g) => g.role === 'group_admin' || g.role === 'enterprise_admin');
  const orgId = Number(params.get('orgId')) || adminGrant?.orgId;
  const year = Number(params.get('year')) || dayjs().year();
  const tab = params.get('tab') ?? 'overview';
  const set = (patch: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch))
      if (v === undefined) next.delete(k);
      else next.set(k, String(v));
    setParams(next, { replace: true });
  };
  const { data, error, isFetching } = useOverview(orgId, year);
  return (
    <>
      <PageHeader
        title={zh ? '数据看板' : 'Dashboard'}
        sub={
          data
            ? // When the figures were computed: a large org's are served as computed while fresh ones are prepared.
              `${data.org.name} · ${data.year}${zh ? ' 年' : ''} · ${zh ? '统计于' : 'as of'} ${dayjs(data.asOf).format('YYYY-MM-DD HH:mm')}`
            : undefined
        }
        extra={
          <Space wrap>
            <OrgTreeSelect
              value={orgId}
              onChange={(v) => v && set({ orgId: v })}
              allowClear={false}
              aria-label={zh ? '组织' : 'Organisation'}
            />
            {tab === 'overview' && (
              <DatePicker
                picker="year"
                allowClear={false}
                value={dayjs(`${year}-01-01`)}
                onChange={(d) => d && set({ year: d.year() })}
                aria-label={zh ? '年度' : 'Year'}
              />
            )}
          </Space>
        }
      />
      {error && <Alert type="error" showIcon title={(error as Error).message} style={{ marginBottom: 16 }} />}
      <Tabs
        activeKey={tab}
        onChange={(k) => set({ tab: k === 'overview' ? undefined : k })}
        items={[
          {
            key: 'overview',
            label: zh ? '概览' : 'Overview',
            children: data ? <Overview data={data} /> : <Card loading={isFetching} />,
          },
          {
            key: 'trend',
            label: zh ? '逐年对比' : 'Year over year',
            children: <ComparisonPanel kind="trend" orgId={orgId} year={year} />,
          },
          {
            key: 'compare',
            label: zh ? '企业对比' : 'Enterprises',
            children: <ComparisonPanel kind="compare" orgId={orgId} year={year} />,
          },
        ]}
        destroyOnHidden
      />
    </>
  );
}
