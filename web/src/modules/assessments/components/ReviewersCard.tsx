import { App, Button, Card, DatePicker, Flex, Select, Statistic, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import type { ExpertAssignment } from '../../../../../common/schemas/applications';
import type { AssessmentDetail } from '../../../../../common/schemas/assessments';
import { api } from '../../../shared/api/client';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { useReviewerCandidates } from '../api';
import { useTexts } from '../texts';

/** The group admin's view of the review: assigned experts with their totals, assigning more, the live aggregate. */
export function ReviewersCard({
  a,
  onChanged,
}: {
  a: AssessmentDetail;
  onChanged: (d: AssessmentDetail) => void;
}) {
  const { t } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const canAssign = a.abilities.assignReviewers === true;
  const candidates = useReviewerCandidates(a.id, canAssign);
  const [chosen, setChosen] = useState<number[]>([]);
  const [deadline, setDeadline] = useState<Dayjs>(dayjs(a.reviewDeadline));
  const [busy, setBusy] = useState(false);
  const assign = async () => {
    setBusy(true);
    try {
      const next = await api<AssessmentDetail>(`/api/assessments/${a.id}/reviewers`, {
        method: 'POST',
        body: { reviewerUserIds: chosen, deadline: deadline.format('YYYY-MM-DD'), version: a.version },
      });
      setChosen([]);
      onChanged(next);
      void candidates.refetch();
      message.success(t('common.done'));
    } catch (err) {
      toast(err);
    } finally {
      setBusy(false);
    }
  };
  const s = a.scoreSummary;
  return (
    <Card
      size="small"
      title={tx('reviewers')}
      extra={
        s && (
          <Flex gap={16}>
            <Statistic title={tx('scoresIn')} value={s.count} valueStyle={{ fontSize: 16 }} />
            <Statistic title={tx('aggregate')} value={s.score ?? '—'} valueStyle={{ fontSize: 16 }} />
            <Statistic title={tx('grade')} value={s.grade ?? '—'} valueStyle={{ fontSize: 16 }} />
          </Flex>
        )
      }
    >
      {canAssign && (
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          <Select
            mode="multiple"
            style={{ minWidth: 280, flex: 1 }}
            placeholder={tx('assignReviewers')}
            loading={candidates.isLoading}
            value={chosen}
            onChange={setChosen}
            optionFilterProp="label"
            options={(candidates.data ?? [])
              .filter((c) => !c.assigned)
              .map((c) => ({
                value: c.userId,
                disabled: c.conflict,
                label: `${c.name}（${c.orgName ?? '—'}）${c.conflict ? ` · ${tx('conflict')}` : ''}`,
              }))}
          />
          <DatePicker value={deadline} onChange={(d) => d && setDeadline(d)} aria-label={tx('deadline')} />
          <Button type="primary" disabled={!chosen.length} loading={busy} onClick={assign}>
            {tx('assignReviewers')}
          </Button>
        </Flex>
      )}
      <Table<ExpertAssignment>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={a.reviewers}
        locale={{ emptyText: <Typography.Text type="secondary">—</Typography.Text> }}
        columns={[
          { title: tx('reviewers'), dataIndex: 'expertName' },
          { title: tx('hostOrg'), dataIndex: 'orgName', render: (v) => v ?? '—' },
          { title: tx('deadline'), dataIndex: 'deadline', render: formatDate },
          {
            title: tx('state'),
            dataIndex: 'status',
            render: (v: ExpertAssignment['status']) => (
              <Tag color={v === 'submitted' ? 'green' : 'default'}>{tx(v)}</Tag>
            ),
          },
          { title: tx('total'), dataIndex: 'total', render: (v) => v ?? '—' },
        ]}
      />
    </Card>
  );
}
