import { lazy } from 'react';
import { DashboardOutlined } from '@ant-design/icons';
import type { AppRoute } from './router/types.ts';

const SystemStatusPage = lazy(() => import('./pages/system-status/index.tsx'));

/** The console's only routes table: the menu, breadcrumbs, titles and access checks all read it. */
export const appRoutes: AppRoute[] = [
  {
    path: '/overview',
    title: '概览',
    icon: <DashboardOutlined />,
    children: [{ path: '/', title: '系统状态', access: 'system.read', element: <SystemStatusPage /> }],
  },
];
