import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Result as AntResult,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Input,
  Row,
  Select,
  Skeleton,
  Steps,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  contributorRoleLabels,
  patentStatusLabels,
  patentTypeLabels,
  type Result,
  resultGradeLabels,
  resultGrades,
  resultKindLabels,
} from '../../../../../common/schemas/results';
import {
  type ResultAction,
  resultActionLabels,
  resultStatuses,
  resultStatusLabels,
} from '../../../../../common/workflows/result';
import { ApiError, api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatMoney } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf, optionsOf } from '../../../shared/labels';
import { ActionModal, type ActionValues } from '../../projects/components/ActionModal';
import { EventTimeline } from '../../projects/components/EventTimeline';
import { SimilarityPanel } from '../../projects/components/SimilarityPanel';
import { Attachments } from '../../studios/components/Attachments';
import { resultKeys, useResult } from '../api';
import { AdoptionsPanel } from '../components/AdoptionsPanel';
import { BenefitsPanel } from '../components/BenefitsPanel';
import { GradeTag, ResultStatusTag } from '../components/ResultTags';
import { ReviewPanel } from '../components/ReviewPanel';
import { useTexts } from '../texts';

const dialog: Record<
  Exclude<ResultAction, 'score'>,
  { opinion?: 'required' | 'optional'; danger?: boolean }
> = {
  submit: {},
  withdraw: {},
  accept: { opinion: 'optional' },
  pass: { opinion: 'optional' },
  recognise: { opinion: 'optional' },
  return: { opinion: 'required', danger: true },
};

/** 成果详情: contributors, patent, review, benefit calculations with sign-off, adoptions, history, similar work. */
export default function ResultDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { data, isLoading, error } = useResult(Number(id));
  if (isLoading) return <Skeleton active />;
  if (!data)
    return (
      <AntResult
        status={error instanceof ApiError && error.status === 404 ? '404' : 'error'}
        title={(error as Error)?.message ?? t('common.loadFailed')}
      />
    );
  return <ResultDetail result={data} />;
}

