import { Suspense, lazy, useMemo, useState } from 'react';
import { App, Avatar, Dropdown, Layout, Menu, Modal, Skeleton, Typography, theme } from 'antd';
import type { MenuProps } from 'antd';
import { DownOutlined, KeyOutlined, LogoutOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { useAccess } from '../access.ts';
import { PageTrailContext } from '../components/page-container.tsx';
import { CardSkeleton, PageSkeleton } from '../components/page-skeleton.tsx';
import { APP_TITLE, useDocumentTitle } from '../hooks/use-document-title.ts';
import { useSession, useStaff } from '../hooks/use-session.tsx';
import { useSystemInfo } from '../hooks/use-system-info.tsx';
import { findTrail, menuFromRoutes } from '../router/menu.ts';
import type { MenuNode } from '../router/menu.ts';
import type { AppRoute } from '../router/types.ts';

// Forms are not part of the first screen; the password form comes with the dialog that needs it.
const ChangePasswordForm = lazy(() => import('../components/change-password-form.tsx').then((m) => ({ default: m.ChangePasswordForm })));

type MenuItem = Required<MenuProps>['items'][number];

function toMenuItems(nodes: MenuNode[]): MenuItem[] {
  return nodes.map((node) =>
    node.children
      ? { key: node.key, icon: node.icon, label: node.title, children: toMenuItems(node.children) }
      : { key: node.key, icon: node.icon, label: <Link to={node.path ?? '/'}>{node.title}</Link> },
  );
}

function groupKeys(nodes: MenuNode[]): string[] {
  return nodes.flatMap((node) => (node.children ? [node.key, ...groupKeys(node.children)] : []));
}

function ShopName() {
  const shop = useSystemInfo();
  if (shop.data) return <>{shop.data.name}</>;
  if (shop.loading) return <Skeleton.Input active size="small" style={{ width: 120 }} />;
  return <>{APP_TITLE}</>;
}

function AccountMenu() {
  const { staff } = useStaff();
  const { signOut } = useSession();
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [changingPassword, setChangingPassword] = useState(false);

  const items: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: '修改密码' },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: '退出登录', danger: true },
  ];
  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setChangingPassword(true);
    if (key === 'logout') signOut();
  };

  return (
    <>
      <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
        <button
          type="button"
          aria-label={`账号菜单：${staff.displayName}`}
          style={{ display: 'flex', alignItems: 'center', gap: 8, border: 'none', background: 'none', cursor: 'pointer', padding: '0 4px', height: 40 }}
        >
          <Avatar size="small" icon={<UserOutlined />} style={{ background: token.colorPrimary }} />
          <Typography.Text data-testid="staff-name">{staff.displayName}</Typography.Text>
          <DownOutlined style={{ fontSize: 10, color: token.colorTextTertiary }} />
        </button>
      </Dropdown>
      <Modal title="修改密码" open={changingPassword} footer={null} onCancel={() => setChangingPassword(false)} destroyOnHidden width={420}>
        <Suspense fallback={<CardSkeleton rows={5} />}>
          <ChangePasswordForm
            onChanged={() => {
              setChangingPassword(false);
              message.success('密码已修改');
            }}
          />
        </Suspense>
      </Modal>
    </>
  );
}

export function BasicLayout({ routes }: { routes: AppRoute[] }) {
  const access = useAccess();
  const { pathname } = useLocation();
  const { token } = theme.useToken();
  const [collapsed, setCollapsed] = useState(false);

  const menu = useMemo(() => menuFromRoutes(routes, access), [routes, access]);
  const menuItems = useMemo(() => toMenuItems(menu), [menu]);
  const trail = useMemo(() => findTrail(routes, pathname), [routes, pathname]);
  const page = trail.at(-1);

  useDocumentTitle(page?.title);

  return (
    <Layout style={{ minHeight: '100vh' }}>
      <Layout.Sider
        theme="light"
        width={208}
        collapsible
        collapsed={collapsed}
        onCollapse={setCollapsed}
        breakpoint="lg"
        style={{ borderInlineEnd: `1px solid ${token.colorBorderSecondary}` }}
      >
        <Link
          to="/"
          style={{ display: 'flex', alignItems: 'center', gap: 10, height: 64, paddingInline: collapsed ? 24 : 20, overflow: 'hidden' }}
        >
          <span
            aria-hidden
            style={{
              flex: 'none',
              width: 32,
              height: 32,
              borderRadius: token.borderRadius,
              background: token.colorPrimary,
              color: '#fff',
              fontWeight: 700,
              fontSize: 18,
              lineHeight: '32px',
              textAlign: 'center',
            }}
          >
            M
          </span>
          {!collapsed && (
            <Typography.Text strong style={{ fontSize: 16, whiteSpace: 'nowrap' }}>
              {APP_TITLE}
            </Typography.Text>
          )}
        </Link>
        <Menu
          mode="inline"
          aria-label="主菜单"
          items={menuItems}
          selectedKeys={page ? [page.path] : []}
          defaultOpenKeys={groupKeys(menu)}
          style={{ borderInlineEnd: 'none' }}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header
          style={{
            display: 'flex',
            alignItems: 'center',
            gap: 8,
            paddingInline: 24,
            background: token.colorBgContainer,
            borderBottom: `1px solid ${token.colorBorderSecondary}`,
          }}
        >
          <ShopOutlined style={{ color: token.colorPrimary, fontSize: 18 }} />
          <Typography.Text strong style={{ fontSize: 16 }} data-testid="shop-name">
            <ShopName />
          </Typography.Text>
          <div style={{ marginInlineStart: 'auto' }}>
            <AccountMenu />
          </div>
        </Layout.Header>
        <Layout.Content style={{ padding: 24 }}>
          <PageTrailContext.Provider value={trail}>
            <Suspense fallback={<PageSkeleton />}>
              <Outlet />
            </Suspense>
          </PageTrailContext.Provider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
