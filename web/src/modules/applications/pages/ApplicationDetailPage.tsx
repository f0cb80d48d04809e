import { ArrowLeftOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Flex,
  Result,
  Skeleton,
  Steps,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { namingLevelLabels, studioTypeLabels } from '../../../../../common/enums';
import type { ApplicationDetail } from '../../../../../common/schemas/applications';
import {
  type ApplicationAction,
  applicationActionLabels,
  applicationMainLine,
  applicationStateLabels,
} from '../../../../../common/workflows/application';
import { ApiError, download } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { applicationKeys, useApplication } from '../api';
import { ConditionTable } from '../components/ConditionTable';
import { ExpertsPanel } from '../components/ExpertsPanel';
import { HistoryTimeline } from '../components/HistoryTimeline';
import { ObjectionsPanel } from '../components/ObjectionsPanel';
import { StateTag } from '../components/StateTag';
import { TransitionModal } from '../components/TransitionModal';
import { useTexts } from '../texts';

const buttonOrder: ApplicationAction[] = [
  'submit',
  'pass',
  'finishExpertReview',
  'finishSiteVisit',
  'name',
  'return',
  'reject',
];

/** One application: its step, the actions the server allows the caller, materials, history, experts and 公示. */
export default function ApplicationDetailPage() {
  const id = Number(useParams().id);
  const { l, t } = useI18n();
  const tx = useTexts();
  const toast = useErrorToast();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { data: app, isLoading, error } = useApplication(id);
  const [action, setAction] = useState<ApplicationAction | null>(null);

  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !app)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;

  const a = app.abilities;
  const changed = (next?: ApplicationDetail) => {
    if (next) qc.setQueryData(applicationKeys.one(id), next);
    else void qc.invalidateQueries({ queryKey: applicationKeys.one(id) });
    void qc.invalidateQueries({
      queryKey: applicationKeys.all,
      exact: false,
      predicate: (q) => q.queryKey.length !== 2,
    });
  };
  const last = app.steps.at(-1);
  const stuck = app.state === 'returned' || app.state === 'rejected';
  const current = stuck
    ? applicationMainLine.indexOf(last?.fromState ?? 'firstReview')
    : applicationMainLine.indexOf(app.state);
  const certificate = async () => {
    try {
      await download(
        `/api/applications/${app.id}/certificate`,
        `${app.studioName}-${l({ zh: '荣誉证书', en: 'certificate' })}.pdf`,
      );
    } catch (err) {
      toast(err);
    }
  };

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
            {app.studioName}
            <Tag>{l(namingLevelLabels[app.level])}</Tag>
            <StateTag state={app.state} />
          </Flex>
        }
        extra={
          <>
            {a.edit && (
              <Button icon={<EditOutlined />} onClick={() => navigate(`/applications/new?id=${app.id}`)}>
                {tx('editMaterials')}
              </Button>
            )}
            {buttonOrder
              .filter((x) => a[x])
              .map((x) => (
                <Button
                  key={x}
                  type={x === 'return' || x === 'reject' ? 'default' : 'primary'}
                  danger={x === 'reject'}
                  onClick={() => setAction(x)}
                >
                  {l(applicationActionLabels[x])}
                </Button>
              ))}
            {a.certificate && (
              <Button icon={<DownloadOutlined />} onClick={certificate}>
                {tx('certificate')}
              </Button>
            )}
          </>
        }
      />
      <Card size="small" style={{ marginBottom: 16 }}>
        <Steps
          size="small"
          current={current}
          status={
            app.state === 'rejected'
              ? 'error'
              : app.state === 'returned'
                ? 'wait'
                : app.state === 'named'
                  ? 'finish'
                  : 'process'
          }
          items={applicationMainLine.map((s, i) => ({
            title: l({
              zh: ['申报', '基层初审', '上级审核', '专家评审', '实地考察', '公示', '命名'][i]!,
              en: applicationStateLabels[s].en,
            }),
            description: stuck && i === current ? <StateTag state={app.state} /> : undefined,
          }))}
        />
      </Card>
      <Tabs
        items={[
          {
            key: 'basics',
            label: tx('basics'),
            children: (
              <Flex vertical gap={16}>
                <Card size="small">
                  <Descriptions
                    bordered
                    size="small"
                    column={{ xs: 1, md: 2, lg: 3 }}
                    items={[
                      { key: 's', label: tx('studio'), children: app.studioName },
                      { key: 't', label: tx('type'), children: l(studioTypeLabels[app.studioType]) },
                      { key: 'o', label: tx('hostOrg'), children: app.hostOrgName },
                      { key: 'l', label: tx('leader'), children: app.leaderName ?? '—' },
                      { key: 'v', label: tx('level'), children: l(namingLevelLabels[app.level]) },
                      { key: 'r', label: tx('rulebookVersion'), children: `V${app.rulebookVersionNo}` },
                      {
                        key: 'sub',
                        label: tx('submittedAt'),
                        children: formatDateTime(app.submittedAt) || '—',
                      },
                      {
                        key: 'sc',
                        label: tx('score'),
                        children: app.finalScore === null ? '—' : `${app.finalScore}（${app.grade}）`,
                      },
                      { key: 'p', label: tx('plaqueNo'), children: app.plaqueNo ?? '—' },
                      ...(app.publicityStart
                        ? [
                            {
                              key: 'w',
                              label: tx('publicityWindow'),
                              children: `${formatDate(app.publicityStart)} ~ ${formatDate(app.publicityEnd)}`,
                            },
                          ]
                        : []),
                    ]}
                  />
                </Card>
                <Card size="small" title={tx('conditions')}>
                  {app.conditionCheck ? (
                    <ConditionTable results={app.conditionCheck} notes={app.materials.conditionNotes} />
                  ) : (
                    <Typography.Text type="secondary">{tx('noHistory')}</Typography.Text>
                  )}
                </Card>
                <Card size="small" title={tx('stepMaterials')}>
                  <Descriptions
                    column={1}
                    size="small"
                    items={(['summary', 'achievements', 'plans'] as const).map((k) => ({
                      key: k,
                      label: tx(k),
                      children: (
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                          {app.materials[k] || '—'}
                        </Typography.Paragraph>
                      ),
                    }))}
                  />
                </Card>
              </Flex>
            ),
          },
          {
            key: 'history',
            label: `${tx('history')} ${app.steps.length}`,
            children: (
              <Card size="small">
                <HistoryTimeline steps={app.steps} />
              </Card>
            ),
          },
          ...(a.viewScores
            ? [
                {
                  key: 'experts',
                  label: tx('experts'),
                  children: <ExpertsPanel app={app} onChanged={changed} />,
                },
              ]
            : []),
          ...(app.publicityStart || app.objections.length
            ? [
                {
                  key: 'publicity',
                  label: `${tx('publicity')}${app.openObjections ? ` (${app.openObjections})` : ''}`,
                  children: <ObjectionsPanel app={app} onChanged={changed} />,
                },
              ]
            : []),
        ]}
      />
      <TransitionModal
        app={app}
        action={action}
        onClose={() => setAction(null)}
        onDone={(next) => {
          setAction(null);
          changed(next);
        }}
      />
    </>
  );
}
