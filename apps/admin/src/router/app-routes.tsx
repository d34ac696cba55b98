import { useMemo } from 'react';
import type { ReactNode } from 'react';
import { useRoutes } from 'react-router-dom';
import type { RouteObject } from 'react-router-dom';
import { isAllowed, useAccess } from '../access.ts';
import type { Permission } from '../access.ts';
import { BasicLayout } from '../layouts/basic-layout.tsx';
import { Forbidden, NotFound } from '../pages/exception/index.tsx';
import { pagesOf } from './menu.ts';
import type { AppRoute } from './types.ts';

/** Denied pages stay routable so a bookmarked link explains itself with a 403 instead of a 404. */
function AccessGuard({ permission, children }: { permission: Permission | undefined; children: ReactNode }) {
  const access = useAccess();
  return isAllowed(permission, access) ? children : <Forbidden />;
}

function toRouteObjects(routes: AppRoute[]): RouteObject[] {
  const pages: RouteObject[] = pagesOf(routes)
    .filter(({ route }) => route.element !== undefined)
    .map(({ route }) => {
      const element = <AccessGuard permission={route.access}>{route.element}</AccessGuard>;
      return route.path === '/' ? { index: true, element } : { path: route.path, element };
    });
  return [{ path: '/', element: <BasicLayout routes={routes} />, children: [...pages, { path: '*', element: <NotFound /> }] }];
}

/** Renders the routes table under the shared layout; mount inside a router with basename /admin. */
export function AppRoutes({ routes }: { routes: AppRoute[] }) {
  const objects = useMemo(() => toRouteObjects(routes), [routes]);
  return useRoutes(objects);
}
