import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Result,
  Row,
  Skeleton,
  Steps,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { type Project, projectSourceLabels } from '../../../../../common/schemas/projects';
import { resultKindLabels } from '../../../../../common/schemas/results';
import {
  type ProjectAction,
  projectActionLabels,
  projectStatuses,
  projectStatusLabels,
} from '../../../../../common/workflows/project';
import { resultStatusLabels } from '../../../../../common/workflows/result';
import { ApiError, api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatMoney } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { Attachments } from '../../studios/components/Attachments';
import { projectKeys, useProject } from '../api';
import { ActionModal, type ActionValues } from '../components/ActionModal';
import { EventTimeline } from '../components/EventTimeline';
import { ReportModal } from '../components/ReportModal';
import { SimilarityPanel } from '../components/SimilarityPanel';
import { useTexts } from '../texts';

/** What each action asks for in its dialog. */
const needs: Record<
  ProjectAction,
  { opinion?: 'required' | 'optional'; conclusion?: boolean; date?: boolean; danger?: boolean }
> = {
  approve: { opinion: 'optional', date: true },
  start: { date: true },
  requestAcceptance: { conclusion: true },
  conclude: { opinion: 'optional', date: true },
  rejectAcceptance: { opinion: 'required' },
  terminate: { opinion: 'required', danger: true },
};

/** 课题详情: basics, milestone timeline with progress reports, results produced, history, similar work, files. */
export default function ProjectDetailPage() {
  const { id } = useParams();
  const { data: project, isLoading, error } = useProject(Number(id));
  const { t } = useI18n();
  if (isLoading) return <Skeleton active />;
  if (!project)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={(error as Error)?.message ?? t('common.loadFailed')}
      />
    );
  return <ProjectDetail project={project} />;
}

