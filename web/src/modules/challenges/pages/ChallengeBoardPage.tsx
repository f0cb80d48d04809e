import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Button, Checkbox, Form, Input, Select, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { Challenge } from '../../../../../common/schemas/challenges';
import type { Page } from '../../../../../common/schemas/shared';
import {
  type ChallengeStatus,
  challengeStatuses,
  challengeStatusLabels,
} from '../../../../../common/workflows/challenge';
import { api } from '../../../shared/api/client';
import { ListPage } from '../../../shared/components/ListPage';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatMoney, formatWan } from '../../../shared/format';
import { usePhone } from '../../../shared/hooks/useFormLayout';
import { usePermission } from '../../../shared/hooks/usePermission';
import { useI18n } from '../../../shared/i18n';
import { optionsOf } from '../../../shared/labels';
import { ChallengeFormModal } from '../components/ChallengeFormModal';
import { ChallengeStatusTag } from '../components/ChallengeStatusTag';
import { useTexts } from '../texts';

/** The challenge board: open problems first, with bounty and deadline; admins post new ones. */
export default function ChallengeBoardPage() {
  const { lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const canPost = usePermission('challenges.manage');
  const [open, setOpen] = useState(false);
  const phone = usePhone();
  const columns: ColumnsType<Challenge> = [
    { key: 'code', title: tx('code'), dataIndex: 'code', width: 140 },
    {
      key: 'title',
      title: tx('title'),
      dataIndex: 'title',
      render: (v: string, c) => (
        <>
          <Typography.Link>{v}</Typography.Link>
          {phone && (
            <div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {formatWan(c.bountyFen, { fen: true, lang })} · {tx('deadline')} {formatDate(c.deadline)} ·{' '}
                {tx('bidCount', { n: c.bidCount })}
              </Typography.Text>
            </div>
          )}
        </>
      ),
    },
    { key: 'field', title: tx('field'), dataIndex: 'field', width: 110 },
    { key: 'owner', title: tx('owner'), dataIndex: 'ownerOrgName', width: 130, ellipsis: true },
    {
      key: 'bounty',
      title: tx('bounty'),
      dataIndex: 'bountyFen',
      width: 130,
      align: 'right',
      render: (v: number) => formatMoney(v, { fen: true }),
    },
    { key: 'deadline', title: tx('deadline'), dataIndex: 'deadline', width: 110, render: formatDate },
    {
      key: 'bids',
      title: tx('bids'),
      dataIndex: 'bidCount',
      width: 90,
      render: (n: number) => tx('bidCount', { n }),
    },
    {
      key: 'status',
      title: tx('status'),
      dataIndex: 'status',
      width: 100,
      render: (v: ChallengeStatus) => <ChallengeStatusTag status={v} />,
    },
  ];
  return (
    <>
      <PageHeader
        title={tx('board')}
        sub={tx('boardSub')}
        extra={
          canPost && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setOpen(true)}>
              {tx('post')}
            </Button>
          )
        }
      />
      <ListPage<Challenge, { q?: string; status?: string; field?: string; mine?: boolean }>
        queryKey={['challenges']}
        fetchPage={(query) => api<Page<Challenge>>('/api/challenges', { query })}
        rowKey="id"
        columns={columns}
        settingsKey="challenges"
        phoneColumns={['title', 'status']}
        onRowClick={(r) => navigate(`/challenges/${r.id}`)}
        toQuery={(v) => ({ ...v, mine: v.mine ? 'true' : undefined })}
        fromQuery={(q) => ({ ...q, mine: q.mine === 'true' })}
        filters={
          <>
            <Form.Item name="q">
              <Input allowClear placeholder={tx('search')} style={{ width: 180 }} />
            </Form.Item>
            <Form.Item name="field">
              <Input allowClear placeholder={tx('field')} style={{ width: 120 }} />
            </Form.Item>
            <Form.Item name="status">
              <Select
                allowClear
                placeholder={tx('status')}
                style={{ width: 120 }}
                options={optionsOf(challengeStatuses, challengeStatusLabels, lang)}
              />
            </Form.Item>
            {canPost && (
              <Form.Item name="mine" valuePropName="checked">
                <Checkbox>{tx('mine')}</Checkbox>
              </Form.Item>
            )}
          </>
        }
      />
      <ChallengeFormModal
        open={open}
        onClose={() => setOpen(false)}
        onSaved={(c) => {
          setOpen(false);
          void qc.invalidateQueries({ queryKey: ['challenges'] });
          navigate(`/challenges/${c.id}`);
        }}
      />
    </>
  );
}
