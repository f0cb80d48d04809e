import { ArrowLeftOutlined, ReloadOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Result, Skeleton, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { studioStatusLabels } from '../../../../../common/enums';
import type { AssessmentDetail, RectificationTask } from '../../../../../common/schemas/assessments';
import { type AssessmentAction, assessmentActionLabels } from '../../../../../common/workflows/assessment';
import { ApiError, api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { Attachments } from '../../studios/components/Attachments';
import { assessmentKeys, useAssessment, useAssessmentRulebook } from '../api';
import { TaskReportModal, TransitionModal } from '../components/ActionModals';
import { AssessmentHistory, AssessmentStateTag, PrefillTable } from '../components/AssessmentParts';
import { ReviewersCard } from '../components/ReviewersCard';
import { SelfScoreCard } from '../components/SelfScoreCard';
import { useTexts } from '../texts';

const outcomeActions: AssessmentAction[] = ['keep', 'rectify', 'revoke'];
const singleActions: AssessmentAction[] = [
  'submit',
  'pass',
  'return',
  'finishReview',
  'reportRectified',
  'acceptRectification',
  'rejectRectification',
];

/**
 * One studio's annual assessment: the pre-filled indicators with their sources, evidence, the leader's self
 * score, the review (group admin), rectification tasks and the history, with the moves the caller may make.
 */
export default function AssessmentPage() {
  const id = Number(useParams().id);
  const { t, l } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const { data: a, isLoading, error } = useAssessment(id);
  const rulebook = useAssessmentRulebook(a?.rulebookId);
  const [moving, setMoving] = useState<AssessmentAction[] | null>(null);
  const [reporting, setReporting] = useState<number | null>(null);
  const [refreshing, setRefreshing] = useState(false);

  if (isLoading || rulebook.isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !a)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;

  const ab = a.abilities;
  const update = (d: AssessmentDetail) => {
    qc.setQueryData(assessmentKeys.one(d.id), d);
    void qc.invalidateQueries({ queryKey: assessmentKeys.campaigns });
    void qc.invalidateQueries({ queryKey: assessmentKeys.mine });
  };
  const done = (d: AssessmentDetail) => {
    setMoving(null);
    setReporting(null);
    update(d);
    message.success(t('common.done'));
  };
  const refresh = async () => {
    setRefreshing(true);
    try {
      update(await api<AssessmentDetail>(`/api/assessments/${a.id}/refresh`, { method: 'POST' }));
    } catch (err) {
      toast(err);
    } finally {
      setRefreshing(false);
    }
  };
  const outcomes = outcomeActions.filter((x) => ab[x]);
  const sheet = rulebook.data?.sheet;

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
            {a.studioName} · {a.year}
            <AssessmentStateTag state={a.state} />
            <Tag>{l(studioStatusLabels[a.studioStatus])}</Tag>
          </Flex>
        }
        sub={a.campaignName}
        extra={
          <>
            {singleActions
              .filter((x) => ab[x])
              .map((x) => (
                <Button
                  key={x}
                  type={x === 'return' || x === 'rejectRectification' ? 'default' : 'primary'}
                  onClick={() => setMoving([x])}
                >
                  {l(assessmentActionLabels[x])}
                </Button>
              ))}
            {outcomes.length > 1 && (
              <Button type="primary" onClick={() => setMoving(outcomes)}>
                {tx('decide')}
              </Button>
            )}
            {outcomes.length === 1 && (
              <Button danger onClick={() => setMoving(outcomes)}>
                {l(assessmentActionLabels[outcomes[0]!])}
              </Button>
            )}
            {ab.score && (
              <Button type="primary" onClick={() => navigate(`/assessments/${a.id}/review`)}>
                {tx('review')}
              </Button>
            )}
          </>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'o', label: tx('hostOrg'), children: a.hostOrgName },
          { key: 'l', label: tx('leader'), children: a.leaderName ?? '—' },
          { key: 's', label: tx('selfDeadline'), children: formatDate(a.selfDeadline) },
          { key: 'r', label: tx('reviewDeadline'), children: formatDate(a.reviewDeadline) },
          { key: 'st', label: tx('selfTotal'), children: a.self.total ?? '—' },
          { key: 'f', label: tx('finalScore'), children: a.finalScore ?? '—' },
          { key: 'g', label: tx('grade'), children: a.grade ?? '—' },
          ...(a.outcomeNote ? [{ key: 'n', label: tx('outcome'), children: a.outcomeNote }] : []),
        ]}
      />
      <Flex gap={16} wrap align="flex-start">
        <Flex vertical gap={16} style={{ flex: '3 1 560px', minWidth: 0 }}>
          <Card
            size="small"
            title={tx('prefill')}
            extra={
              <Flex gap={8} align="center">
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {tx('prefilledAt')} {formatDateTime(a.prefilledAt)}
                </Typography.Text>
                {ab.refresh && (
                  <Button size="small" icon={<ReloadOutlined />} loading={refreshing} onClick={refresh}>
                    {tx('refresh')}
                  </Button>
                )}
              </Flex>
            }
          >
            <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
              {tx('prefillHint')}
            </Typography.Paragraph>
            <PrefillTable facts={a.indicators} sheet={sheet} />
          </Card>
          {sheet && <SelfScoreCard a={a} sheet={sheet} onSaved={update} />}
          {a.tasks.length > 0 && (
            <Card size="small" title={tx('tasks')}>
              <Table<RectificationTask>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={a.tasks}
                scroll={{ x: 'max-content' }}
                columns={[
                  { title: tx('taskTitle'), dataIndex: 'title' },
                  { title: tx('taskDetail'), dataIndex: 'detail', render: (v) => v ?? '—' },
                  { title: tx('taskDeadline'), dataIndex: 'deadline', render: formatDate },
                  {
                    title: tx('taskStatus'),
                    key: 's',
                    render: (_, x) =>
                      x.status === 'done' ? (
                        <Tag color="green">{tx('taskDone')}</Tag>
                      ) : (
                        <Tag color={x.overdue ? 'red' : 'gold'}>
                          {x.overdue ? tx('overdue') : tx('taskOpen')}
                        </Tag>
                      ),
                  },
                  { title: tx('report'), dataIndex: 'report', render: (v) => v ?? '—' },
                  ...(ab.reportTask
                    ? [
                        {
                          title: t('common.actions'),
                          key: 'a',
                          render: (_: unknown, x: RectificationTask) =>
                            x.status === 'open' && (
                              <Button size="small" onClick={() => setReporting(x.id)}>
                                {tx('reportTask')}
                              </Button>
                            ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
          )}
        </Flex>
        <Flex vertical gap={16} style={{ flex: '2 1 360px', minWidth: 0 }}>
          {ab.viewScores && <ReviewersCard a={a} onChanged={update} />}
          <Card size="small" title={tx('evidence')}>
            <Attachments
              ownerType="assessment"
              ownerId={a.id}
              canUpload={ab.upload === true}
              defaultPurpose="evidence"
            />
          </Card>
          <Card size="small" title={tx('history')}>
            <AssessmentHistory steps={a.steps} />
          </Card>
        </Flex>
      </Flex>
      <TransitionModal
        a={a}
        actions={moving}
        title={moving && moving.length > 1 ? tx('outcome') : undefined}
        onClose={() => setMoving(null)}
        onDone={done}
      />
      <TaskReportModal a={a} taskId={reporting} onClose={() => setReporting(null)} onDone={done} />
    </>
  );
}
