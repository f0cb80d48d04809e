import { lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteGuard } from './guard';
import { AppLayout } from './layout/AppLayout';
import { PageLoading } from './layout/PageLoading';
import { NotFoundPage, RouteErrorPage } from './pages/ErrorPages';
import { routes } from './routes';

const LoginPage = lazy(() => import('./pages/LoginPage'));
const PublicIdeaPage = lazy(() => import('../modules/ideas/pages/PublicIdeaPage'));
const CheckinPage = lazy(() => import('../modules/activities/pages/CheckinPage'));

const pageRoutes: RouteObject[] = routes.map((route) => ({
  path: route.path,
  handle: { route },
  element: <RouteGuard route={route} />,
  errorElement: <RouteErrorPage />,
}));

/** The login page stands alone; every other page renders inside the layout, which requires a session. */
export const router = createBrowserRouter([
  {
    path: '/login',
    element: (
      <Suspense fallback={<PageLoading />}>
        <LoginPage />
      </Suspense>
    ),
  },
  {
    // The anonymous idea page and its tracking lookup: no login (a poster's QR code links here).
    path: '/public/ideas',
    element: (
      <Suspense fallback={<PageLoading />}>
        <PublicIdeaPage />
      </Suspense>
    ),
  },
  {
    // QR attendance on a phone (issue 6): a page of its own, without the side menu; the API asks for a login.
    path: '/checkin/:token',
    element: (
      <Suspense fallback={<PageLoading />}>
        <CheckinPage />
      </Suspense>
    ),
  },
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    children: [...pageRoutes, { path: '*', element: <NotFoundPage /> }],
  },
]);
