import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Modal,
  Result,
  Row,
  Skeleton,
  Statistic,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { type ExpenseDetail, expenseCategoryLabels } from '../../../../../common/schemas/funds';
import {
  type ExpenseAction,
  expenseActionLabels,
  expenseActions,
} from '../../../../../common/workflows/fund-expenses';
import { ApiError, api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatDateTime, formatMoney } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { useLifeTexts } from '../../activities/texts';
import { fundKeys, useExpense } from '../api';
import { ExpenseStatusTag } from '../components/ExpenseStatusTag';
import { Receipts } from '../components/Receipts';
import { useFundTexts } from '../texts';

/** An expense: amounts, receipts, the studio's balance, the approval history and the workflow buttons. */
export default function ExpenseDetailPage() {
  const { id } = useParams();
  const { t, l, lang } = useI18n();
  const tx = useFundTexts();
  const lx = useLifeTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const [acting, setActing] = useState<ExpenseAction | null>(null);
  const [refusal, setRefusal] = useState<ApiError | null>(null);
  const [note, setNote] = useState('');
  const { data: e, isLoading, error } = useExpense(Number(id));
  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !e)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;
  const ab = e.abilities ?? {};
  const reload = () => qc.invalidateQueries({ queryKey: ['funds'] });
  const money = (f: number) => formatMoney(f, { fen: true });

  const run = async (action: ExpenseAction, withNote?: string) => {
    setRefusal(null);
    try {
      const saved = await api<ExpenseDetail>(`/api/funds/expenses/${e.id}/${action}`, {
        method: 'POST',
        body: { version: e.version, note: withNote || null },
      });
      qc.setQueryData(fundKeys.expense(e.id), saved);
      void reload();
      message.success(t('common.done'));
      setActing(null);
    } catch (err) {
      if (err instanceof ApiError && err.code === 'funds.insufficient_balance') {
        setRefusal(err);
        setActing(null);
      } else toast(err);
    }
  };
  const start = (action: ExpenseAction) => {
    setNote('');
    if (action === 'approve' || action === 'reject') setActing(action);
    else
      modal.confirm({
        title: l(expenseActionLabels[action]),
        content: e.description,
        onOk: () => run(action),
      });
  };
  const setArchived = (archived: boolean) =>
    modal.confirm({
      title: archived ? t('common.archive') : t('common.restore'),
      content: t(archived ? 'common.confirmArchive' : 'common.confirmRestore', { name: e.description }),
      onOk: async () => {
        try {
          qc.setQueryData(
            fundKeys.expense(e.id),
            await api<ExpenseDetail>(`/api/funds/expenses/${e.id}/${archived ? 'archive' : 'restore'}`, {
              method: 'POST',
              body: { version: e.version },
            }),
          );
          void reload();
        } catch (err) {
          toast(err);
        }
      },
    });

  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate(-1)}
              aria-label={t('common.back')}
            />
            {e.description}
            <ExpenseStatusTag status={e.status} />
            {e.archivedAt && <Tag>{t('common.archived')}</Tag>}
          </Flex>
        }
        extra={
          <>
            {ab.update && (
              <Button onClick={() => navigate(`/funds/expenses/${e.id}/edit`)}>{t('common.edit')}</Button>
            )}
            {expenseActions
              .filter((a) => ab[a])
              .map((a) => (
                <Button
                  key={a}
                  type={a === 'submit' || a === 'approve' ? 'primary' : 'default'}
                  danger={a === 'reject'}
                  onClick={() => start(a)}
                >
                  {l(expenseActionLabels[a])}
                </Button>
              ))}
            {ab.archive && <Button onClick={() => setArchived(true)}>{t('common.archive')}</Button>}
            {ab.restore && <Button onClick={() => setArchived(false)}>{t('common.restore')}</Button>}
          </>
        }
      />
      <Flex vertical gap={16}>
        {refusal && (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setRefusal(null) }}
            title={refusal.message}
            description={String(refusal.details?.message ?? '')}
          />
        )}
        <Card size="small">
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            items={[
              {
                key: 'studio',
                label: lx('studio'),
                children: <a onClick={() => navigate(`/studios/${e.studioId}`)}>{e.studioName}</a>,
              },
              {
                key: 'amount',
                label: tx('amount'),
                children: <Typography.Text strong>{money(e.amountFen)}</Typography.Text>,
              },
              {
                key: 'category',
                label: tx('category'),
                children: labelOf(expenseCategoryLabels, e.category, lang),
              },
              { key: 'spentOn', label: tx('spentOn'), children: formatDate(e.spentOn) },
              { key: 'payee', label: tx('payee'), children: e.payee ?? '—' },
              { key: 'year', label: tx('year'), children: e.year },
              { key: 'decision', label: tx('decision'), span: 'filled', children: e.decisionNote ?? '—' },
            ]}
          />
        </Card>
        <Card size="small" title={`${tx('balance')} · ${e.studioName}`}>
          <Row gutter={[16, 16]}>
            <Col xs={12} md={6}>
              <Statistic title={tx('allocated')} value={money(e.balance.allocatedFen)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={tx('approved')} value={money(e.balance.approvedFen)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic title={tx('pending')} value={money(e.balance.pendingFen)} />
            </Col>
            <Col xs={12} md={6}>
              <Statistic
                title={tx('available')}
                value={money(e.balance.availableFen)}
                styles={{
                  content: {
                    color:
                      e.balance.availableFen < e.amountFen && e.status === 'draft' ? '#cf1322' : undefined,
                  },
                }}
              />
            </Col>
          </Row>
        </Card>
        <Card size="small" title={`${tx('receipts')} ${e.receiptCount}`}>
          <Receipts
            expenseId={e.id}
            canUpload={!!ab.attach}
            onChanged={() => void qc.invalidateQueries({ queryKey: fundKeys.expense(e.id) })}
          />
        </Card>
        <Card size="small" title={tx('history')}>
          <Timeline
            items={e.events.map((ev, i) => ({
              key: i,
              color: ev.toStatus === 'approved' ? 'green' : ev.toStatus === 'rejected' ? 'red' : 'blue',
              content: (
                <>
                  <Typography.Text strong>
                    {labelOf(expenseActionLabels, ev.action as ExpenseAction, lang)}
                  </Typography.Text>
                  <Typography.Text type="secondary">
                    {' '}
                    · {ev.actorName} · {formatDateTime(ev.at)}
                  </Typography.Text>
                  {ev.note && <div>{ev.note}</div>}
                </>
              ),
            }))}
          />
        </Card>
      </Flex>
      <Modal
        open={acting !== null}
        title={acting ? l(expenseActionLabels[acting]) : ''}
        onCancel={() => setActing(null)}
        onOk={() => {
          if (acting === 'reject' && !note.trim()) {
            message.error(tx('rejectNoteRequired'));
            return;
          }
          void run(acting!, note.trim());
        }}
        okButtonProps={{ danger: acting === 'reject' }}
      >
        <Form layout="vertical">
          <Form.Item label={tx('noteLabel')} required={acting === 'reject'}>
            <Input.TextArea
              rows={3}
              maxLength={500}
              value={note}
              onChange={(ev) => setNote(ev.target.value)}
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
