import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Modal,
  Row,
  Select,
  Space,
  Spin,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { Bid, ChallengeDetail } from '../../../../../common/schemas/challenges';
import { bidStatusLabels } from '../../../../../common/schemas/challenges';
import type { Page } from '../../../../../common/schemas/shared';
import type { StudioListItem } from '../../../../../common/schemas/studios';
import { type ChallengeAction, challengeActionLabels } from '../../../../../common/workflows/challenge';
import { api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { type Label, useI18n } from '../../../shared/i18n';
import { StepsTimeline } from '../../ideas/components/IdeaSteps';
import { ChallengeStatusTag } from '../components/ChallengeStatusTag';
import { useTexts } from '../texts';

const stepLabels: Record<string, Label> = {
  ...challengeActionLabels,
  publish: { zh: '发布榜单', en: 'Published' },
  bid: { zh: '揭榜', en: 'Bid' },
  withdrawBid: { zh: '撤回揭榜', en: 'Bid withdrawn' },
};

/** A challenge: the problem, bounty and deadline; bids (all for the owner); the workflow actions; history. */
export default function ChallengeDetailPage() {
  const id = Number(useParams().id);
  const { l } = useI18n();
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message, modal } = App.useApp();
  const key = ['challenges', id];
  const {
    data: c,
    isLoading,
    error,
  } = useQuery({ queryKey: key, queryFn: () => api<ChallengeDetail>(`/api/challenges/${id}`) });
  const [action, setAction] = useState<ChallengeAction | null>(null);
  const [bidOpen, setBidOpen] = useState(false);
  if (isLoading) return <Spin />;
  if (error || !c) return <Alert type="error" showIcon title={(error as Error)?.message} />;

  const act = async (a: ChallengeAction, body: object) => {
    try {
      const next = await api<ChallengeDetail>(`/api/challenges/${id}/actions/${a}`, {
        method: 'POST',
        body: { version: c.version, ...body },
      });
      qc.setQueryData(key, next);
      void qc.invalidateQueries({ queryKey: ['challenges'] });
      message.success(l(challengeActionLabels[a]));
      return true;
    } catch (err) {
      toast(err);
      return false;
    }
  };
  const selectBid = (b: Bid) =>
    modal.confirm({
      title: `${tx('select')}：${b.studioName}`,
      content: b.proposal,
      onOk: () => act('select', { bidId: b.id }),
    });
  const withdraw = async (b: Bid) => {
    try {
      qc.setQueryData(
        key,
        await api<ChallengeDetail>(`/api/challenges/${id}/bids/${b.id}/withdraw`, { method: 'POST' }),
      );
    } catch (err) {
      toast(err);
    }
  };

  return (
    <>
      <PageHeader
        title={
          <span>
            <Typography.Text type="secondary">{c.code}</Typography.Text> {c.title}
          </span>
        }
        sub={<ChallengeStatusTag status={c.status} />}
        extra={
          <>
            {c.abilities.bid && (
              <Button type="primary" onClick={() => setBidOpen(true)}>
                {tx('bid')}
              </Button>
            )}
            {c.actions
              .filter((a) => a !== 'select')
              .map((a) => (
                <Button
                  key={a}
                  danger={a === 'cancel' || a === 'rejectAcceptance'}
                  type={a === 'accept' || a === 'start' ? 'primary' : 'default'}
                  onClick={() => setAction(a)}
                >
                  {l(challengeActionLabels[a])}
                </Button>
              ))}
          </>
        }
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={16}>
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small">
              <Descriptions column={{ xs: 1, sm: 2 }} size="small">
                <Descriptions.Item label={tx('owner')}>{c.ownerOrgName}</Descriptions.Item>
                <Descriptions.Item label={tx('field')}>{c.field}</Descriptions.Item>
                <Descriptions.Item label={tx('bounty')}>
                  <Typography.Text strong style={{ color: '#d4380d' }}>
                    {formatMoney(c.bountyFen, { fen: true })}
                  </Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={tx('deadline')}>{formatDate(c.deadline)}</Descriptions.Item>
                {c.selectedStudioName && (
                  <Descriptions.Item label={tx('selected')}>{c.selectedStudioName}</Descriptions.Item>
                )}
                {(c.projectId || c.projectRequestId) && (
                  <Descriptions.Item label={tx('project')}>
                    {c.projectId ? (
                      <Link to={`/projects/${c.projectId}`}>#{c.projectId}</Link>
                    ) : (
                      tx('projectPending')
                    )}
                  </Descriptions.Item>
                )}
                {c.bountyReleasedAt && (
                  <Descriptions.Item label={tx('bountyReleased')}>
                    {formatMoney(c.bountyReleasedFen, { fen: true })} · {formatDateTime(c.bountyReleasedAt)}
                  </Descriptions.Item>
                )}
                {c.acceptanceNote && (
                  <Descriptions.Item label={tx('acceptanceNote')} span={2}>
                    {c.acceptanceNote}
                  </Descriptions.Item>
                )}
              </Descriptions>
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginTop: 12, marginBottom: 0 }}>
                {c.description}
              </Typography.Paragraph>
            </Card>
            <Card size="small" title={`${tx('bids')}（${c.bidCount}）`}>
              {c.bids.length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={c.bidCount ? tx('ownBidOnly') : tx('noBids')}
                />
              ) : (
                <List
                  dataSource={c.bids}
                  renderItem={(b) => (
                    <List.Item
                      actions={[
                        c.actions.includes('select') && b.status === 'submitted' && (
                          <Button key="s" type="primary" size="small" onClick={() => selectBid(b)}>
                            {tx('select')}
                          </Button>
                        ),
                        b.abilities.withdraw && (
                          <Button key="w" size="small" onClick={() => withdraw(b)}>
                            {tx('withdraw')}
                          </Button>
                        ),
                      ].filter(Boolean)}
                    >
                      <List.Item.Meta
                        title={
                          <Space wrap>
                            {b.studioName}
                            <Typography.Text type="secondary">{b.enterpriseName}</Typography.Text>
                            <Tag color={b.status === 'selected' ? 'green' : undefined}>
                              {l(bidStatusLabels[b.status])}
                            </Tag>
                          </Space>
                        }
                        description={
                          <>
                            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>
                              {b.proposal}
                            </Typography.Paragraph>
                            {b.plan && (
                              <Typography.Paragraph
                                type="secondary"
                                style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}
                              >
                                {b.plan}
                              </Typography.Paragraph>
                            )}
                            <Typography.Text type="secondary">
                              {b.expectedDays ? `${tx('expectedDays')} ${b.expectedDays} · ` : ''}
                              {formatDateTime(b.createdAt)}
                            </Typography.Text>
                          </>
                        }
                      />
                    </List.Item>
                  )}
                />
              )}
            </Card>
          </Space>
        </Col>
        <Col xs={24} lg={8}>
          <Card size="small" title={tx('steps')}>
            <StepsTimeline steps={c.steps} labels={stepLabels} />
          </Card>
        </Col>
      </Row>
      <ActionModal action={action} onClose={() => setAction(null)} onSubmit={act} />
      <BidModal
        challenge={c}
        open={bidOpen}
        onClose={() => setBidOpen(false)}
        onSaved={(next) => qc.setQueryData(key, next)}
      />
    </>
  );
}

