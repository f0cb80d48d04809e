import { Form, Select, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useNavigate } from 'react-router';
import type { Benefit } from '../../../../../common/schemas/benefits';
import type { Page } from '../../../../../common/schemas/shared';
import { benefitStatuses, benefitStatusLabels } from '../../../../../common/workflows/benefit';
import { api } from '../../../shared/api/client';
import { ExportButton } from '../../../shared/components/ExportButton';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatMoney } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { useTexts } from '../texts';

/** 效益核实: finance's queue of benefit calculations in their units (submitted ones first by default). */
export default function BenefitQueuePage() {
  const { lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const columns: ColumnsType<Benefit> = [
    {
      key: 'result',
      title: tx('title'),
      dataIndex: 'resultTitle',
      render: (v: string, b) => <a>{`${b.resultArchiveNo} ${v}`}</a>,
    },
    { key: 'unit', title: tx('unit'), dataIndex: 'orgName', width: 140 },
    {
      key: 'kind',
      title: tx('adoption'),
      dataIndex: 'adoptionId',
      width: 100,
      render: (v) => (v ? <Tag color="green">{tx('adoption')}</Tag> : tx('ownUse')),
    },
    {
      key: 'period',
      title: tx('period'),
      width: 200,
      render: (_, b) => `${formatDate(b.periodFrom)} ~ ${formatDate(b.periodTo)}`,
    },
    {
      key: 'amount',
      title: tx('amount'),
      dataIndex: 'amountFen',
      width: 140,
      align: 'right',
      render: (v: number) => formatMoney(v, { fen: true }),
    },
    {
      key: 'status',
      title: tx('status'),
      dataIndex: 'status',
      width: 110,
      render: (v) => (
        <Tag
          color={
            v === 'verified' ? 'green' : v === 'rejected' ? 'red' : v === 'submitted' ? 'gold' : 'default'
          }
        >
          {labelOf(benefitStatusLabels, v, lang)}
        </Tag>
      ),
    },
    { key: 'by', title: tx('verifier'), dataIndex: 'verifierName', width: 120 },
  ];
  return (
    <>
      <PageHeader title={tx('benefitQueue')} />
      <ListPage<Benefit>
        queryKey={['benefits']}
        fetchPage={(query) =>
          api<Page<Benefit>>('/api/benefits', { query: { status: 'submitted', ...query } })
        }
        rowKey="id"
        columns={columns}
        onRowClick={(b) => navigate(`/results/${b.resultId}#benefits`)}
        fromQuery={(q) => ({ ...q, orgId: q.orgId ? Number(q.orgId) : undefined })}
        filters={
          <>
            <Form.Item name="status">
              <Select
                placeholder={tx('status')}
                options={optionsOf(benefitStatuses, benefitStatusLabels, lang)}
                style={{ width: 140 }}
                allowClear
              />
            </Form.Item>
            <Form.Item name="orgId">
              <OrgTreeSelect placeholder={tx('unit')} style={{ width: 200 }} />
            </Form.Item>
          </>
        }
        extra={
          <ExportButton
            path="/api/benefits/export"
            name={tx('benefitQueue')}
            extra={{ status: 'submitted' }}
          />
        }
      />
    </>
  );
}
