import { lazy, Suspense } from 'react';
import { useI18n } from '../../shared/i18n';
import { PageLoading } from '../layout/PageLoading';

/**
 * The error pages load on demand: antd's `Result` draws its 403/404/500 pictures as inline SVG, ~9 KB gzip that
 * the first page does not need.
 */
const pages = () => import('./ErrorPages');

/** When the error pages' own file cannot load (a release replaced it, or offline), the crash text and a reload. */
function PlainCrash() {
  const { t } = useI18n();
  return (
    <div role="alert" style={{ padding: '48px 16px', textAlign: 'center' }}>
      <h1 style={{ fontSize: 24, fontWeight: 600 }}>{t('error.crash.title')}</h1>
      <p>{t('error.crash.text')}</p>
      <button type="button" onClick={() => window.location.reload()}>
        {t('error.reload')}
      </button>
    </div>
  );
}

const LazyRouteError = lazy(() =>
  pages().then(
    (m) => ({ default: m.RouteErrorPage }),
    () => ({ default: PlainCrash }),
  ),
);
const LazyNotFound = lazy(() => pages().then((m) => ({ default: m.NotFoundPage })));
const LazyForbidden = lazy(() => pages().then((m) => ({ default: m.ForbiddenPage })));

/** Shown when a page fails to render or its code cannot be loaded (e.g. after an upgrade): offer a reload. */
export function RouteErrorPage() {
  return (
    <Suspense fallback={<PageLoading />}>
      <LazyRouteError />
    </Suspense>
  );
}

export function NotFoundPage() {
  return (
    <Suspense fallback={<PageLoading />}>
      <LazyNotFound />
    </Suspense>
  );
}

export function ForbiddenPage() {
  return (
    <Suspense fallback={<PageLoading />}>
      <LazyForbidden />
    </Suspense>
  );
}