function ActionModal({
  action,
  onClose,
  onSubmit,
}: {
  action: ChallengeAction | null;
  onClose: () => void;
  onSubmit: (a: ChallengeAction, body: object) => Promise<boolean>;
}) {
  const { l } = useI18n();
  const tx = useTexts();
  const [form] = Form.useForm<{ note?: string; plannedEnd?: Dayjs }>();
  const noteRequired = action === 'accept' || action === 'rejectAcceptance';
  return (
    <Modal
      open={action !== null}
      title={action ? l(challengeActionLabels[action]) : ''}
      onCancel={onClose}
      destroyOnHidden
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v || !action) return;
        const ok = await onSubmit(action, { note: v.note, plannedEnd: v.plannedEnd?.format('YYYY-MM-DD') });
        if (ok) onClose();
      }}
    >
      <Form form={form} layout="vertical" preserve={false}>
        {action === 'start' && (
          <Form.Item name="plannedEnd" label={tx('plannedEnd')}>
            <DatePicker style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item
          name="note"
          label={noteRequired ? tx('acceptanceNote') : tx('note')}
          rules={noteRequired ? [{ required: true }] : []}
        >
          <Input.TextArea rows={4} maxLength={3000} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function BidModal({
  challenge,
  open,
  onClose,
  onSaved,
}: {
  challenge: ChallengeDetail;
  open: boolean;
  onClose: () => void;
  onSaved: (c: ChallengeDetail) => void;
}) {
  const tx = useTexts();
  const toast = useErrorToast();
  const [form] = Form.useForm();
  const [q, setQ] = useState('');
  const studios = useQuery({
    queryKey: ['studios', 'pick', q],
    queryFn: () => api<Page<StudioListItem>>('/api/studios', { query: { q, pageSize: 20 } }),
    enabled: open,
  });
  return (
    <Modal
      open={open}
      title={`${tx('bid')}：${challenge.title}`}
      onCancel={onClose}
      destroyOnHidden
      width={640}
      onOk={async () => {
        const v = await form.validateFields().catch(() => null);
        if (!v) return;
        try {
          onSaved(
            await api<ChallengeDetail>(`/api/challenges/${challenge.id}/bids`, { method: 'POST', body: v }),
          );
          onClose();
        } catch (err) {
          if (!applyServerErrors(form, err)) toast(err);
        }
      }}
    >
      <Form form={form} layout="vertical">
        <Form.Item name="studioId" label={tx('studio')} rules={[{ required: true }]}>
          <Select
            showSearch={{ filterOption: false, onSearch: setQ }}
            loading={studios.isFetching}
            options={(studios.data?.items ?? []).map((s) => ({
              value: s.id,
              label: `${s.name}（${s.hostOrgName}）`,
            }))}
          />
        </Form.Item>
        <Form.Item name="proposal" label={tx('proposal')} rules={[{ required: true, min: 10, max: 5000 }]}>
          <Input.TextArea rows={5} maxLength={5000} showCount />
        </Form.Item>
        <Form.Item name="plan" label={tx('plan')}>
          <Input.TextArea rows={3} maxLength={5000} />
        </Form.Item>
        <Form.Item name="expectedDays" label={tx('expectedDays')}>
          <InputNumber min={1} max={3650} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
