import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Card, Flex, Form, Input, Result, Skeleton, Statistic, Table, Typography } from 'antd';
import { useState } from 'react';
import { useParams } from 'react-router';
import type { MyReview } from '../../../../../common/schemas/applications';
import type { Indicator, Scorecard } from '../../../../../common/schemas/rulebooks';
import { ApiError, api } from '../../../shared/api/client';
import { applyServerErrors } from '../../../shared/api/form-errors';
import { formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useSeedForm } from '../../../shared/hooks/useSeedForm';
import { useI18n } from '../../../shared/i18n';
import { ScoreSheetHeader } from '../../rulebooks/components/ScoreSheetHeader';
import { Attachments } from '../../studios/components/Attachments';
import { assessmentKeys, useAssessment, useAssessmentRulebook, useMyAssessmentReview } from '../api';
import { PrefillTable } from '../components/AssessmentParts';
import { cleanPoints, PointsTable, type PointsValues, pointsTotal } from '../components/PointsTable';
import { useTexts } from '../texts';

interface Values extends PointsValues {
  comment?: string;
}

/** The reviewer's score sheet: the studio's pre-filled numbers, evidence and self score beside the sheet. */
export default function AssessmentReviewPage() {
  const id = Number(useParams().id);
  const { t } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const a = useAssessment(id);
  const review = useMyAssessmentReview(id);
  const rulebook = useAssessmentRulebook(a.data?.rulebookId);
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const values = Form.useWatch([], form);
  const mine = review.data?.mine;
  useSeedForm(form, mine && { items: mine.items, bonus: mine.bonus, comment: mine.comment ?? '' });

  const error = a.error ?? review.error;
  if (a.isLoading || review.isLoading || rulebook.isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !a.data || !review.data || !rulebook.data)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;

  const d = a.data;
  const r = review.data;
  const sheet = rulebook.data.sheet;
  const editable = r.canScore;
  const total = pointsTotal(values, sheet.bonusCap);
  const save = async (submit: boolean) => {
    const v = form.getFieldsValue(true) as Values;
    setBusy(true);
    try {
      const next = await api<MyReview>(`/api/assessments/${id}/my-score`, {
        method: 'PUT',
        body: {
          items: cleanPoints(v.items),
          bonus: cleanPoints(v.bonus),
          comment: v.comment || null,
          submit,
        },
      });
      qc.setQueryData(assessmentKeys.myReview(id), next);
      void qc.invalidateQueries({ queryKey: ['reviews'] });
      message.success(submit ? tx('submitted') : tx('draftSaved'));
    } catch (err) {
      if (!applyServerErrors(form, err)) toast(err);
    } finally {
      setBusy(false);
    }
  };
  const selfColumn = (field: 'items' | 'bonus') => [
    {
      title: tx('leaderSelf'),
      key: 'self',
      width: 160,
      render: (_: unknown, ind: Indicator) => {
        const p = (field === 'items' ? d.self.items : d.self.bonus)[ind.key];
        const note = field === 'items' ? d.self.notes[ind.key] : undefined;
        return (
          <div>
            <Typography.Text>{p ?? '—'}</Typography.Text>
            {note && (
              <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 12 }}>
                {note}
              </Typography.Paragraph>
            )}
          </div>
        );
      },
    },
  ];
  return (
    <>
      <ScoreSheetHeader
        title={`${tx('scoreSheet')} · ${d.studioName} · ${d.year}`}
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
        <Flex vertical gap={16} style={{ flex: '2 1 420px', minWidth: 0 }}>
          <Card size="small" title={tx('prefill')}>
            <PrefillTable facts={d.indicators} sheet={sheet} />
          </Card>
          <Card size="small" title={tx('evidence')}>
            <Attachments ownerType="assessment" ownerId={d.id} canUpload={false} />
          </Card>
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
              <PointsTable
                list={sheet.indicators}
                field="items"
                editable={editable}
                required
                extra={selfColumn('items')}
              />
              {sheet.bonus.length > 0 && (
                <>
                  <Typography.Text type="secondary" style={{ display: 'block', margin: '12px 0 4px' }}>
                    {tx('bonusCap', { n: sheet.bonusCap })}
                  </Typography.Text>
                  <PointsTable
                    list={sheet.bonus}
                    field="bonus"
                    editable={editable}
                    extra={selfColumn('bonus')}
                  />
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
                  { title: tx('reviewers'), dataIndex: 'scorerName' },
                  { title: tx('total'), dataIndex: 'total' },
                  { title: tx('comment'), dataIndex: 'comment' },
                  { title: tx('submitted'), dataIndex: 'submittedAt', render: formatDateTime },
                ]}
              />
            )}
          </Card>
        </Flex>
      </Flex>
    </>
  );
}
