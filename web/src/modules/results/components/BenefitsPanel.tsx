import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Empty,
  Flex,
  Form,
  Input,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { type Benefit, periodUnitLabels } from '../../../../../common/schemas/benefits';
import type { Result } from '../../../../../common/schemas/results';
import {
  type BenefitAction,
  benefitActionLabels,
  benefitStatusLabels,
} from '../../../../../common/workflows/benefit';
import { api } from '../../../shared/api/client';
import { formatDate, formatMoney } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { ActionModal } from '../../projects/components/ActionModal';
import { EventTimeline } from '../../projects/components/EventTimeline';
import { resultKeys, useResultBenefits } from '../api';
import { useTexts } from '../texts';
import { BenefitFormModal } from './BenefitFormModal';

const statusColor = { draft: 'default', submitted: 'gold', verified: 'green', rejected: 'red' } as const;

/** 经济效益测算 of a result: each calculation with its figures, attribution and finance sign-off, and the verified total. */
export function BenefitsPanel({ result }: { result: Result }) {
  const { t, l, lang } = useI18n();
  const tx = useTexts();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { modal } = App.useApp();
  const { data = [] } = useResultBenefits(result.id);
  const [editing, setEditing] = useState<Benefit | 'new' | null>(null);
  const [acting, setActing] = useState<{ b: Benefit; action: BenefitAction } | null>(null);
  const reload = () => {
    void qc.invalidateQueries({ queryKey: resultKeys.benefits(result.id) });
    void qc.invalidateQueries({ queryKey: resultKeys.one(result.id) });
    void qc.invalidateQueries({ queryKey: resultKeys.adoptions(result.id) });
  };
  const act = async (b: Benefit, action: BenefitAction, extra: Record<string, unknown> = {}) => {
    await api(`/api/benefits/${b.id}/actions/${action}`, {
      method: 'POST',
      body: { version: b.version, ...extra },
    });
    reload();
  };
  const quick = (b: Benefit, action: BenefitAction) =>
    modal.confirm({
      title: l(benefitActionLabels[action]),
      onOk: () => act(b, action).catch(toast),
    });
  const own = data.filter((b) => !b.adoptionId);
  return (
    <Card
      size="small"
      id="benefits"
      title={tx('benefits')}
      extra={
        <Space>
          <Typography.Text>
            {tx('verifiedBenefit')}：
            <Typography.Text strong>{formatMoney(result.verifiedBenefitFen, { fen: true })}</Typography.Text>
            <Typography.Text type="secondary">（{tx('verifiedOnly')}）</Typography.Text>
          </Typography.Text>
          {result.abilities.addBenefit && (
            <Button size="small" icon={<PlusOutlined />} onClick={() => setEditing('new')}>
              {tx('addBenefit')}
            </Button>
          )}
        </Space>
      }
    >
      {data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <Flex vertical gap={12}>
          {[...own, ...data.filter((b) => b.adoptionId)].map((b) => (
            <Card
              key={b.id}
              size="small"
              type="inner"
              title={
                <Space wrap>
                  <Tag color={statusColor[b.status]}>{l(benefitStatusLabels[b.status])}</Tag>
                  {b.adoptionId ? <Tag color="green">{tx('adoption')}</Tag> : <Tag>{tx('ownUse')}</Tag>}
                  {b.orgName} · {formatDate(b.periodFrom)} ~ {formatDate(b.periodTo)}
                </Space>
              }
              extra={
                <Space wrap>
                  {b.abilities.update && (
                    <Button size="small" onClick={() => setEditing(b)}>
                      {t('common.edit')}
                    </Button>
                  )}
                  {(['submit', 'withdraw', 'revise'] as const)
                    .filter((x) => b.abilities[x])
                    .map((x) => (
                      <Button key={x} size="small" onClick={() => quick(b, x)}>
                        {l(benefitActionLabels[x])}
                      </Button>
                    ))}
                  {b.abilities.verify && (
                    <Button size="small" type="primary" onClick={() => setActing({ b, action: 'verify' })}>
                      {l(benefitActionLabels.verify)}
                    </Button>
                  )}
                  {b.abilities.reject && (
                    <Button size="small" danger onClick={() => setActing({ b, action: 'reject' })}>
                      {l(benefitActionLabels.reject)}
                    </Button>
                  )}
                </Space>
              }
            >
              <Descriptions
                size="small"
                column={{ xs: 1, md: 2 }}
                items={[
                  {
                    key: 'before',
                    label: tx('before'),
                    children: formatMoney(b.beforeValueFen, { fen: true }),
                  },
                  { key: 'after', label: tx('after'), children: formatMoney(b.afterValueFen, { fen: true }) },
                  {
                    key: 'count',
                    label: tx('periodCount'),
                    children: `${b.periodCount} ${labelOf(periodUnitLabels, b.periodUnit, lang)}`,
                  },
                  {
                    key: 'cost',
                    label: tx('cost'),
                    children: formatMoney(b.implementationCostFen, { fen: true }),
                  },
                  {
                    key: 'amount',
                    label: tx('amount'),
                    children: (
                      <Typography.Text strong>
                        {formatMoney(b.amountFen, { fen: true })}{' '}
                        <Typography.Text type="secondary">= {tx('formula')}</Typography.Text>
                      </Typography.Text>
                    ),
                    span: 'filled',
                  },
                  { key: 'basis', label: tx('basis'), children: b.basis, span: 'filled' },
                  {
                    key: 'attr',
                    label: tx('attribution'),
                    span: 'filled',
                    children: b.attribution
                      .map((a) => `${a.orgName} ${a.share}%（${formatMoney(a.amountFen, { fen: true })}）`)
                      .join('；'),
                  },
                  ...(b.verifierName
                    ? [
                        {
                          key: 'sign',
                          label: tx('signOff'),
                          span: 'filled' as const,
                          children: `${b.verifierName} · ${formatDate(b.verifiedOn)}${b.verifyOpinion ? ` · ${b.verifyOpinion}` : ''}`,
                        },
                      ]
                    : []),
                ]}
              />
              {b.events.length > 1 && (
                <details>
                  <summary style={{ cursor: 'pointer', color: '#888' }}>{tx('history')}</summary>
                  <EventTimeline
                    events={b.events}
                    actionLabels={benefitActionLabels}
                    statusLabels={benefitStatusLabels}
                  />
                </details>
              )}
            </Card>
          ))}
        </Flex>
      )}
      {editing && (
        <BenefitFormModal
          open
          resultId={result.id}
          benefit={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          onSaved={reload}
        />
      )}
      {acting && (
        <ActionModal
          open
          title={l(benefitActionLabels[acting.action])}
          opinion={acting.action === 'reject' ? 'required' : 'optional'}
          danger={acting.action === 'reject'}
          onClose={() => setActing(null)}
          onSubmit={({ opinion, verifierName, verifiedOnDay }) =>
            act(acting.b, acting.action, {
              opinion,
              verifierName: verifierName || undefined,
              verifiedOn: verifiedOnDay ? (verifiedOnDay as dayjs.Dayjs).format('YYYY-MM-DD') : undefined,
            })
          }
        >
          {acting.action === 'verify' && (
            <>
              <Form.Item name="verifierName" label={tx('verifier')}>
                <Input
                  placeholder={lang === 'en' ? 'Defaults to you' : '默认为当前用户，可填财务经办人'}
                  maxLength={50}
                />
              </Form.Item>
              <Form.Item name="verifiedOnDay" label={tx('verifiedOn')} initialValue={dayjs()}>
                <DatePicker />
              </Form.Item>
            </>
          )}
        </ActionModal>
      )}
    </Card>
  );
}
