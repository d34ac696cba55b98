import { describe, expect, it, vi } from 'vitest';
import { allPermissions } from '@minimall/contracts';
import { accessFor } from '../access.ts';
import type { AccessFn } from '../access.ts';
import { appRoutes } from '../routes.tsx';
import { findTrail, menuFromRoutes } from './menu.ts';
import type { AppRoute } from './types.ts';

const denyAll: AccessFn = () => false;
const owner = accessFor(allPermissions);

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
  it('lists every page to the owner, who holds every permission', () => {
    const menu = menuFromRoutes(appRoutes, owner);

    expect(menu.map((node) => node.title)).toEqual(['概览', '员工与权限']);
    expect(menu[0]?.children?.map((node) => [node.title, node.path])).toEqual([['系统状态', '/']]);
    expect(menu[1]?.children?.map((node) => [node.title, node.path])).toEqual([
      ['员工管理', '/staff'],
      ['角色权限', '/roles'],
      ['操作日志', '/audit-logs'],
    ]);
  });

  it('hides the pages a member has no permission for, and groups left empty', () => {
    const menu = menuFromRoutes(appRoutes, accessFor(['staff.read']));

    expect(menu.map((node) => node.title)).toEqual(['员工与权限']);
    expect(menu[0]?.children?.map((node) => node.title)).toEqual(['员工管理', '角色权限']);
  });

  it('shows 操作日志 alone to a member who may only read the audit trail', () => {
    const menu = menuFromRoutes(appRoutes, accessFor(['audit.read', 'order.read']));

    expect(menu.flatMap((node) => node.children ?? []).map((node) => node.title)).toEqual(['操作日志']);
  });

  it('shows nothing to a member whose roles grant no console page', () => {
    expect(menuFromRoutes(appRoutes, accessFor(['order.read', 'support.chat']))).toEqual([]);
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
