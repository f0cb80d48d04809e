import { useQuery } from '@tanstack/react-query';
import {
  Card,
  Col,
  Empty,
  Flex,
  Form,
  Input,
  Pagination,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { MarketItem } from '../../../../../common/schemas/adoptions';
import { resultKindLabels, resultKinds } from '../../../../../common/schemas/results';
import type { Page } from '../../../../../common/schemas/shared';
import { api } from '../../../shared/api/client';
import { ExportButton } from '../../../shared/components/ExportButton';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatMoney } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { resultKeys } from '../api';
import { GradeTag } from '../components/ResultTags';
import { useTexts } from '../texts';

/** 成果推广: a card gallery of recognised, non-confidential results of the whole group, filterable by kind, field and text. */
export default function MarketPage() {
  const { t, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const [filters, setFilters] = useState<{ q?: string; kind?: string; field?: string }>({});
  const [page, setPage] = useState(1);
  const { data, isLoading } = useQuery({
    queryKey: [...resultKeys.market, filters, page],
    queryFn: () =>
      api<Page<MarketItem>>('/api/market/results', { query: { ...filters, page, pageSize: 12 } }),
  });
  return (
    <>
      <PageHeader
        title={tx('market')}
        sub={tx('marketSub')}
        extra={<ExportButton path="/api/market/results/export" name={tx('market')} filters={filters} />}
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Form
          layout="inline"
          onFinish={(v) => {
            setFilters(v);
            setPage(1);
          }}
          style={{ rowGap: 12 }}
        >
          <Form.Item name="q">
            <Input.Search
              allowClear
              placeholder={tx('searchResults')}
              style={{ width: 240 }}
              onSearch={(q) => setFilters((f) => ({ ...f, q }))}
            />
          </Form.Item>
          <Form.Item name="kind">
            <Select
              allowClear
              placeholder={tx('kind')}
              options={optionsOf(resultKinds, resultKindLabels, lang)}
              style={{ width: 130 }}
              onChange={(kind) => setFilters((f) => ({ ...f, kind }))}
            />
          </Form.Item>
          <Form.Item name="field">
            <Input
              allowClear
              placeholder={tx('field')}
              style={{ width: 140 }}
              onPressEnter={(e) => setFilters((f) => ({ ...f, field: (e.target as HTMLInputElement).value }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {isLoading ? (
        <Skeleton active />
      ) : !data?.items.length ? (
        <Empty />
      ) : (
        <>
          <Row gutter={[16, 16]}>
            {data.items.map((r) => (
              <Col key={r.id} xs={24} md={12} xl={8}>
                <Card
                  hoverable
                  size="small"
                  onClick={() => navigate(`/results/${r.id}`)}
                  style={{ height: '100%' }}
                >
                  <Flex vertical gap={6}>
                    <Space size={4} wrap>
                      <Tag color="blue">{labelOf(resultKindLabels, r.kind, lang)}</Tag>
                      <GradeTag grade={r.grade} />
                      {r.field && <Tag bordered={false}>{r.field}</Tag>}
                    </Space>
                    <Typography.Title level={5} style={{ margin: 0 }}>
                      {r.title}
                    </Typography.Title>
                    <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ margin: 0 }}>
                      {r.problem}
                    </Typography.Paragraph>
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {r.enterpriseName} · {r.studioName} · {formatDate(r.recognisedOn)}
                    </Typography.Text>
                    <Flex justify="space-between" align="end">
                      <Statistic
                        title={`${tx('verifiedBenefit')}（${tx('verifiedOnly')}）`}
                        value={formatMoney(r.verifiedBenefitFen, { fen: true })}
                        styles={{ content: { fontSize: 16 } }}
                      />
                      <Tag color={r.adoptionCount ? 'green' : 'default'}>
                        {tx('adoptionCount', { n: r.adoptionCount })}
                      </Tag>
                    </Flex>
                  </Flex>
                </Card>
              </Col>
            ))}
          </Row>
          <Flex justify="flex-end" style={{ marginTop: 16 }}>
            <Pagination
              current={page}
              pageSize={12}
              total={data.total}
              onChange={setPage}
              showTotal={(n) => t('common.totalItems', { n })}
            />
          </Flex>
        </>
      )}
    </>
  );
}
