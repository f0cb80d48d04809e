import { ArrowLeftOutlined, CopyOutlined, PrinterOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Flex,
  Image,
  Result,
  Skeleton,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import { useNavigate, useParams } from 'react-router';
import {
  type ActivityDetail,
  activityKindLabels,
  type Participant,
  participantRoleLabels,
} from '../../../../../common/schemas/activities';
import { ApiError, api } from '../../../shared/api/client';
import { PageHeader } from '../../../shared/components/PageHeader';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useErrorToast } from '../../../shared/hooks/useApiMessage';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { Attachments } from '../../studios/components/Attachments';
import { activityKeys, useActivity } from '../api';
import { useLifeTexts } from '../texts';

/** An activity: its record, the attendance list, the check-in QR code and photos. */
export default function ActivityDetailPage() {
  const { id } = useParams();
  const activityId = Number(id);
  const { t, lang } = useI18n();
  const tx = useLifeTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const { modal, message } = App.useApp();
  const toast = useErrorToast();
  const { data: a, isLoading, error } = useActivity(activityId);
  if (isLoading) return <Skeleton active />;
  if (error instanceof ApiError && error.status === 404)
    return <Result status="404" title={t('error.404.title')} subTitle={error.message} />;
  if (error || !a)
    return <Alert type="error" showIcon title={(error as Error | null)?.message ?? t('common.loadFailed')} />;
  const ab = a.abilities ?? {};

  const setArchived = (archived: boolean) =>
    modal.confirm({
      title: archived ? t('common.archive') : t('common.restore'),
      content: t(archived ? 'common.confirmArchive' : 'common.confirmRestore', { name: a.title }),
      okButtonProps: archived ? { danger: true } : undefined,
      onOk: async () => {
        try {
          const saved = await api<ActivityDetail>(
            `/api/activities/${a.id}/${archived ? 'archive' : 'restore'}`,
            {
              method: 'POST',
              body: { version: a.version },
            },
          );
          qc.setQueryData(activityKeys.one(a.id), saved);
          void qc.invalidateQueries({ queryKey: activityKeys.all });
          message.success(t('common.done'));
        } catch (err) {
          toast(err);
        }
      },
    });

  const participants = (
    <Card
      size="small"
      title={`${tx('participants')} · ${tx('attendedOf', { a: a.attendedCount, i: a.invitedCount })}`}
    >
      <Table<Participant>
        size="small"
        rowKey="personId"
        pagination={false}
        dataSource={a.participants}
        scroll={{ x: 'max-content' }}
        columns={[
          {
            title: tx('person'),
            dataIndex: 'name',
            render: (n: string, p) => <a onClick={() => navigate(`/people/${p.personId}`)}>{n}</a>,
          },
          { title: t('people.employeeNo'), dataIndex: 'employeeNo' },
          { title: t('people.org'), dataIndex: 'orgName' },
          {
            title: tx('role'),
            dataIndex: 'role',
            render: (r: Participant['role']) => labelOf(participantRoleLabels, r, lang),
          },
          {
            title: tx('attendedAt'),
            dataIndex: 'attendedAt',
            render: (v: string | null) => (v ? formatDateTime(v) : <Tag>{tx('invited')}</Tag>),
          },
          {
            title: tx('method'),
            dataIndex: 'checkinMethod',
            render: (m: Participant['checkinMethod']) =>
              m === 'qr' ? <Tag color="green">{tx('methodQr')}</Tag> : m ? tx('methodManual') : '',
          },
          { title: tx('hours'), dataIndex: 'hours', align: 'right' },
          { title: tx('certificate'), dataIndex: 'certificate' },
        ]}
      />
    </Card>
  );

  const qr = a.checkin && (
    <Card size="small" title={tx('checkinQr')}>
      <Flex gap={24} wrap align="center">
        <Image
          src={`/api/activities/${a.id}/checkin-qr`}
          width={220}
          height={220}
          alt={tx('checkinQr')}
          preview={false}
        />
        <Flex vertical gap={12} style={{ maxWidth: 420 }}>
          <Typography.Paragraph>
            {tx('checkinHint', {
              opens: formatDateTime(a.checkin.opensAt),
              closes: formatDateTime(a.checkin.expiresAt),
            })}
          </Typography.Paragraph>
          <Typography.Text code copyable={false} style={{ wordBreak: 'break-all' }}>
            {a.checkin.url}
          </Typography.Text>
          <Flex gap={8}>
            <Button
              icon={<CopyOutlined />}
              onClick={async () => {
                await navigator.clipboard?.writeText(a.checkin!.url);
                message.success(tx('copied'));
              }}
            >
              {tx('copyLink')}
            </Button>
            <Button
              icon={<PrinterOutlined />}
              onClick={() => window.open(`/api/activities/${a.id}/checkin-qr`, '_blank')}
            >
              {tx('printQr')}
            </Button>
          </Flex>
        </Flex>
      </Flex>
    </Card>
  );

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
            {a.title}
            <Tag color={a.kind === 'training' ? 'blue' : undefined}>
              {labelOf(activityKindLabels, a.kind, lang)}
            </Tag>
            {a.archivedAt && <Tag>{t('common.archived')}</Tag>}
          </Flex>
        }
        extra={
          <>
            {ab.update && (
              <Button onClick={() => navigate(`/activities/${a.id}/edit`)}>{t('common.edit')}</Button>
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
                children: <a onClick={() => navigate(`/studios/${a.studioId}`)}>{a.studioName}</a>,
              },
              { key: 'date', label: tx('heldOn'), children: formatDate(a.heldOn) },
              { key: 'place', label: tx('place'), children: a.place ?? '—' },
              { key: 'hours', label: tx('hours'), children: a.hours },
              ...(a.kind === 'training'
                ? [{ key: 'trainer', label: tx('trainer'), children: a.trainerName ?? '—' }]
                : []),
              { key: 'outside', label: tx('outsideCount'), children: a.outsideCount },
              {
                key: 'alliance',
                label: tx('alliance'),
                children: a.allianceId ? (
                  <a onClick={() => navigate(`/alliances/${a.allianceId}`)}>{a.allianceName}</a>
                ) : (
                  '—'
                ),
              },
              { key: 'summary', label: tx('summary'), span: 'filled', children: a.summary ?? '—' },
            ]}
          />
        </Card>
        <Tabs
          items={[
            { key: 'participants', label: tx('participants'), children: participants },
            ...(qr ? [{ key: 'qr', label: tx('checkinQr'), children: qr }] : []),
            {
              key: 'files',
              label: tx('photos'),
              children: <Attachments ownerType="activity" ownerId={a.id} canUpload={!!ab.update} />,
            },
          ]}
        />
      </Flex>
    </>
  );
}
