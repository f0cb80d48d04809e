import { CheckCircleFilled, ClockCircleOutlined, CloudUploadOutlined, StopOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Flex, Result, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  activityKindLabels,
  type CheckinInfo,
  type CheckinResult,
} from '../../../../../common/schemas/activities';
import { ApiError, api } from '../../../shared/api/client';
import { formatDate, formatDateTime } from '../../../shared/format';
import { useMe } from '../../../shared/hooks/useMe';
import { useI18n } from '../../../shared/i18n';
import { labelOf } from '../../../shared/labels';
import { pendingItems, postOrQueue } from '../../../shared/offline/outbox';
import { useOutboxSync } from '../../../shared/offline/useOutboxSync';
import { useLifeTexts } from '../texts';

/**
 * The page a phone opens from an activity's QR code (/checkin/:token). It needs a login (the API client
 * sends anonymous visitors to the login page and back), then shows the activity and one big button.
 * A check-in made while the phone has no connection goes to the offline outbox and is sent, once (with its
 * Idempotency-Key), when the connection returns.
 */
export default function CheckinPage() {
  const { token = '' } = useParams();
  const { t, lang } = useI18n();
  const tx = useLifeTexts();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const key = ['checkin', token];
  const path = `/api/checkin/${encodeURIComponent(token)}`;
  // Outside the app layout nothing else loads the session: useMe also keeps the CSRF token for the POST.
  const me = useMe();
  useEffect(() => {
    if (me.data === null)
      navigate(`/login?next=${encodeURIComponent(`/checkin/${token}`)}`, { replace: true });
  }, [me.data, navigate, token]);
  const info = useQuery({
    queryKey: key,
    queryFn: () => api<CheckinInfo>(path),
    retry: false,
    enabled: !!me.data,
  });
  // outside the app layout: this page sends the outbox itself (and refreshes the activity once it is sent)
  const pending = useOutboxSync(!!me.data);
  const [waiting, setWaiting] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: read the outbox again whenever its size changes
  useEffect(() => {
    if (typeof indexedDB === 'undefined') return;
    pendingItems()
      .then((items) => setWaiting(items.some((i) => i.path === path)))
      .catch(() => undefined);
  }, [pending, path]);
  const checkIn = useMutation({
    // TanStack Query pauses mutations while offline: this one must run, to put the check-in in the outbox
    networkMode: 'always',
    mutationFn: () =>
      postOrQueue<CheckinResult>(path, undefined, `${tx('checkinTitle')} · ${info.data?.title ?? ''}`),
    onSuccess: (r) => (r.queued ? setWaiting(true) : qc.invalidateQueries({ queryKey: key })),
  });

  const shell = (body: React.ReactNode) => (
    <Flex justify="center" style={{ minHeight: '100vh', padding: 16, background: '#f5f6f8' }}>
      <div style={{ width: '100%', maxWidth: 480 }}>
        <Typography.Title level={4} style={{ textAlign: 'center', margin: '16px 0' }}>
          {t('app.name')} · {tx('checkinTitle')}
        </Typography.Title>
        {body}
      </div>
    </Flex>
  );
  if (!me.data || info.isLoading) return shell(<Skeleton active />);
  if (info.error) {
    const e = info.error;
    return shell(
      <Result
        status={e instanceof ApiError && e.status === 404 ? 'warning' : 'error'}
        title={(e as Error).message}
        extra={<Button onClick={() => navigate('/')}>{tx('toWorkbench')}</Button>}
      />,
    );
  }
  const a = info.data!;
  const sent = checkIn.data && !checkIn.data.queued ? checkIn.data.data : null;
  // a check-in sent from the outbox counts as made here, not as an earlier one
  const done = sent ?? (a.attendedAt ? { attendedAt: a.attendedAt, already: !checkIn.data?.queued } : null);
  const failed = checkIn.error as ApiError | null;

  let action: React.ReactNode;
  if (done)
    action = (
      <Result
        icon={<CheckCircleFilled style={{ color: '#52c41a' }} />}
        title={done.already ? tx('checkinAlready') : tx('checkinDone')}
        subTitle={tx('checkinAt', { at: formatDateTime(done.attendedAt) })}
        extra={<Button onClick={() => navigate('/')}>{tx('toWorkbench')}</Button>}
      />
    );
  else if (waiting)
    action = (
      <Result icon={<CloudUploadOutlined />} title={tx('checkinQueued')} subTitle={tx('checkinQueuedHint')} />
    );
  else if (a.state === 'notOpen')
    action = (
      <Result
        icon={<ClockCircleOutlined />}
        title={tx('checkinNotOpen', { opens: formatDateTime(a.opensAt) })}
      />
    );
  else if (a.state === 'expired') action = <Result icon={<StopOutlined />} title={tx('checkinExpired')} />;
  else if (!a.eligible) action = <Alert type="warning" showIcon title={tx('checkinNotEligible')} />;
  else
    action = (
      <Flex vertical gap={12}>
        {failed && <Alert type="error" showIcon title={failed.message} />}
        <Button
          type="primary"
          size="large"
          block
          style={{ height: 56, fontSize: 18 }}
          loading={checkIn.isPending}
          onClick={() => checkIn.mutate()}
        >
          {tx('checkinButton')}
        </Button>
      </Flex>
    );

  return shell(
    <Flex vertical gap={16}>
      <Card>
        <Typography.Title level={5} style={{ marginTop: 0 }}>
          {a.title}
        </Typography.Title>
        <Descriptions
          column={1}
          size="small"
          items={[
            { key: 'studio', label: tx('studio'), children: a.studioName },
            { key: 'kind', label: tx('kind'), children: labelOf(activityKindLabels, a.kind, lang) },
            { key: 'date', label: tx('heldOn'), children: formatDate(a.heldOn) },
            ...(a.place ? [{ key: 'place', label: tx('place'), children: a.place }] : []),
          ]}
        />
      </Card>
      <Card>{action}</Card>
    </Flex>,
  );
}
