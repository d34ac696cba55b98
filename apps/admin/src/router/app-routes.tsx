import { Suspense, useMemo } from 'react';
import type { ReactNode } from 'react';
import { Flex } from 'antd';
import { Navigate, useLocation, useRoutes } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { isAllowed, useAccess } from '../access.ts';
import { ErrorState } from '../components/error-state.tsx';
import { FullPageLoading } from '../components/full-page-loading.tsx';
import { useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession } from '../hooks/use-session.tsx';
import { BasicLayout } from '../layouts/basic-layout.tsx';
import { Forbidden, NotFound } from '../pages/exception/index.tsx';
import { menuFromRoutes, pagesOf } from './menu.ts';
import type { MenuNode } from './menu.ts';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH, redirectTarget, withRedirect } from './paths.ts';
import type { AppRoute, StandaloneRoute } from './types.ts';

function firstPage(menu: MenuNode[]): string | undefined {
  for (const node of menu) {
    const path = node.children ? firstPage(node.children) : node.path;
    if (path) return path;
  }
  return undefined;
}

/**
 * Denied pages stay routable so a bookmarked link explains itself with a 403 instead of a 404. The home
 * page is where sign-in lands, so a member who may not see it goes to the first page they may.
 */
function AccessGuard({ route, routes, children }: { route: AppRoute; routes: AppRoute[]; children: ReactNode }) {
  const access = useAccess();
  if (isAllowed(route.access, access)) return children;
  const fallback = route.path === '/' ? firstPage(menuFromRoutes(routes, access)) : undefined;
  return fallback ? <Navigate to={fallback} replace /> : <Forbidden />;
}

/**
 * Pages behind it need a signed-in member who has replaced their initial password; everyone else is sent
 * to log in (or to change the password) and brought back afterwards.
 */
function RequireSession({ passwordChangePage = false, children }: { passwordChangePage?: boolean; children: ReactNode }) {
  const session = useSession();
  const { pathname, search } = useLocation();
  const back = passwordChangePage ? redirectTarget(search) : pathname + search;

  if (session.status === 'loading') return <FullPageLoading />;
  if (session.status === 'failed') {
    return (
      <Flex align="center" justify="center" style={{ minHeight: '100vh' }}>
        <ErrorState title="登录状态校验失败" error={session.error} onRetry={() => void session.reload()} />
      </Flex>
    );
  }
  if (session.status === 'signed-out') return <Navigate to={withRedirect(LOGIN_PATH, back)} replace />;
  if (session.staff.mustChangePassword && !passwordChangePage) return <Navigate to={withRedirect(CHANGE_PASSWORD_PATH, back)} replace />;
  return children;
}

function Standalone({ route }: { route: StandaloneRoute }) {
  useDocumentTitle(route.title);
  const page = <Suspense fallback={<FullPageLoading />}>{route.element}</Suspense>;
  return route.public ? page : <RequireSession passwordChangePage={route.path === CHANGE_PASSWORD_PATH}>{page}</RequireSession>;
}

function toRouteObjects(routes: AppRoute[], standaloneRoutes: StandaloneRoute[]): RouteObject[] {
  const pages: RouteObject[] = pagesOf(routes)
    .filter(({ route }) => route.element !== undefined)
    .map(({ route }) => {
      const element = (
        <AccessGuard route={route} routes={routes}>
          {route.element}
        </AccessGuard>
      );
      return route.path === '/' ? { index: true, element } : { path: route.path, element };
    });
  return [
    ...standaloneRoutes.map((route) => ({ path: route.path, element: <Standalone route={route} /> })),
    {
      path: '/',
      element: (
        <RequireSession>
          <BasicLayout routes={routes} />
        </RequireSession>
      ),
      children: [...pages, { path: '*', element: <NotFound /> }],
    },
  ];
}

export interface AppRoutesProps {
  routes: AppRoute[];
  /** Full-screen pages outside the layout; the login and password-change pages must be among them. */
  standaloneRoutes: StandaloneRoute[];
}

/** Renders the routes table under the shared layout; mount inside a router with basename /admin. */
export function AppRoutes({ routes, standaloneRoutes }: AppRoutesProps) {
  const objects = useMemo(() => toRouteObjects(routes, standaloneRoutes), [routes, standaloneRoutes]);
  return useRoutes(objects);
}
