import { ArrowLeftOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Flex, Result, Skeleton, Table, Tabs, Tag } from 'antd';
import { useNavigate, useParams } from 'react-router';
import {
  type ContestDetail,
  type ContestEntry,
  contestAwardLabels,
  contestLevelLabels,
} from '../../../../../common/schemas/contests';
import { ApiError, api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { useLifeTexts } from '../../activities/texts';
import { Attachments } from '../../studios/components/Attachments';
import { contestKeys, useContest } from '../api';

/** A contest: its record and the ranked results with awards and points. */
export default function ContestDetailPage() {
  const { id } = useParams();
  const { t, lang } = useI18n();
  const tx = useLifeTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const { data: c, isLoading, error } = useContest(Number(id));
  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !c)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;
  const ab = c.abilities ?? {};
  const setArchived = (archived: boolean) =>
    modal.confirm({
      title: archived ? t('common.archive') : t('common.restore'),
      content: t(archived ? 'common.confirmArchive' : 'common.confirmRestore', { name: c.name }),
      onOk: async () => {
        try {
          const saved = await api<ContestDetail>(
            `/api/contests/${c.id}/${archived ? 'archive' : 'restore'}`,
            { method: 'POST', body: { version: c.version } },
          );
          qc.setQueryData(contestKeys.one(c.id), saved);
          void qc.invalidateQueries({ queryKey: contestKeys.all });
          message.success(t('common.done'));
        } catch (err) {
          toast(err);
        }
      },
    });
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
            {c.name}
            <Tag>{labelOf(contestLevelLabels, c.level, lang)}</Tag>
            {c.archivedAt && <Tag>{t('common.archived')}</Tag>}
          </Flex>
        }
        extra={
          <>
            {ab.update && (
              <Button onClick={() => navigate(`/contests/${c.id}/edit`)}>{t('common.edit')}</Button>
            )}
            {ab.archive && (
              <Button danger onClick={() => setArchived(true)}>
                {t('common.archive')}
              </Button>
            )}
            {ab.restore && <Button onClick={() => setArchived(false)}>{t('common.restore')}</Button>}
          </>
        }
      />
      <Flex vertical gap={16}>
        <Card size="small">
          <Descriptions
            bordered
            size="small"
            column={{ xs: 1, sm: 1, md: 2, lg: 3 }}
            items={[
              {
                key: 'studio',
                label: tx('studio'),
                children: <a onClick={() => navigate(`/studios/${c.studioId}`)}>{c.studioName}</a>,
              },
              { key: 'date', label: tx('heldOn'), children: formatDate(c.heldOn) },
              { key: 'trade', label: tx('trade'), children: c.trade },
              { key: 'organizer', label: tx('organizer'), children: c.organizer ?? '—' },
              { key: 'place', label: tx('place'), children: c.place ?? '—' },
              {
                key: 'entrants',
                label: tx('entrantCount'),
                children: t('common.unit.people', { n: c.entrantCount }),
              },
              { key: 'summary', label: tx('summary'), span: 'filled', children: c.summary ?? '—' },
            ]}
          />
        </Card>
        <Tabs
          items={[
            {
              key: 'entries',
              label: tx('entries'),
              children: (
                <Card size="small">
                  <Table<ContestEntry>
                    size="small"
                    rowKey="personId"
                    pagination={false}
                    dataSource={c.entries}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      {
                        title: tx('rank'),
                        dataIndex: 'rank',
                        width: 70,
                        render: (r: number | null) =>
                          r ? <Tag color={r <= 3 ? 'gold' : undefined}>{r}</Tag> : '—',
                      },
                      {
                        title: tx('person'),
                        dataIndex: 'name',
                        render: (n: string, e) => (
                          <a onClick={() => navigate(`/people/${e.personId}`)}>{n}</a>
                        ),
                      },
                      { title: t('people.employeeNo'), dataIndex: 'employeeNo' },
                      { title: t('people.org'), dataIndex: 'orgName' },
                      { title: tx('score'), dataIndex: 'score', align: 'right' },
                      {
                        title: tx('award'),
                        dataIndex: 'award',
                        render: (a: ContestEntry['award']) =>
                          a ? <Tag color="gold">{labelOf(contestAwardLabels, a, lang)}</Tag> : '',
                      },
                      {
                        title: tx('awardTitle'),
                        dataIndex: 'awardTitle',
                        render: (v: string | null) => (v ? <Tag color="red">{v}</Tag> : ''),
                      },
                      { title: tx('points'), dataIndex: 'points', align: 'right' },
                    ]}
                  />
                </Card>
              ),
            },
            {
              key: 'files',
              label: tx('photos'),
              children: <Attachments ownerType="contest" ownerId={c.id} canUpload={!!ab.update} />,
            },
          ]}
        />
      </Flex>
    </>
  );
}
