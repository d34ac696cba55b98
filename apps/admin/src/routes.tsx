import { lazy } from 'react';
import { DashboardOutlined, TeamOutlined } from '@ant-design/icons';
import { CHANGE_PASSWORD_PATH, LOGIN_PATH } from './router/paths.ts';
import type { AppRoute, StandaloneRoute } from './router/types.ts';

const SystemStatusPage = lazy(() => import('./pages/system-status/index.tsx'));
const StaffPage = lazy(() => import('./pages/staff/index.tsx'));
const RolesPage = lazy(() => import('./pages/roles/index.tsx'));
const AuditLogsPage = lazy(() => import('./pages/audit-logs/index.tsx'));
const LoginPage = lazy(() => import('./pages/login/index.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/change-password/index.tsx'));

/** The console's only routes table: the menu, breadcrumbs, titles and access checks all read it. */
export const appRoutes: AppRoute[] = [
  {
    path: '/overview',
    title: '概览',
    icon: <DashboardOutlined />,
    children: [{ path: '/', title: '系统状态', access: 'system.read', element: <SystemStatusPage /> }],
  },
  {
    path: '/team',
    title: '员工与权限',
    icon: <TeamOutlined />,
    children: [
      { path: '/staff', title: '员工管理', access: 'staff.read', element: <StaffPage /> },
      { path: '/roles', title: '角色权限', access: 'staff.read', element: <RolesPage /> },
      { path: '/audit-logs', title: '操作日志', access: 'audit.read', element: <AuditLogsPage /> },
    ],
  },
];

/** Full-screen pages outside the console layout. */
export const standaloneRoutes: StandaloneRoute[] = [
  { path: LOGIN_PATH, title: '登录', public: true, element: <LoginPage /> },
  { path: CHANGE_PASSWORD_PATH, title: '修改初始密码', element: <ChangePasswordPage /> },
];
