import { Card, Empty, Flex, Skeleton, Statistic, Table, Tag } from 'antd';
import { useNavigate } from 'react-router';
import type { Portfolio } from '../../../../../common/schemas/portfolio';
import {
  patentStatusLabels,
  patentTypeLabels,
  resultKindLabels,
} from '../../../../../common/schemas/results';
import { formatMoney } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { usePortfolio } from '../api';
import { useTexts } from '../texts';
import { GradeTag, ResultStatusTag } from './ResultTags';

/** 创新成果档案 for a person's page: results with their share, patents, awards and verified benefit by share. */
export function PortfolioSection({ personId }: { personId: number }) {
  const { lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const { data, isLoading } = usePortfolio(personId);
  if (isLoading) return <Skeleton active />;
  if (!data) return null;
  const tt = data.totals;
  return (
    <Card size="small" title={tx('portfolio')}>
      <Flex wrap gap={32} style={{ marginBottom: 12 }}>
        <Statistic title={tx('results')} value={tx('portfolioResults', { n: tt.results })} />
        <Statistic
          title={tx('patent')}
          value={tx('portfolioPatents', {
            n: tt.patents,
            i: tt.inventionPatents,
            u: tt.utilityModelPatents,
            d: tt.designPatents,
          })}
        />
        <Statistic title={tx('award')} value={tx('portfolioAwards', { n: tt.awards })} />
        <Statistic
          title={`${tx('portfolioBenefit')}（${tx('verifiedOnly')}）`}
          value={formatMoney(tt.verifiedBenefitFen, { fen: true })}
        />
      </Flex>
      {data.results.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Table<Portfolio['results'][number]>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={data.results}
          scroll={{ x: 'max-content' }}
          onRow={(r) => ({ onClick: () => navigate(`/results/${r.id}`), style: { cursor: 'pointer' } })}
          columns={[
            { title: tx('archiveNo'), dataIndex: 'archiveNo', width: 140 },
            { title: tx('title'), dataIndex: 'title', render: (v: string) => <a>{v}</a> },
            { title: tx('kind'), dataIndex: 'kind', render: (v) => labelOf(resultKindLabels, v, lang) },
            { title: tx('status'), dataIndex: 'status', render: (v) => <ResultStatusTag status={v} /> },
            { title: tx('share'), dataIndex: 'share', align: 'right', render: (v: number) => `${v}%` },
            {
              title: tx('patent'),
              dataIndex: 'patent',
              render: (p: Portfolio['results'][number]['patent']) =>
                p ? (
                  <Tag>{`${labelOf(patentTypeLabels, p.type, lang)} · ${labelOf(patentStatusLabels, p.status, lang)}`}</Tag>
                ) : (
                  ''
                ),
            },
            {
              title: tx('grade'),
              dataIndex: 'grade',
              render: (g, r) => (
                <>
                  {g && <GradeTag grade={g} />}
                  {r.award}
                </>
              ),
            },
            {
              title: tx('portfolioBenefit'),
              dataIndex: 'verifiedBenefitFen',
              align: 'right',
              render: (v: number) => formatMoney(v, { fen: true }),
            },
          ]}
        />
      )}
    </Card>
  );
}
