import { type ComponentType, lazy, Suspense } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { RouteGuard } from './guard';
import { PageLoading } from './layout/PageLoading';
import { NotFoundPage, RouteErrorPage } from './pages/lazyErrorPages';
import { routes } from './routes';

/** A lazy page inside antd's `App` (message / modal context), which loads with it: see ./feedback.tsx. */
function withFeedback(load: () => Promise<{ default: ComponentType }>) {
  return lazy(async () => {
    const [{ default: Page }, { Feedback }] = await Promise.all([load(), import('./feedback')]);
    return {
      default: () => (
        <Feedback>
          <Page />
        </Feedback>
      ),
    };
  });
}

const LoginPage = lazy(() => import('./pages/LoginPage'));
// The signed-in layout (menu, header, icons) loads after the login page, not with it.
const AppLayout = withFeedback(() => import('./layout/AppLayout').then((m) => ({ default: m.AppLayout })));
const PublicIdeaPage = withFeedback(() => import('../modules/ideas/pages/PublicIdeaPage'));
const CheckinPage = withFeedback(() => import('../modules/activities/pages/CheckinPage'));
const ShowcaseLayout = lazy(() => import('../modules/showcase/components/ShowcaseLayout'));
const showcasePages: RouteObject[] = [
  { index: true, page: () => import('../modules/showcase/pages/ShowcaseHomePage') },
  { path: 'studios/:id', page: () => import('../modules/showcase/pages/ShowcaseStudioPage') },
  { path: 'results', page: () => import('../modules/showcase/pages/ShowcaseResultsPage') },
  { path: 'results/:id', page: () => import('../modules/showcase/pages/ShowcaseResultPage') },
  { path: 'namings', page: () => import('../modules/showcase/pages/ShowcaseNamingsPage') },
].map(({ page, ...r }) => {
  const Page = lazy(page);
  return { ...r, element: <Page /> } as RouteObject;
});

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
    // The public showcase (issue 8): no login, phone first; a plaque's QR code opens /showcase/studios/:id.
    path: '/showcase',
    element: (
      <Suspense fallback={<PageLoading />}>
        <ShowcaseLayout />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
    children: showcasePages,
  },
  {
    element: (
      <Suspense fallback={<PageLoading />}>
        <AppLayout />
      </Suspense>
    ),
    errorElement: <RouteErrorPage />,
    children: [...pageRoutes, { path: '*', element: <NotFoundPage /> }],
  },
]);