function ProjectDetail({ project: p }: { project: Project }) {
  const { t, l, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message, modal } = App.useApp();
  const [acting, setActing] = useState<ProjectAction | null>(null);
  const [reporting, setReporting] = useState(false);
  const a = p.abilities;
  const reload = () => qc.invalidateQueries({ queryKey: projectKeys.one(p.id) });

  const act = async (action: ProjectAction, v: ActionValues) => {
    await api<Project>(`/api/projects/${p.id}/actions/${action}`, {
      method: 'POST',
      body: { version: p.version, ...v },
    });
    message.success(t('common.done'));
    await reload();
  };
  const setArchived = (archived: boolean) =>
    modal.confirm({
      title: t(archived ? 'common.confirmArchive' : 'common.confirmRestore'),
      onOk: async () => {
        try {
          await api(`/api/projects/${p.id}/${archived ? 'archive' : 'restore'}`, {
            method: 'POST',
            body: { version: p.version },
          });
          await reload();
        } catch (err) {
          toast(err);
        }
      },
    });

  const current = p.status === 'terminated' ? -1 : projectStatuses.indexOf(p.status);
  const actions = (Object.keys(needs) as ProjectAction[]).filter((k) => a[k]);

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
            {p.title}
            <Tag color={p.status === 'terminated' ? 'red' : p.status === 'concluded' ? 'green' : 'blue'}>
              {l(projectStatusLabels[p.status])}
            </Tag>
            {p.confidential && <Tag color="red">{tx('confidential')}</Tag>}
            {p.archivedAt && <Tag>{t('common.archived')}</Tag>}
          </Flex>
        }
        sub={`${p.code} · ${p.studioName}`}
        extra={
          <>
            {a.update && (
              <Button onClick={() => navigate(`/projects/${p.id}/edit`)}>{t('common.edit')}</Button>
            )}
            {a.report && <Button onClick={() => setReporting(true)}>{tx('report')}</Button>}
            {actions.map((k) => (
              <Button
                key={k}
                type={needs[k].danger ? 'default' : 'primary'}
                danger={needs[k].danger}
                onClick={() => setActing(k)}
              >
                {l(projectActionLabels[k])}
              </Button>
            ))}
            {a.archive && <Button onClick={() => setArchived(true)}>{t('common.archive')}</Button>}
            {a.restore && <Button onClick={() => setArchived(false)}>{t('common.restore')}</Button>}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        {p.status === 'terminated' ? (
          <Typography.Text type="danger">
            {l(projectStatusLabels.terminated)}：{p.terminatedReason}
          </Typography.Text>
        ) : (
          <Steps
            size="small"
            current={current}
            items={projectStatuses
              .filter((s) => s !== 'terminated')
              .map((s) => ({ title: l(projectStatusLabels[s]) }))}
          />
        )}
      </Card>
      <Row gutter={16}>
        <Col xs={24} xl={16}>
          <Flex vertical gap={16}>
            <Card size="small" title={tx('basic')}>
              <Descriptions
                bordered
                size="small"
                column={{ xs: 1, sm: 1, md: 2 }}
                items={[
                  { key: 'code', label: tx('code'), children: p.code },
                  {
                    key: 'source',
                    label: tx('source'),
                    children: labelOf(projectSourceLabels, p.source, lang),
                  },
                  {
                    key: 'studio',
                    label: tx('studio'),
                    children: <Link to={`/studios/${p.studioId}`}>{p.studioName}</Link>,
                  },
                  { key: 'org', label: tx('hostOrg'), children: p.orgName },
                  { key: 'leader', label: tx('leader'), children: p.leaderName ?? '—' },
                  {
                    key: 'members',
                    label: tx('members'),
                    children: p.members.length
                      ? p.members.map((m) => `${m.name}${m.division ? `（${m.division}）` : ''}`).join('、')
                      : '—',
                  },
                  {
                    key: 'period',
                    label: tx('planned'),
                    children: `${formatDate(p.plannedStart)} ~ ${formatDate(p.plannedEnd)}`,
                  },
                  { key: 'budget', label: tx('budget'), children: formatMoney(p.budgetFen, { fen: true }) },
                  { key: 'field', label: tx('field'), children: p.field ?? '—' },
                  { key: 'year', label: tx('year'), children: p.year },
                  {
                    key: 'goal',
                    label: tx('goal'),
                    span: 'filled',
                    children: (
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                        {p.goal}
                      </Typography.Paragraph>
                    ),
                  },
                  ...(p.content
                    ? [
                        {
                          key: 'content',
                          label: tx('content'),
                          span: 'filled' as const,
                          children: (
                            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                              {p.content}
                            </Typography.Paragraph>
                          ),
                        },
                      ]
                    : []),
                  ...(p.conclusion
                    ? [
                        {
                          key: 'conclusion',
                          label: tx('conclusion'),
                          span: 'filled' as const,
                          children: (
                            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                              {p.conclusion}
                            </Typography.Paragraph>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card size="small" title={tx('milestones')}>
              {p.milestones.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
              ) : (
                <Timeline
                  items={p.milestones.map((m) => {
                    const reports = p.reports.filter((r) => r.milestoneId === m.id);
                    const late = !m.completedOn && m.dueOn < dayjs().format('YYYY-MM-DD');
                    return {
                      key: m.id,
                      color: m.completedOn ? 'green' : late ? 'red' : 'gray',
                      content: (
                        <div>
                          <Typography.Text strong>{m.title}</Typography.Text>
                          <Typography.Text type="secondary" style={{ marginInlineStart: 8 }}>
                            {tx('dueOn')} {formatDate(m.dueOn)}
                            {m.completedOn ? ` · ${tx('completedOn')} ${formatDate(m.completedOn)}` : ''}
                          </Typography.Text>
                          {reports.map((r) => (
                            <Typography.Paragraph
                              key={r.id}
                              type="secondary"
                              style={{ margin: '4px 0 0', whiteSpace: 'pre-wrap' }}
                            >
                              {formatDate(r.reportedOn)} · {r.progress}% · {r.content}
                            </Typography.Paragraph>
                          ))}
                        </div>
                      ),
                    };
                  })}
                />
              )}
            </Card>
            <Card size="small" title={tx('reports')}>
              {p.reports.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={tx('noReports')} />
              ) : (
                <Table
                  size="small"
                  rowKey="id"
                  pagination={false}
                  dataSource={p.reports}
                  scroll={{ x: 'max-content' }}
                  columns={[
                    { title: tx('reportedOn'), dataIndex: 'reportedOn', width: 110, render: formatDate },
                    {
                      title: tx('milestone'),
                      dataIndex: 'milestoneId',
                      width: 160,
                      render: (mid: number | null) => p.milestones.find((m) => m.id === mid)?.title ?? '—',
                    },
                    {
                      title: tx('progress'),
                      dataIndex: 'progress',
                      width: 100,
                      render: (v: number) => `${v}%`,
                    },
                    { title: tx('reportContent'), dataIndex: 'content' },
                    { title: '', dataIndex: 'reporterName', width: 90 },
                  ]}
                />
              )}
            </Card>
            <Card
              size="small"
              title={tx('linkedResults')}
              extra={
                a.addResult && (
                  <Button
                    size="small"
                    icon={<PlusOutlined />}
                    onClick={() => navigate(`/results/new?studioId=${p.studioId}&projectId=${p.id}`)}
                  >
                    {tx('addResult')}
                  </Button>
                )
              }
            >
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={p.results}
                locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
                onRow={(r) => ({ onClick: () => navigate(`/results/${r.id}`), style: { cursor: 'pointer' } })}
                columns={[
                  { title: lang === 'en' ? 'Archive no.' : '档案号', dataIndex: 'archiveNo', width: 150 },
                  {
                    title: lang === 'en' ? 'Title' : '成果名称',
                    dataIndex: 'title',
                    render: (v: string) => <a>{v}</a>,
                  },
                  {
                    title: lang === 'en' ? 'Kind' : '类别',
                    dataIndex: 'kind',
                    width: 110,
                    render: (v) => labelOf(resultKindLabels, v, lang),
                  },
                  {
                    title: tx('status'),
                    dataIndex: 'status',
                    width: 90,
                    render: (v) => labelOf(resultStatusLabels, v, lang),
                  },
                ]}
              />
            </Card>
            <Attachments
              ownerType="project"
              ownerId={p.id}
              canUpload={!!(a.update || a.report || a.addResult)}
            />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <Card size="small" title={tx('history')}>
              <EventTimeline
                events={p.events}
                actionLabels={projectActionLabels}
                statusLabels={projectStatusLabels}
              />
            </Card>
            <SimilarityPanel text={`${p.title}\n${p.goal}`} excludeProjectId={p.id} />
          </Flex>
        </Col>
      </Row>
      {acting && (
        <ActionModal
          open
          title={l(projectActionLabels[acting])}
          opinion={needs[acting].opinion}
          conclusion={needs[acting].conclusion}
          date={needs[acting].date ? dayjs().format('YYYY-MM-DD') : undefined}
          danger={needs[acting].danger}
          onClose={() => setActing(null)}
          onSubmit={(v) => act(acting, v)}
        />
      )}
      <ReportModal project={p} open={reporting} onClose={() => setReporting(false)} onSaved={reload} />
    </>
  );
}
