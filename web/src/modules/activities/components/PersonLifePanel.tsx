import { ExportOutlined } from '@ant-design/icons';
import { App, Button, Card, Empty, Flex, Statistic, Table, Tabs, Tag } from 'antd';
import { useNavigate } from 'react-router';
import { skillGradeLabels } from '../../../../../common/enums';
import { activityKindLabels } from '../../../../../common/schemas/activities';
import { contestAwardLabels, contestLevelLabels } from '../../../../../common/schemas/contests';
import { mentorshipStatusLabels, skillGradeSourceLabels } from '../../../../../common/schemas/mentorships';
import type { PersonLife } from '../../../../../common/schemas/person-life';
import { download } from '../../../shared/api/client';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { usePersonLife } from '../api';
import { useLifeTexts } from '../texts';

type Row<K extends keyof PersonLife> = PersonLife[K] extends (infer R)[] ? R : never;

/**
 * The studio-life section of a person's page: accumulated training hours, certificates, contest results
 * with points, mentoring and the skill-grade history, with the personal ledger as Excel.
 */
export function PersonLifePanel({ personId, name }: { personId: number; name?: string }) {
  const { t, lang } = useI18n();
  const tx = useLifeTexts();
  const navigate = useNavigate();
  const toast = useErrorToast();
  const { message } = App.useApp();
  const { data, isLoading } = usePersonLife(personId);
  const empty = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noRecords')} />;
  const grade = (g: string | null) => labelOf(skillGradeLabels, g as never, lang) || '—';
  const exportLedger = async () => {
    try {
      await download(`/api/people/${personId}/life/export`, `${name ?? personId}_${tx('exportLedger')}.xlsx`);
      message.success(t('common.done'));
    } catch (err) {
      toast(err);
    }
  };
  const table = <K extends keyof PersonLife>(rows: Row<K>[], columns: object[], key: string) =>
    rows.length === 0 ? (
      empty
    ) : (
      <Table
        size="small"
        rowKey={key}
        pagination={false}
        dataSource={rows as object[]}
        columns={columns}
        scroll={{ x: 'max-content' }}
      />
    );

  return (
    <Card
      size="small"
      title={tx('studioLife')}
      loading={isLoading}
      extra={
        <Button size="small" icon={<ExportOutlined />} onClick={exportLedger}>
          {tx('exportLedger')}
        </Button>
      }
    >
      {data && (
        <Flex vertical gap={12}>
          <Flex gap={32} wrap>
            <Statistic
              title={tx('trainingHours')}
              value={data.trainingHours}
              suffix={lang === 'zh' ? '学时' : 'h'}
            />
            <Statistic
              title={tx('certificates')}
              value={data.certificates.length}
              suffix={lang === 'zh' ? '项' : ''}
            />
            <Statistic
              title={tx('contestResults')}
              value={data.contests.length}
              suffix={lang === 'zh' ? '次' : ''}
            />
            <Statistic title={tx('points')} value={data.contestPoints} />
          </Flex>
          <Tabs
            size="small"
            items={[
              {
                key: 'training',
                label: tx('activities'),
                children: table<'activities'>(
                  data.activities,
                  [
                    { title: tx('heldOn'), dataIndex: 'heldOn', render: formatDate },
                    {
                      title: tx('title'),
                      dataIndex: 'title',
                      render: (v: string, r: Row<'activities'>) => (
                        <a onClick={() => navigate(`/activities/${r.activityId}`)}>{v}</a>
                      ),
                    },
                    {
                      title: tx('kind'),
                      dataIndex: 'kind',
                      render: (k: string) => labelOf(activityKindLabels, k as never, lang),
                    },
                    { title: tx('studio'), dataIndex: 'studioName' },
                    { title: tx('hours'), dataIndex: 'hours', align: 'right' },
                    { title: tx('certificate'), dataIndex: 'certificate' },
                  ],
                  'activityId',
                ),
              },
              {
                key: 'certificates',
                label: tx('certificates'),
                children: table<'certificates'>(
                  data.certificates,
                  [
                    { title: tx('obtainedOn'), dataIndex: 'obtainedOn', render: formatDate },
                    { title: tx('certificate'), dataIndex: 'name' },
                    {
                      title: tx('source'),
                      dataIndex: 'source',
                      render: (s: string) => (s === 'training' ? tx('activity') : tx('mentoring')),
                    },
                  ],
                  'name',
                ),
              },
              {
                key: 'contests',
                label: tx('contestResults'),
                children: table<'contests'>(
                  data.contests,
                  [
                    { title: tx('heldOn'), dataIndex: 'heldOn', render: formatDate },
                    {
                      title: tx('title'),
                      dataIndex: 'name',
                      render: (v: string, r: Row<'contests'>) => (
                        <a onClick={() => navigate(`/contests/${r.contestId}`)}>{v}</a>
                      ),
                    },
                    {
                      title: tx('level'),
                      dataIndex: 'level',
                      render: (v: string) => labelOf(contestLevelLabels, v as never, lang),
                    },
                    { title: tx('score'), dataIndex: 'score', align: 'right' },
                    { title: tx('rank'), dataIndex: 'rank', align: 'right' },
                    {
                      title: tx('award'),
                      render: (_: unknown, r: Row<'contests'>) => (
                        <>
                          {r.award && <Tag color="gold">{labelOf(contestAwardLabels, r.award, lang)}</Tag>}
                          {r.awardTitle && <Tag color="red">{r.awardTitle}</Tag>}
                        </>
                      ),
                    },
                    { title: tx('points'), dataIndex: 'points', align: 'right' },
                  ],
                  'contestId',
                ),
              },
              {
                key: 'mentoring',
                label: tx('mentoring'),
                children: table<'mentorships'>(
                  data.mentorships,
                  [
                    {
                      title: tx('role'),
                      dataIndex: 'role',
                      render: (r: string) => (r === 'mentor' ? tx('asMentor') : tx('asApprentice')),
                    },
                    {
                      title: tx('other'),
                      dataIndex: 'otherName',
                      render: (v: string, r: Row<'mentorships'>) => (
                        <a onClick={() => navigate(`/mentorships/${r.id}`)}>{v}</a>
                      ),
                    },
                    { title: tx('studio'), dataIndex: 'studioName' },
                    {
                      title: tx('heldOn'),
                      render: (_: unknown, r: Row<'mentorships'>) =>
                        `${formatDate(r.startsOn)} ~ ${formatDate(r.endsOn)}`,
                    },
                    {
                      title: t('common.status'),
                      dataIndex: 'status',
                      render: (s: string) => labelOf(mentorshipStatusLabels, s as never, lang),
                    },
                    { title: tx('toGrade'), dataIndex: 'outcomeGrade', render: grade },
                  ],
                  'id',
                ),
              },
              {
                key: 'grades',
                label: tx('skillHistory'),
                children: table<'skillHistory'>(
                  data.skillHistory,
                  [
                    { title: tx('heldOn'), dataIndex: 'changedOn', render: formatDate },
                    { title: tx('fromGrade'), dataIndex: 'fromGrade', render: grade },
                    {
                      title: tx('toGrade'),
                      dataIndex: 'toGrade',
                      render: (g: string) => <Tag color="green">{grade(g)}</Tag>,
                    },
                    {
                      title: tx('source'),
                      dataIndex: 'source',
                      render: (s: string) => labelOf(skillGradeSourceLabels, s as never, lang),
                    },
                    { title: tx('certificate'), dataIndex: 'note' },
                  ],
                  'id',
                ),
              },
            ]}
          />
        </Flex>
      )}
    </Card>
  );
}
