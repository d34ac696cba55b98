import type { ReactNode } from 'react';
import { matchPath } from 'react-router-dom';
import { isAllowed } from '../access.ts';
import type { AccessFn } from '../access.ts';
import type { AppRoute } from './types.ts';

export interface MenuNode {
  key: string;
  title: string;
  icon?: ReactNode;
  /** Set on pages; groups only open and close. */
  path?: string;
  children?: MenuNode[];
}

/** The side menu: routes the access function allows, groups left with no visible page dropped. */
export function menuFromRoutes(routes: AppRoute[], access: AccessFn): MenuNode[] {
  const nodes: MenuNode[] = [];
  for (const route of routes) {
    if (route.hideInMenu || !isAllowed(route.access, access)) continue;
    if (route.children) {
      const children = menuFromRoutes(route.children, access);
      if (children.length > 0) nodes.push({ key: route.path, title: route.title, icon: route.icon, children });
    } else {
      nodes.push({ key: route.path, title: route.title, icon: route.icon, path: route.path });
    }
  }
  return nodes;
}

/** Every page of the table (leaves), whatever the access; the guard decides at render time. */
export function pagesOf(routes: AppRoute[], parents: AppRoute[] = []): Array<{ route: AppRoute; trail: AppRoute[] }> {
  return routes.flatMap((route) =>
    route.children ? pagesOf(route.children, [...parents, route]) : [{ route, trail: [...parents, route] }],
  );
}

/** The matched page with its groups, for breadcrumbs, the title and the selected menu item. */
export function findTrail(routes: AppRoute[], pathname: string): AppRoute[] {
  const found = pagesOf(routes).find(({ route }) => matchPath({ path: route.path, end: true }, pathname));
  return found?.trail ?? [];
}
