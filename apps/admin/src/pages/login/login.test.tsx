import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { MemoryRouter, useLocation } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { tokenStore } from '../../api/session.ts';
import { AppProviders } from '../../app.tsx';
import { AppRoutes } from '../../router/app-routes.tsx';
import { appRoutes, standaloneRoutes } from '../../routes.tsx';
import { apiError, byPath, staffMember, staffSession, systemInfo } from '../../test/fixtures.ts';
// Load the lazy pages these journeys visit while the file is collected, not inside a test's time budget.
import '../change-password/index.tsx';
import '../staff/index.tsx';
import './index.tsx';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../api/client.ts', () => ({ apiClient: api }));

function CurrentPath() {
  const { pathname, search } = useLocation();
  return <output data-testid="current-path">{pathname + search}</output>;
}

function renderAt(path: string) {
  return render(
    <AppProviders>
      <MemoryRouter initialEntries={[path]}>
        <AppRoutes routes={appRoutes} standaloneRoutes={standaloneRoutes} />
        <CurrentPath />
      </MemoryRouter>
    </AppProviders>,
  );
}

const currentPath = () => screen.getByTestId('current-path').textContent;
// Pages are lazy chunks, transformed on first import under test.
const pageLoad = { timeout: 10_000 };
// Role queries walk the whole accessibility tree of a table page; a heading's text is found far faster.
const findHeading = (name: string) => screen.findByText(name, { selector: 'h1, h2, h3, h4' }, pageLoad);
const emptyStaffPage = async () => ({ items: [], total: 0, page: 1, pageSize: 20 });

async function signInAs(username: string, password: string) {
  fireEvent.change(await screen.findByLabelText('账号', {}, pageLoad), { target: { value: username } });
  fireEvent.change(screen.getByLabelText('密码'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: /登\s*录/ }));
}

describe('登录', () => {
  beforeEach(() => {
    api.call.mockReset();
  });

  it('says the password was wrong and how many attempts are left', async () => {
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        '/api/admin/auth/login': async () => {
          throw apiError(401, 'INVALID_CREDENTIALS', '账号或密码错误', { attemptsLeft: 2 });
        },
      }),
    );
    renderAt('/login');

    await signInAs('owner', 'wrong-password');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('账号或密码错误');
    expect(alert.textContent).toContain('剩余尝试次数：2 次');
    expect(api.call).toHaveBeenCalledWith(expect.objectContaining({ path: '/api/admin/auth/login' }), {
      body: { username: 'owner', password: 'wrong-password' },
    });
    expect(tokenStore.read()).toBeNull();
  });

  it('says until when a locked account stays locked, in shop time', async () => {
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        '/api/admin/auth/login': async () => {
          throw apiError(423, 'ACCOUNT_LOCKED', '账号已锁定', { lockedUntil: '2025-03-08T02:30:00Z' });
        },
      }),
    );
    renderAt('/login');

    await signInAs('cashier', 'whatever123');

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('账号已被临时锁定');
    expect(alert.textContent).toContain('请于 2025/03/08 10:30:00 后再试');
    expect(alert.textContent).not.toContain('剩余尝试次数');
  });

  it('sends a visitor who is not signed in to the login page and back to the page they wanted', async () => {
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        '/api/admin/auth/login': async () => staffSession({ permissions: ['staff.read'] }),
        'GET /api/admin/staff': emptyStaffPage,
      }),
    );
    renderAt('/staff?page=2');

    expect(await screen.findByRole('button', { name: /登\s*录/ }, pageLoad)).toBeTruthy();
    expect(currentPath()).toBe('/login?redirect=%2Fstaff%3Fpage%3D2');

    await signInAs('owner', 'Owner12345678');

    expect(await findHeading('员工管理')).toBeTruthy();
    expect(currentPath()).toBe('/staff?page=2');
    expect(tokenStore.read()).toMatchObject({ accessToken: 'access-token-1', refreshToken: 'refresh-token-0000000001' });
  });

  it('makes a member with a temporary password change it first, then lets them through', async () => {
    let mustChange = true;
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        '/api/admin/auth/login': async () => staffSession({ staff: { displayName: '王小二', mustChangePassword: true }, permissions: ['staff.read'] }),
        '/api/admin/me/password': async () => {
          mustChange = false;
          return { ok: true };
        },
        '/api/admin/me': async () => ({ staff: staffMember({ displayName: '王小二', mustChangePassword: mustChange }), permissions: ['staff.read'] }),
        'GET /api/admin/staff': emptyStaffPage,
      }),
    );
    renderAt('/login?redirect=%2Fstaff');

    await signInAs('wangxiaoer', 'Tmp-0123456789');

    expect(await findHeading('修改初始密码')).toBeTruthy();
    expect(currentPath()).toBe('/change-password?redirect=%2Fstaff');

    fireEvent.change(screen.getByLabelText('初始密码'), { target: { value: 'Tmp-0123456789' } });
    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'short1' } });
    fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: 'short1' } });
    fireEvent.click(screen.getByRole('button', { name: '修改并进入后台' }));
    expect(await screen.findByText('密码至少 10 位')).toBeTruthy();

    fireEvent.change(screen.getByLabelText('新密码'), { target: { value: 'Fresh2025pass' } });
    fireEvent.change(screen.getByLabelText('确认新密码'), { target: { value: 'Fresh2025pass' } });
    fireEvent.click(screen.getByRole('button', { name: '修改并进入后台' }));

    expect(await findHeading('员工管理')).toBeTruthy();
    expect(currentPath()).toBe('/staff');
    expect(api.call).toHaveBeenCalledWith(expect.objectContaining({ path: '/api/admin/me/password' }), {
      body: { currentPassword: 'Tmp-0123456789', newPassword: 'Fresh2025pass' },
    });
  });

  it('keeps a member who must change the password away from every console page', async () => {
    tokenStore.write(staffSession());
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        '/api/admin/me': async () => ({ staff: staffMember({ mustChangePassword: true }), permissions: ['staff.read', 'audit.read'] }),
      }),
    );
    renderAt('/audit-logs');

    expect(await findHeading('修改初始密码')).toBeTruthy();
    expect(currentPath()).toBe('/change-password?redirect=%2Faudit-logs');
    await waitFor(() => expect(api.call).toHaveBeenCalledTimes(2));
  });
});