function ResultDetail({ result: r }: { result: Result }) {
  const { t, l, lang } = useI18n();
  const tx = useTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const toast = useErrorToast();
  const { message, modal } = App.useApp();
  const [acting, setActing] = useState<Exclude<ResultAction, 'score'> | null>(null);
  const a = r.abilities;
  const reviewerView = !!(a.accept || a.pass || a.recognise || a.return || a.score);
  const { data: candidates = [] } = useQuery({
    queryKey: ['results', r.id, 'candidates'],
    queryFn: () =>
      api<{ userId: number; name: string; orgName: string | null }[]>(
        `/api/results/${r.id}/reviewer-candidates`,
      ),
    enabled: acting === 'pass',
  });
  const reload = () => qc.invalidateQueries({ queryKey: resultKeys.one(r.id) });
  const act = async (action: ResultAction, v: ActionValues) => {
    await api(`/api/results/${r.id}/actions/${action}`, {
      method: 'POST',
      body: { version: r.version, ...v },
    });
    message.success(t('common.done'));
    await reload();
  };
  const setArchived = (archived: boolean) =>
    modal.confirm({
      title: t(archived ? 'common.confirmArchive' : 'common.confirmRestore'),
      onOk: () =>
        api(`/api/results/${r.id}/${archived ? 'archive' : 'restore'}`, {
          method: 'POST',
          body: { version: r.version },
        })
          .then(reload)
          .catch(toast),
    });
  const steps = resultStatuses.filter((s) => s !== 'returned');
  const actions = (Object.keys(dialog) as (keyof typeof dialog)[]).filter((k) => a[k]);

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
            {r.title}
            <ResultStatusTag status={r.status} />
            <GradeTag grade={r.grade} />
            {r.confidential && <Tag color="red">{tx('confidential')}</Tag>}
            {r.view === 'market' && <Tag color="purple">{tx('viewMarket')}</Tag>}
            {r.archivedAt && <Tag>{t('common.archived')}</Tag>}
          </Flex>
        }
        sub={`${r.archiveNo} · ${labelOf(resultKindLabels, r.kind, lang)} · ${r.studioName}`}
        extra={
          <>
            {a.update && (
              <Button onClick={() => navigate(`/results/${r.id}/edit`)}>{t('common.edit')}</Button>
            )}
            {actions.map((k) => (
              <Button
                key={k}
                type={dialog[k].danger ? 'default' : 'primary'}
                danger={dialog[k].danger}
                onClick={() => setActing(k)}
              >
                {l(resultActionLabels[k])}
              </Button>
            ))}
            {a.archive && <Button onClick={() => setArchived(true)}>{t('common.archive')}</Button>}
            {a.restore && <Button onClick={() => setArchived(false)}>{t('common.restore')}</Button>}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        {r.status === 'returned' ? (
          <Typography.Text type="warning">
            {l(resultStatusLabels.returned)}：{r.events.filter((e) => e.action === 'return').at(-1)?.opinion}
          </Typography.Text>
        ) : (
          <Steps
            size="small"
            current={steps.indexOf(r.status)}
            items={steps.map((s) => ({ title: l(resultStatusLabels[s]) }))}
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
                column={{ xs: 1, md: 2 }}
                items={[
                  { key: 'no', label: tx('archiveNo'), children: r.archiveNo },
                  { key: 'kind', label: tx('kind'), children: labelOf(resultKindLabels, r.kind, lang) },
                  {
                    key: 'studio',
                    label: tx('studio'),
                    children:
                      r.view === 'scope' ? (
                        <Link to={`/studios/${r.studioId}`}>{r.studioName}</Link>
                      ) : (
                        r.studioName
                      ),
                  },
                  { key: 'org', label: tx('hostOrg'), children: r.orgName },
                  {
                    key: 'project',
                    label: tx('project'),
                    children: !r.projectId ? (
                      '—'
                    ) : r.view === 'scope' ? (
                      <Link to={`/projects/${r.projectId}`}>{r.projectTitle}</Link>
                    ) : (
                      r.projectTitle
                    ),
                  },
                  { key: 'field', label: tx('field'), children: r.field ?? '—' },
                  { key: 'impl', label: tx('implementedOn'), children: formatDate(r.implementedOn) || '—' },
                  { key: 'year', label: tx('year'), children: r.year },
                  {
                    key: 'grade',
                    label: tx('grade'),
                    children: r.grade
                      ? `${l(resultGradeLabels[r.grade])}${r.recognisedOn ? ` · ${formatDate(r.recognisedOn)}` : ''}`
                      : '—',
                  },
                  { key: 'award', label: tx('award'), children: r.award ?? '—' },
                  {
                    key: 'benefit',
                    label: tx('verifiedBenefit'),
                    span: 'filled',
                    children: (
                      <>
                        <Typography.Text strong>
                          {formatMoney(r.verifiedBenefitFen, { fen: true })}
                        </Typography.Text>
                        <Typography.Text type="secondary">（{tx('verifiedOnly')}）</Typography.Text>
                      </>
                    ),
                  },
                  {
                    key: 'problem',
                    label: tx('problem'),
                    span: 'filled',
                    children: <Pre text={r.problem} />,
                  },
                  ...(r.principle
                    ? [
                        {
                          key: 'pr',
                          label: tx('principle'),
                          span: 'filled' as const,
                          children: <Pre text={r.principle} />,
                        },
                      ]
                    : []),
                  ...(r.innovationPoints
                    ? [
                        {
                          key: 'ip',
                          label: tx('innovationPoints'),
                          span: 'filled' as const,
                          children: <Pre text={r.innovationPoints} />,
                        },
                      ]
                    : []),
                  ...(r.media.length
                    ? [
                        {
                          key: 'media',
                          label: tx('media'),
                          span: 'filled' as const,
                          children: r.media
                            .map(
                              (m) =>
                                `${m.title}${m.outlet ? `（${m.outlet}${m.publishedOn ? ` ${m.publishedOn}` : ''}）` : ''}`,
                            )
                            .join('；'),
                        },
                      ]
                    : []),
                ]}
              />
            </Card>
            <Card size="small" title={tx('contributors')}>
              <Table
                size="small"
                rowKey="personId"
                pagination={false}
                dataSource={r.contributors}
                columns={[
                  { title: tx('contributor'), dataIndex: 'name' },
                  { title: tx('hostOrg'), dataIndex: 'orgName' },
                  {
                    title: tx('role'),
                    dataIndex: 'role',
                    render: (v) => labelOf(contributorRoleLabels, v, lang),
                  },
                  { title: tx('share'), dataIndex: 'share', align: 'right', render: (v: number) => `${v}%` },
                ]}
              />
            </Card>
            {r.patent && (
              <Card size="small" title={tx('patent')}>
                <Descriptions
                  bordered
                  size="small"
                  column={{ xs: 1, md: 3 }}
                  items={[
                    {
                      key: 't',
                      label: tx('patentType'),
                      children: labelOf(patentTypeLabels, r.patent.type, lang),
                    },
                    { key: 'n', label: tx('applicationNo'), children: r.patent.applicationNo },
                    {
                      key: 's',
                      label: tx('patentStatus'),
                      children: (
                        <Tag
                          color={
                            r.patent.status === 'granted'
                              ? 'green'
                              : r.patent.status === 'filing'
                                ? 'blue'
                                : 'default'
                          }
                        >
                          {labelOf(patentStatusLabels, r.patent.status, lang)}
                        </Tag>
                      ),
                    },
                    { key: 'f', label: tx('filedOn'), children: formatDate(r.patent.filedOn) },
                    { key: 'g', label: tx('grantedOn'), children: formatDate(r.patent.grantedOn) || '—' },
                  ]}
                />
              </Card>
            )}
            <BenefitsPanel result={r} />
            <AdoptionsPanel result={r} />
            <Attachments ownerType="result" ownerId={r.id} canUpload={!!a.update} />
          </Flex>
        </Col>
        <Col xs={24} xl={8}>
          <Flex vertical gap={16}>
            <ReviewPanel result={r} />
            <Card size="small" title={tx('history')}>
              <EventTimeline
                events={r.events}
                actionLabels={resultActionLabels}
                statusLabels={resultStatusLabels}
              />
            </Card>
            {(reviewerView || r.view === 'scope') && (
              <SimilarityPanel text={`${r.title}\n${r.problem}`} excludeResultId={r.id} />
            )}
          </Flex>
        </Col>
      </Row>
      {acting && (
        <ActionModal
          open
          title={l(resultActionLabels[acting])}
          opinion={dialog[acting].opinion}
          danger={dialog[acting].danger}
          date={acting === 'recognise' ? dayjs().format('YYYY-MM-DD') : undefined}
          onClose={() => setActing(null)}
          onSubmit={(v) => act(acting, v)}
        >
          {acting === 'pass' && (
            <Form.Item name="reviewerUserIds" label={tx('pickExperts')} rules={[{ required: true }]}>
              <Select
                mode="multiple"
                options={candidates.map((c) => ({
                  value: c.userId,
                  label: `${c.name}${c.orgName ? `（${c.orgName}）` : ''}`,
                }))}
              />
            </Form.Item>
          )}
          {acting === 'recognise' && (
            <>
              <Form.Item
                name="grade"
                label={tx('grade')}
                initialValue={r.suggestedGrade ?? undefined}
                rules={[{ required: true }]}
              >
                <Select options={optionsOf(resultGrades, resultGradeLabels, lang)} />
              </Form.Item>
              <Form.Item name="award" label={tx('award')}>
                <Input maxLength={200} />
              </Form.Item>
            </>
          )}
        </ActionModal>
      )}
    </>
  );
}

function Pre({ text }: { text: string }) {
  return <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>{text}</Typography.Paragraph>;
}
