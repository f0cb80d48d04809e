import { Suspense } from 'react';
import { usePermission } from '../shared/hooks/usePermission';
import { PageLoading } from './layout/PageLoading';
import { ForbiddenPage } from './pages/lazyErrorPages';
import type { AppRoute } from './types';

/** Renders a route's page when the user holds its permission, the 403 page otherwise. */
export function RouteGuard({ route }: { route: AppRoute }) {
  const allowed = usePermission(route.permission);
  if (!allowed) return <ForbiddenPage />;
  const Page = route.page;
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}
