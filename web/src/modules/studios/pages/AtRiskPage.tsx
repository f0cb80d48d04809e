import { NotificationOutlined } from '@ant-design/icons';
import { Alert, App, Button, Form } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Page } from '../../../../../common/schemas/shared';
import type { AtRiskItem } from '../../../../../common/schemas/studios';
import { api } from '../../../shared/api/client';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { OrgTreeSelect } from '../../orgs/components/OrgTreeSelect';
import { studioKeys } from '../api';
import { LevelTag, StatusTag } from '../components/StudioTags';
import { useTexts } from '../texts';

type Row = AtRiskItem & { id: number };

/** 健康预警: studios with no result, activity or benefit in 12 months, idle longest first; admins notify. */
export default function AtRiskPage() {
  const tx = useTexts();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const toast = useErrorToast();
  const [notifying, setNotifying] = useState(false);
  const date = (d: string | null) => (d ? formatDate(d) : tx('noData'));

  const notify = async () => {
    setNotifying(true);
    try {
      const r = await api<{ studios: number; notified: number }>('/api/studios/at-risk/notify', {
        method: 'POST',
      });
      message.success(tx('notified', r));
    } catch (err) {
      toast(err);
    } finally {
      setNotifying(false);
    }
  };

  const columns: ColumnsType<Row> = [
    { key: 'code', title: tx('code'), render: (_, x) => x.studio.code, width: 130 },
    { key: 'name', title: tx('name'), render: (_, x) => <a>{x.studio.name}</a> },
    {
      key: 'enterprise',
      title: tx('enterprise'),
      render: (_, x) => x.studio.enterpriseName ?? x.studio.hostOrgName,
      width: 190,
    },
    { key: 'leader', title: tx('leader'), render: (_, x) => x.studio.leaderName ?? '—', width: 90 },
    { key: 'founded', title: tx('foundedOn'), render: (_, x) => formatDate(x.studio.foundedOn), width: 110 },
    {
      key: 'level',
      title: tx('level'),
      render: (_, x) => <LevelTag level={x.studio.currentLevel} />,
      width: 100,
    },
    {
      key: 'status',
      title: tx('status'),
      render: (_, x) => <StatusTag status={x.studio.status} />,
      width: 90,
    },
    { key: 'result', title: tx('lastResult'), render: (_, x) => date(x.health.lastResultOn), width: 110 },
    {
      key: 'activity',
      title: tx('lastActivity'),
      render: (_, x) => date(x.health.lastActivityOn),
      width: 110,
    },
    { key: 'benefit', title: tx('lastBenefit'), render: (_, x) => date(x.health.lastBenefitOn), width: 110 },
  ];

  return (
    <>
      <PageHeader title={tx('atRisk')} />
      <Alert type="info" showIcon title={tx('healthRule')} style={{ marginBottom: 16 }} />
      <ListPage<Row>
        queryKey={studioKeys.atRisk}
        fetchPage={async (query) => {
          const page = await api<Page<AtRiskItem>>('/api/studios/at-risk', { query });
          return { ...page, items: page.items.map((x) => ({ ...x, id: x.studio.id })) };
        }}
        rowKey="id"
        columns={columns}
        phoneColumns={['name', 'enterprise']}
        onRowClick={(x) => navigate(`/studios/${x.studio.id}?tab=health`)}
        fromQuery={(q) => ({ orgId: q.orgId ? Number(q.orgId) : undefined })}
        filters={
          <Form.Item name="orgId">
            <OrgTreeSelect placeholder={tx('enterprise')} style={{ width: 220 }} />
          </Form.Item>
        }
        extra={
          <Button icon={<NotificationOutlined />} loading={notifying} onClick={notify}>
            {tx('notify')}
          </Button>
        }
      />
    </>
  );
}
