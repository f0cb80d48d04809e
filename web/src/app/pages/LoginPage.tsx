import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form } from 'antd';
// The two inputs themselves: antd's `Input` namespace also brings TextArea, Search and OTP.
import Input from 'antd/es/input/Input';
import Password from 'antd/es/input/Password';
import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import type { Me } from '../../../../common/schemas/auth';
import { ApiError, api, setCsrfToken } from '../../shared/api/client';
import { useMe, useSetMe } from '../../shared/hooks/useMe';
import { useI18n } from '../../shared/i18n';
import { queueToast } from '../../shared/pendingToasts';
import { LangSwitch } from '../layout/LangSwitch';
import './login.css';

/** Only same-site paths are followed after login. */
function safeNext(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}

export default function LoginPage() {
  const { t, lang } = useI18n();
  const { data: current } = useMe();
  const setMe = useSetMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (current) return <Navigate to={next} replace />;

  const onFinish = async (values: { username: string; password: string }) => {
    setBusy(true);
    setError(null);
    try {
      let me = await api<Me>('/api/auth/login', { method: 'POST', body: values, redirectOn401: false });
      setCsrfToken(me.csrfToken);
      // The language chosen on this page wins over the one saved with the account.
      if (me.locale !== lang) {
        await api('/api/auth/prefs', { method: 'PATCH', body: { locale: lang } }).catch(() => undefined);
        me = { ...me, locale: lang };
      }
      setMe(me);
      // shown by the next page's frame: this page has no antd App (message stack), to stay light
      queueToast({ type: 'success', content: t('login.welcome', { name: me.name }) });
      navigate(me.mustChangePassword ? '/account' : next, { replace: true });
    } catch (err) {
      setError(err instanceof ApiError ? err.message : t('error.unknown'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div
      style={{
        minHeight: '100vh',
        display: 'flex',
        flexDirection: 'column',
        alignItems: 'center',
        justifyContent: 'center',
        padding: 16,
        background: 'linear-gradient(135deg, #0b3d7a 0%, #1a5fb4 55%, #4f8fd8 100%)',
      }}
    >
      <div style={{ position: 'absolute', top: 12, right: 12 }}>
        <LangSwitch dark />
      </div>
      <div style={{ textAlign: 'center', color: '#fff', marginBottom: 24 }}>
        <img src="/favicon.svg" alt="" width={56} height={56} />
        <h2 className="jx-login-brand">{t('app.fullName')}</h2>
        <div style={{ opacity: 0.85 }}>{t('app.slogan')}</div>
      </div>
      <div className="jx-login-card">
        <div className="jx-login-card-head">
          <div className="jx-login-card-title">{t('login.title')}</div>
        </div>
        <div className="jx-login-card-body">
          {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
          <Form layout="vertical" requiredMark={false} onFinish={onFinish} autoComplete="on">
            <Form.Item
              name="username"
              label={t('login.username')}
              rules={[{ required: true, message: t('login.usernameRequired') }]}
            >
              <Input prefix={<UserOutlined />} autoComplete="username" size="large" autoFocus />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('login.password')}
              rules={[{ required: true, message: t('login.passwordRequired') }]}
            >
              <Password prefix={<LockOutlined />} autoComplete="current-password" size="large" />
            </Form.Item>
            <Button type="primary" htmlType="submit" block size="large" loading={busy}>
              {t('login.submit')}
            </Button>
          </Form>
          <p className="jx-login-hint">{t('login.demoHint')}</p>
        </div>
      </div>
    </div>
  );
}
