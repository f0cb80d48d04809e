import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Card,
  Descriptions,
  Flex,
  Form,
  Input,
  InputNumber,
  Result,
  Skeleton,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import { namingLevelLabels } from '../../../../../common/enums';
import type { MyReview } from '../../../../../common/schemas/applications';
import type { Indicator, Scorecard } from '../../../../../common/schemas/rulebooks';
import { ApiError, api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useSeedForm } from '../../../shared/hooks/useSeedForm';
import { useI18n } from '../../../shared/i18n';
import { ScoreSheetHeader } from '../../rulebooks/components/ScoreSheetHeader';
import { applicationKeys, useApplication, useMyReview, useRulebook } from '../api';
import { ConditionTable } from '../components/ConditionTable';
import { useTexts } from '../texts';

interface Values {
  items: Record<string, number | null>;
  bonus: Record<string, number | null>;
  comment?: string;
}

const clean = (r: Record<string, number | null | undefined> = {}) =>
  Object.fromEntries(Object.entries(r).filter(([, v]) => v !== null && v !== undefined)) as Record<
    string,
    number
  >;

/** The expert's score sheet: the application's materials beside the pinned sheet version, a live total, draft or submit. */
export default function ScoreSheetPage() {
  const id = Number(useParams().id);
  const { l, t } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const app = useApplication(id);
  const review = useMyReview(id);
  const rulebook = useRulebook(app.data?.rulebookId);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form);
  const mine = review.data?.mine;
  useSeedForm(form, mine && { items: mine.items, bonus: mine.bonus, comment: mine.comment ?? '' });

  const error = app.error ?? review.error;
  if (app.isLoading || review.isLoading || rulebook.isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !app.data || !review.data || !rulebook.data)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;

  const a = app.data;
  const r = review.data;
  const sheet = rulebook.data.sheet;
  const editable = r.canScore;
  const sum = (o?: Record<string, number | null>) =>
    Object.values(o ?? {}).reduce<number>((s, v) => s + (v ?? 0), 0);
  const total = sum(values?.items) + Math.min(sum(values?.bonus), sheet.bonusCap);

  const save = async (submit: boolean) => {
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    try {
      const next = await api<MyReview>(`/api/applications/${id}/my-score`, {
        method: 'PUT',
        body: { items: clean(v.items), bonus: clean(v.bonus), comment: v.comment || null, submit },
      });
      qc.setQueryData(applicationKeys.myReview(id), next);
      void qc.invalidateQueries({ queryKey: applicationKeys.reviews });
      message.success(submit ? tx('submitted') : tx('draftSaved'));
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  const indicatorTable = (list: Indicator[], field: 'items' | 'bonus') => (
    <Table<Indicator>
      size="small"
      rowKey="key"
      pagination={false}
      dataSource={list}
      tableLayout="fixed"
      columns={[
        { title: field === 'items' ? tx('indicator') : tx('bonus'), dataIndex: 'name', width: 120 },
        { title: tx('maxPoints'), dataIndex: 'maxPoints', width: 60 },
        {
          title: tx('guidance'),
          dataIndex: 'guidance',
          render: (g: string) => <Typography.Text type="secondary">{g}</Typography.Text>,
        },
        {
          title: tx('points'),
          key: 'p',
          width: 124,
          render: (_, ind) => (
            <Form.Item
              name={[field, ind.key]}
              style={{ margin: 0 }}
              rules={field === 'items' ? [{ required: true, message: tx('points') }] : []}
            >
              <InputNumber
                min={0}
                max={ind.maxPoints}
                step={0.5}
                disabled={!editable}
                style={{ width: 100 }}
              />
            </Form.Item>
          ),
        },
      ]}
    />
  );

  return (
    <>
      <ScoreSheetHeader
        title={
          <>
            {tx('scoreSheet')} · {a.studioName}
            <Tag>{l(namingLevelLabels[a.level])}</Tag>
          </>
        }
        submitted={r.status === 'submitted'}
        deadline={r.deadline}
        editable={editable}
        busy={busy}
        form={form}
        onSave={save}
        words={{
          submitted: tx('submitted'),
          deadline: tx('deadline'),
          saveDraft: tx('saveDraft'),
          submitScore: tx('submitScore'),
          confirmSubmitScore: tx('confirmSubmitScore'),
        }}
      />
      <Flex gap={16} wrap align="flex-start">
        <Flex vertical gap={16} style={{ flex: '2 1 380px', minWidth: 0 }}>
          <Card size="small" title={tx('basics')}>
            <Descriptions
              size="small"
              column={1}
              items={[
                { key: 'o', label: tx('hostOrg'), children: a.hostOrgName },
                { key: 'l', label: tx('leader'), children: a.leaderName ?? '—' },
                ...(['summary', 'achievements', 'plans'] as const).map((k) => ({
                  key: k,
                  label: tx(k),
                  children: (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {a.materials[k] || '—'}
                    </Typography.Paragraph>
                  ),
                })),
              ]}
            />
          </Card>
          {a.conditionCheck && (
            <Card size="small" title={tx('conditions')}>
              <ConditionTable compact results={a.conditionCheck} notes={a.materials.conditionNotes} />
            </Card>
          )}
        </Flex>
        <Flex vertical gap={16} style={{ flex: '3 1 560px', minWidth: 0 }}>
          <Card
            size="small"
            title={`${tx('scoreSheet')}（${rulebook.data.name} V${rulebook.data.versionNo}）`}
            extra={
              <Statistic
                value={total}
                suffix={`/ ${sheet.indicators.reduce((s, i) => s + i.maxPoints, 0) + sheet.bonusCap}`}
                valueStyle={{ fontSize: 20 }}
              />
            }
          >
            <Form<Values> form={form} layout="vertical" initialValues={{ items: {}, bonus: {}, comment: '' }}>
              {indicatorTable(sheet.indicators, 'items')}
              {sheet.bonus.length > 0 && (
                <>
                  <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 4px' }}>
                    {tx('bonusCap', { n: sheet.bonusCap })}
                  </Typography.Text>
                  {indicatorTable(sheet.bonus, 'bonus')}
                </>
              )}
              <Form.Item name="comment" label={tx('comment')} style={{ marginTop: 12 }}>
                <Input.TextArea rows={3} maxLength={2000} disabled={!editable} />
              </Form.Item>
            </Form>
          </Card>
          <Card size="small" title={tx('othersScores')}>
            {r.status !== 'submitted' ? (
              <Typography.Text type="secondary">{tx('othersHidden')}</Typography.Text>
            ) : (
              <Table<Scorecard>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={r.others}
                columns={[
                  { title: tx('expert'), dataIndex: 'scorerName' },
                  { title: tx('total'), dataIndex: 'total' },
                  { title: tx('comment'), dataIndex: 'comment' },
                  { title: tx('submittedAt'), dataIndex: 'submittedAt', render: formatDateTime },
                ]}
              />
            )}
          </Card>
        </Flex>
      </Flex>
    </>
  );
}
