import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError, allPermissions } from '@minimall/contracts';
import { tokenStore } from '../api/session.ts';
import { AppProviders } from '../app.tsx';
import type { SignedInStaff } from '../hooks/use-session.tsx';
import { AppRoutes } from '../router/app-routes.tsx';
import { appRoutes, standaloneRoutes } from '../routes.tsx';
import { buttonByText, findDialog } from '../test/dom.ts';
import { apiError, byPath, readiness, signedIn, staffSession, systemInfo } from '../test/fixtures.ts';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/client.ts', () => ({ apiClient: api }));
vi.mock('../components/chart.tsx', () => ({ Chart: () => <div /> }));

const owner = signedIn(allPermissions);

describe('console layout', () => {
  beforeEach(() => {
    api.call.mockReset();
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        '/readyz': async () => readiness(),
        '/api/admin/auth/logout': async () => ({ ok: true }),
        '/api/admin/staff': async () => ({ items: [], total: 0, page: 1, pageSize: 20 }),
      }),
    );
  });

  function renderAt(path: string, session: SignedInStaff) {
    return render(
      <AppProviders session={session}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes routes={appRoutes} standaloneRoutes={standaloneRoutes} />
        </MemoryRouter>
      </AppProviders>,
    );
  }

  it('shows the shop name, the menu and the page title with its breadcrumb', async () => {
    renderAt('/', owner);

    // The first lazy import of the page is transformed on demand, which can take a few seconds.
    expect(await screen.findByRole('heading', { name: '系统状态' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByRole('link', { name: '系统状态' }).closest('.ant-menu')).not.toBeNull();
    expect(await within(screen.getByTestId('shop-name')).findByText('鲜果小铺')).toBeTruthy();
    expect(document.querySelector('.ant-breadcrumb')?.textContent).toBe('概览/系统状态');
    expect(document.title).toBe('系统状态 - 商家后台');
  });

  it('fills in the header shop name when the page retries a failed load', async () => {
    let infoCalls = 0;
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => {
          infoCalls += 1;
          if (infoCalls === 1) throw new ApiError(0, { code: 'NETWORK', message: '网络异常，请稍后重试' });
          return systemInfo();
        },
        '/readyz': async () => readiness(),
      }),
    );
    renderAt('/', owner);
    expect(await screen.findByText('网络异常，请稍后重试', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByTestId('shop-name').textContent).toBe('商家后台');

    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));

    expect(await within(screen.getByTestId('shop-name')).findByText('鲜果小铺')).toBeTruthy();
    expect(infoCalls).toBe(2);
  });

  it('renders neither menu entry nor page for a denied route', async () => {
    renderAt('/', signedIn([]));

    expect(await screen.findByText('抱歉，您没有权限访问此页面。')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '系统状态' })).toBeNull();
    expect(screen.queryByRole('heading', { name: '系统状态' })).toBeNull();
  });

  it('answers a page the member may not open with 403 and leaves it out of the menu', async () => {
    renderAt('/audit-logs', signedIn(['system.read', 'staff.read']));

    expect(await screen.findByText('抱歉，您没有权限访问此页面。')).toBeTruthy();
    expect(screen.getByRole('link', { name: '员工管理' })).toBeTruthy();
    expect(screen.queryByRole('link', { name: '操作日志' })).toBeNull();
  });

  it('sends a member who may not see the home page to the first page they may open', async () => {
    renderAt('/', signedIn(['staff.read']));

    expect(await screen.findByRole('heading', { name: '员工管理' }, { timeout: 10_000 })).toBeTruthy();
    expect(screen.queryByText('抱歉，您没有权限访问此页面。')).toBeNull();
  });

  it('answers an unknown path with a Chinese 404', async () => {
    renderAt('/no-such-page', owner);

    expect(await screen.findByText('抱歉，您访问的页面不存在。')).toBeTruthy();
    expect(screen.getByRole('link', { name: /返回首页/ }).getAttribute('href')).toBe('/');
  });

  it('names the signed-in member in the header and signs out from its menu', async () => {
    tokenStore.write(staffSession({ refreshToken: 'refresh-token-of-this-tab' }));
    renderAt('/', signedIn(allPermissions, { displayName: '林店长' }));

    fireEvent.click(await screen.findByRole('button', { name: '账号菜单：林店长' }));
    fireEvent.click(await screen.findByText('退出登录'));

    expect(await screen.findByRole('button', { name: /登\s*录/ }, { timeout: 10_000 })).toBeTruthy();
    expect(tokenStore.read()).toBeNull();
    await waitFor(() =>
      expect(api.call).toHaveBeenCalledWith(
        expect.objectContaining({ path: '/api/admin/auth/logout' }),
        { body: { refreshToken: 'refresh-token-of-this-tab' } },
      ),
    );
  });

  it('changes the password from the header menu, with the server message under a wrong current password', async () => {
    let attempts = 0;
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        '/readyz': async () => readiness(),
        '/api/admin/me/password': async () => {
          attempts += 1;
          if (attempts === 1) {
            throw apiError(400, 'VALIDATION_FAILED', '当前密码不正确', { fields: [{ in: 'body', path: 'currentPassword', message: '当前密码不正确' }] });
          }
          return { ok: true };
        },
      }),
    );
    renderAt('/', owner);

    fireEvent.click(await screen.findByRole('button', { name: '账号菜单：林店长' }));
    fireEvent.click(await screen.findByText('修改密码'));
    const dialog = await findDialog('修改密码');
    fireEvent.change(await within(dialog).findByLabelText('当前密码', {}, { timeout: 5_000 }), { target: { value: 'Guess2024pass' } });
    fireEvent.change(within(dialog).getByLabelText('新密码'), { target: { value: 'Fresh2025pass' } });
    fireEvent.change(within(dialog).getByLabelText('确认新密码'), { target: { value: 'Fresh2025pass' } });
    fireEvent.click(buttonByText('确认修改', dialog) as HTMLElement);

    const current = within(dialog).getByLabelText('当前密码').closest('.ant-form-item') as HTMLElement;
    expect(await within(current).findByText('当前密码不正确')).toBeTruthy();

    fireEvent.change(within(dialog).getByLabelText('当前密码'), { target: { value: 'Owner2025pass' } });
    fireEvent.click(buttonByText('确认修改', dialog) as HTMLElement);

    expect(await screen.findByText('密码已修改')).toBeTruthy();
    expect(api.call).toHaveBeenLastCalledWith(expect.objectContaining({ path: '/api/admin/me/password' }), {
      body: { currentPassword: 'Owner2025pass', newPassword: 'Fresh2025pass' },
    });
  });
});
