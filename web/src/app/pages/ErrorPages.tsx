import { Button, Result } from 'antd';
import { useNavigate, useRouteError } from 'react-router';
import { useI18n } from '../../shared/i18n';

function ErrorResult({ status }: { status: 403 | 404 }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  return (
    <Result
      status={status}
      title={t(status === 403 ? 'error.403.title' : 'error.404.title')}
      subTitle={t(status === 403 ? 'error.403.text' : 'error.404.text')}
      extra={
        <Button type="primary" onClick={() => navigate('/')}>
          {t('error.backHome')}
        </Button>
      }
    />
  );
}

export function ForbiddenPage() {
  return <ErrorResult status={403} />;
}

export function NotFoundPage() {
  return <ErrorResult status={404} />;
}

/** Shown when a page fails to render or its code cannot be loaded (e.g. after an upgrade): offer a reload. */
export function RouteErrorPage() {
  const { t } = useI18n();
  const error = useRouteError();
  console.error(error);
  return (
    <Result
      status="500"
      title={t('error.crash.title')}
      subTitle={t('error.crash.text')}
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('error.reload')}
        </Button>
      }
    />
  );
}
