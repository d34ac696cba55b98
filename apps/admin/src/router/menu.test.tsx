import { describe, expect, it, vi } from 'vitest';
import { allowAll } from '../access.ts';
import type { AccessFn } from '../access.ts';
import { appRoutes } from '../routes.tsx';
import { findTrail, menuFromRoutes } from './menu.ts';
import type { AppRoute } from './types.ts';

const denyAll: AccessFn = () => false;

const fixtureRoutes: AppRoute[] = [
  {
    path: '/shop',
    title: '店铺',
    children: [
      { path: '/shop/status', title: '状态', access: 'system.read', element: <p>状态页</p> },
      { path: '/shop/help', title: '帮助', element: <p>帮助页</p> },
      { path: '/shop/hidden', title: '隐藏页', hideInMenu: true, element: <p>隐藏</p> },
    ],
  },
  { path: '/system', title: '系统', children: [{ path: '/system/info', title: '信息', access: 'system.read', element: <p /> }] },
];

describe('menuFromRoutes', () => {
  it('lists the 系统状态 page under 概览 when everything is allowed', () => {
    const menu = menuFromRoutes(appRoutes, allowAll);

    expect(menu.map((node) => node.title)).toEqual(['概览']);
    expect(menu[0]?.children?.map((node) => [node.title, node.path])).toEqual([['系统状态', '/']]);
  });

  it('is empty when the access function denies everything', () => {
    expect(menuFromRoutes(appRoutes, denyAll)).toEqual([]);
  });

  it('drops denied and hidden pages, and groups left empty', () => {
    const menu = menuFromRoutes(fixtureRoutes, denyAll);

    expect(menu.map((node) => node.title)).toEqual(['店铺']);
    expect(menu[0]?.children?.map((node) => node.title)).toEqual(['帮助']);
  });

  it('asks the access function about each required permission', () => {
    const access = vi.fn<AccessFn>(() => true);

    const menu = menuFromRoutes(fixtureRoutes, access);

    expect(access).toHaveBeenCalledWith('system.read');
    expect(menu.flatMap((node) => node.children ?? []).map((node) => node.title)).toEqual(['状态', '帮助', '信息']);
  });
});

describe('findTrail', () => {
  it('returns the page with its group for breadcrumbs', () => {
    expect(findTrail(appRoutes, '/').map((route) => route.title)).toEqual(['概览', '系统状态']);
    expect(findTrail(appRoutes, '/nowhere')).toEqual([]);
  });
});
