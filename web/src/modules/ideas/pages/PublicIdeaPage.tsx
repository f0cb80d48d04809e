import { CopyOutlined, SearchOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Alert, App, Button, Card, Input, List, Result, Segmented, Space, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { PublicIdeaStatus } from '../../../../../common/schemas/ideas';
import { LangSwitch } from '../../../app/layout/LangSwitch';
import { ApiError, api } from '../../../shared/api/client';
import { formatDate } from '../../../shared/format';
import { useI18n } from '../../../shared/i18n';
import { postOrQueue } from '../../../shared/offline/outbox';
import { fetchTracking } from '../api';
import { IdeaForm } from '../components/IdeaForm';
import { TrackResult } from '../components/TrackResult';
import {
  type AnonymousCreated,
  type AnonymousSubmission,
  PUBLIC_IDEAS_PATH,
  useAnonymousSubmissions,
} from '../hooks/useAnonymousSubmissions';
import { useTexts } from '../texts';

const group = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/**
 * The public, phone-first idea page (no login): submit anonymously and get a tracking code, or look up an
 * idea's progress and answer by its code. `?org=CODE` preselects the unit (from a QR code on a poster).
 * Offline, the idea waits in the outbox (photo dropped) and is sent once when the connection returns; every
 * tracking code is also kept on the device, so one that arrives later is not lost.
 */
export default function PublicIdeaPage() {
  const tx = useTexts();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const mode = params.get('code') || params.get('tab') === 'track' ? 'track' : 'submit';
  const [created, setCreated] = useState<AnonymousCreated | null>(null);
  const arrived = useCallback(
    (c: AnonymousCreated) => {
      setCreated(c);
      message.success(tx('offlineArrived'));
    },
    [message, tx],
  );
  const { submissions, remember } = useAnonymousSubmissions(arrived);
  const [codeInput, setCodeInput] = useState(params.get('code') ?? '');
  const [tracked, setTracked] = useState<PublicIdeaStatus | null>(null);
  const [trackError, setTrackError] = useState<string | null>(null);
  const orgs = useQuery({
    queryKey: ['public', 'ideas', 'orgs'],
    queryFn: () =>
      api<{ code: string; name: string; parentName: string | null }[]>('/api/public/ideas/orgs', {
        redirectOn401: false,
      }),
    staleTime: 10 * 60_000,
  });

  const track = async (code: string) => {
    setTrackError(null);
    try {
      setTracked(await fetchTracking(code.trim()));
    } catch (err) {
      setTracked(null);
      setTrackError((err as Error).message);
    }
  };
  const setMode = (m: string) => {
    const next = new URLSearchParams(params);
    next.delete('code');
    if (m === 'track') next.set('tab', 'track');
    else next.delete('tab');
    setParams(next, { replace: true });
  };

  return (
    <div style={{ minHeight: '100vh', background: '#f0f4fa' }}>
      <div
        style={{
          background: 'linear-gradient(135deg, #0b3d7a 0%, #1a5fb4 60%, #4f8fd8 100%)',
          color: '#fff',
          padding: '20px 16px 56px',
        }}
      >
        <div style={{ maxWidth: 560, margin: '0 auto', display: 'flex', alignItems: 'center', gap: 10 }}>
          <img src="/favicon.svg" alt="" width={32} height={32} />
          <Typography.Title level={4} style={{ color: '#fff', margin: 0, flex: 1 }}>
            {tx('submitTitle')}
          </Typography.Title>
          <LangSwitch dark />
        </div>
        <div style={{ maxWidth: 560, margin: '8px auto 0', opacity: 0.9, fontSize: 13 }}>
          {tx('anonymousSub')}
        </div>
      </div>
      <div style={{ maxWidth: 560, margin: '-40px auto 0', padding: '0 12px 32px' }}>
        <Card>
          <Segmented
            block
            value={mode}
            onChange={(v) => setMode(String(v))}
            options={[
              { value: 'submit', label: tx('submitTitle') },
              { value: 'track', label: tx('trackTitle') },
            ]}
            style={{ marginBottom: 16 }}
          />
          {mode === 'submit' && created && (
            <Result
              status="success"
              title={tx('submitted', { code: created.code })}
              subTitle={`${tx('deadline')}：${formatDate(created.deadlineAt)}`}
              extra={
                <Space orientation="vertical" style={{ width: '100%' }}>
                  <Typography.Text type="secondary">{tx('trackingCode')}</Typography.Text>
                  <Typography.Text
                    strong
                    style={{ fontSize: 28, letterSpacing: 3, fontFamily: 'monospace' }}
                    data-testid="tracking-code"
                  >
                    {group(created.trackingCode)}
                  </Typography.Text>
                  <Alert type="warning" showIcon title={tx('trackingSaved')} />
                  <Space wrap style={{ justifyContent: 'center' }}>
                    <Button
                      icon={<CopyOutlined />}
                      onClick={() => {
                        void navigator.clipboard?.writeText(created.trackingCode);
                        message.success(tx('copied'));
                      }}
                    >
                      {tx('copyCode')}
                    </Button>
                    <Button type="primary" onClick={() => setParams({ code: created.trackingCode })}>
                      {tx('trackTitle')}
                    </Button>
                    <Button onClick={() => setCreated(null)}>{tx('newIdea')}</Button>
                  </Space>
                </Space>
              }
            />
          )}
          {mode === 'submit' && !created && (
            <IdeaForm
              allowPhoto
              photoAccept="image/jpeg,image/png,image/webp"
              photoHint={tx('photoHint')}
              publicOrgs={orgs.data ?? []}
              initialOrgCode={params.get('org') ?? undefined}
              onSubmit={async (values, photo) => {
                // the photo goes first (it needs the network) and comes back as a one-time token
                let photoToken: string | undefined;
                let photoDropped = false;
                if (photo && navigator.onLine) {
                  const form = new FormData();
                  form.append('file', photo, photo.name);
                  try {
                    photoToken = (
                      await api<{ token: string }>('/api/public/ideas/photos', {
                        method: 'POST',
                        form,
                        redirectOn401: false,
                      })
                    ).token;
                  } catch (e) {
                    if (!(e instanceof ApiError) || e.status !== 0) throw e;
                    photoDropped = true;
                  }
                } else if (photo) photoDropped = true;
                const sent = await postOrQueue<AnonymousCreated>(
                  PUBLIC_IDEAS_PATH,
                  { ...values, photoToken },
                  values.title,
                  { keepResult: true, redirectOn401: false },
                );
                remember({
                  key: sent.key,
                  title: values.title,
                  at: Date.now(),
                  created: sent.queued ? null : sent.data,
                });
                if (sent.queued) {
                  message.info(photoDropped ? tx('queuedNoPhoto') : t('outbox.queued'));
                  return;
                }
                setCreated(sent.data);
              }}
            />
          )}
          {mode === 'submit' && submissions.length > 0 && (
            <MySubmissions items={submissions} onTrack={(code) => setParams({ code })} />
          )}
          {mode === 'track' && (
            <TrackPanel
              value={codeInput}
              onChange={setCodeInput}
              onTrack={track}
              initial={params.get('code')}
              tracked={tracked}
              error={trackError}
            />
          )}
        </Card>
        <div style={{ textAlign: 'center', marginTop: 16 }}>
          <Link to="/ideas/new">{tx('loginHint')}</Link>
        </div>
      </div>
    </div>
  );
}

/** This device's anonymous ideas: the waiting ones, and the tracking code of each one that arrived. */
function MySubmissions({
  items,
  onTrack,
}: {
  items: AnonymousSubmission[];
  onTrack: (code: string) => void;
}) {
  const tx = useTexts();
  return (
    <List
      size="small"
      style={{ marginTop: 20 }}
      header={<Typography.Text strong>{tx('myAnonymous')}</Typography.Text>}
      dataSource={items}
      data-testid="my-anonymous-ideas"
      renderItem={(s) => (
        <List.Item
          actions={
            s.created
              ? [
                  <Button key="track" size="small" onClick={() => onTrack(s.created!.trackingCode)}>
                    {tx('track')}
                  </Button>,
                ]
              : []
          }
        >
          <List.Item.Meta
            title={s.title}
            description={
              s.created ? (
                <Typography.Text
                  copyable={{ text: s.created.trackingCode }}
                  style={{ fontFamily: 'monospace' }}
                >
                  {s.created.code} · {tx('trackingCode')} {group(s.created.trackingCode)}
                </Typography.Text>
              ) : s.failed ? (
                <Tag color="red">{tx('notDelivered')}</Tag>
              ) : (
                <Tag color="orange">{tx('waitingNetwork')}</Tag>
              )
            }
          />
        </List.Item>
      )}
    />
  );
}

function TrackPanel(props: {
  value: string;
  onChange: (v: string) => void;
  onTrack: (code: string) => Promise<void>;
  initial: string | null;
  tracked: PublicIdeaStatus | null;
  error: string | null;
}) {
  const tx = useTexts();
  // biome-ignore lint/correctness/useExhaustiveDependencies: look the code up once when the page opens with one
  useEffect(() => {
    if (props.initial) {
      props.onChange(props.initial);
      void props.onTrack(props.initial);
    }
  }, [props.initial]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Space.Compact style={{ width: '100%' }}>
        <Input
          size="large"
          value={props.value}
          onChange={(e) => props.onChange(e.target.value.toUpperCase())}
          placeholder={tx('trackPh')}
          maxLength={11}
          style={{ fontFamily: 'monospace', letterSpacing: 2 }}
          onPressEnter={() => void props.onTrack(props.value)}
        />
        <Button
          size="large"
          type="primary"
          icon={<SearchOutlined />}
          onClick={() => void props.onTrack(props.value)}
        >
          {tx('track')}
        </Button>
      </Space.Compact>
      {props.error && <Alert type="error" showIcon title={props.error} />}
      {props.tracked && <TrackResult data={props.tracked} />}
    </Space>
  );
}
