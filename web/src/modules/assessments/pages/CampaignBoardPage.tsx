import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Result, Segmented, Skeleton, Table, Tag } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import type { AssessmentListItem } from '../../../../../common/schemas/assessments';
import {
  type AssessmentState,
  assessmentStateLabels,
  assessmentStates,
} from '../../../../../common/workflows/assessment';
import { ApiError } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { useCampaign } from '../api';
import { AssessmentStateTag } from '../components/AssessmentParts';
import { useTexts } from '../texts';

/** A campaign's board: every studio in it with its step, self score, reviewers, score, grade and open tasks. */
export default function CampaignBoardPage() {
  const id = Number(useParams().id);
  const { t, l } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const [state, setState] = useState<AssessmentState | 'all'>('all');
  const { data, isLoading, error } = useCampaign(id);
  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !data)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;
  const rows = state === 'all' ? data.assessments : data.assessments.filter((a) => a.state === state);
  const present = assessmentStates.filter((s) => data.counts[s]);
  return (
    <>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <Button
              type="text"
              icon={<ArrowLeftOutlined />}
              onClick={() => navigate('/assessments')}
              aria-label={t('common.back')}
            />
            {data.name}
          </Flex>
        }
      />
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, md: 4 }}
        style={{ marginBottom: 16 }}
        items={[
          { key: 'o', label: tx('scope'), children: data.orgName },
          { key: 'r', label: tx('rulebook'), children: `${data.rulebookName} V${data.rulebookVersionNo}` },
          { key: 's', label: tx('selfDeadline'), children: formatDate(data.selfDeadline) },
          { key: 'v', label: tx('reviewDeadline'), children: formatDate(data.reviewDeadline) },
        ]}
      />
      <Segmented
        style={{ marginBottom: 12 }}
        value={state}
        onChange={(v) => setState(v as AssessmentState | 'all')}
        options={[
          { value: 'all', label: `${t('common.all')} ${data.total}` },
          ...present.map((s) => ({ value: s, label: `${l(assessmentStateLabels[s])} ${data.counts[s]}` })),
        ]}
      />
      <Table<AssessmentListItem>
        size="small"
        rowKey="id"
        dataSource={rows}
        pagination={{ pageSize: 50, hideOnSinglePage: true }}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: tx('studio'),
            dataIndex: 'studioName',
            render: (v, a) => <Link to={`/assessments/${a.id}`}>{v}</Link>,
          },
          { title: tx('hostOrg'), dataIndex: 'hostOrgName' },
          { title: tx('leader'), dataIndex: 'leaderName', render: (v) => v ?? '—' },
          { title: tx('state'), dataIndex: 'state', render: (s) => <AssessmentStateTag state={s} /> },
          { title: tx('selfTotal'), dataIndex: 'selfTotal', render: (v) => v ?? '—' },
          {
            title: tx('reviewers'),
            key: 'rv',
            render: (_, a) => (a.reviewersAssigned ? `${a.reviewersSubmitted}/${a.reviewersAssigned}` : '—'),
          },
          { title: tx('finalScore'), dataIndex: 'finalScore', render: (v) => v ?? '—' },
          { title: tx('grade'), dataIndex: 'grade', render: (v) => (v ? <Tag>{v}</Tag> : '—') },
          {
            title: tx('openTasks'),
            dataIndex: 'openTasks',
            render: (v: number) => (v ? <Tag color="gold">{v}</Tag> : '—'),
          },
        ]}
      />
    </>
  );
}
