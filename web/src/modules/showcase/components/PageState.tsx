import { Empty, Skeleton } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useTexts } from '../texts';

// antd's Result draws its 404 picture as inline SVG (~10 KB gzip): loaded only when a page is not found.
const NotPublished = lazy(() => import('./NotPublished'));

/** Loading skeleton, a "not published" answer for 404s, or the page. */
export function PageState({
  loading,
  error,
  children,
}: {
  loading: boolean;
  error: unknown;
  children: () => ReactNode;
}) {
  if (error)
    return (
      <Suspense fallback={null}>
        <NotPublished />
      </Suspense>
    );
  if (loading) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <>{children()}</>;
}

export function Nothing() {
  const tx = useTexts();
  return <Empty description={tx('empty')} />;
}
