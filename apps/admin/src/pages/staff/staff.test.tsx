import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Permission } from '@minimall/contracts';
import { AppProviders } from '../../app.tsx';
import { byPath, role, signedIn, staffMember, systemInfo } from '../../test/fixtures.ts';
import type { CallInput } from '../../test/fixtures.ts';
import { buttonByText, findDialog, rowOf } from '../../test/dom.ts';
import StaffPage from './index.tsx';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../api/client.ts', () => ({ apiClient: api }));

const owner = staffMember();
const cashier = staffMember({
  id: '7d1c2b3a-0000-4000-8000-000000000001',
  username: 'wangxiaoer',
  displayName: '王小二',
  roles: [
    { id: 'role-cs', code: 'customer-service', name: '客服' },
    { id: 'role-wh', code: 'warehouse', name: '仓管' },
  ],
  lockedUntil: '2099-03-08T02:30:00Z',
  lastLoginAt: null,
});
const leaver = staffMember({ id: '7d1c2b3a-0000-4000-8000-000000000002', username: 'zhaoliu', displayName: '赵六', status: 'disabled', roles: [] });

const roles = [
  role({ id: 'role-owner', code: 'owner', name: '店主' }),
  role({ id: 'role-op', code: 'operator', name: '运营' }),
  role({ id: 'role-cs', code: 'customer-service', name: '客服' }),
];

function renderPage(permissions: Permission[]) {
  return render(
    <AppProviders session={signedIn(permissions, owner)}>
      <MemoryRouter>
        <StaffPage />
      </MemoryRouter>
    </AppProviders>,
  );
}

describe('员工管理', () => {
  beforeEach(() => {
    api.call.mockReset();
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        'GET /api/admin/staff': async () => ({ items: [owner, cashier, leaver], total: 23, page: 1, pageSize: 20 }),
        'GET /api/admin/roles': async () => roles,
        'POST /api/admin/staff': async (input: CallInput) => ({
          staff: staffMember({ id: '7d1c2b3a-0000-4000-8000-000000000009', ...(input.body as object), mustChangePassword: true }),
          temporaryPassword: 'Kx7-p2Qm-9zTa',
        }),
      }),
    );
  });

  it('lists the members the server returned, one page at a time', async () => {
    renderPage(['staff.read', 'staff.manage']);

    expect(await screen.findByText('王小二')).toBeTruthy();
    expect(api.call).toHaveBeenCalledWith(expect.objectContaining({ path: '/api/admin/staff', method: 'GET' }), { query: { page: 1, pageSize: 20, keyword: undefined } });

    const row = rowOf('wangxiaoer');
    expect(within(row).getByText('客服')).toBeTruthy();
    expect(within(row).getByText('仓管')).toBeTruthy();
    expect(within(row).getByText('启用')).toBeTruthy();
    expect(within(row).getByText('锁定至 03/08 10:30')).toBeTruthy();
    expect(within(row).getByText('从未登录')).toBeTruthy();
    expect(within(rowOf('zhaoliu')).getByText('停用')).toBeTruthy();
    expect(buttonByText('启用', rowOf('zhaoliu'))).toBeTruthy();
    expect(within(rowOf('owner')).getByText('2025/03/08 09:00:00')).toBeTruthy();
    expect(screen.getByText('共 23 条')).toBeTruthy();
  });

  it('searches by keyword on the server, from the first page', async () => {
    renderPage(['staff.read']);
    await screen.findByText('王小二');

    fireEvent.change(screen.getByPlaceholderText('搜索账号或姓名'), { target: { value: '  王  ' } });
    fireEvent.click(buttonByText('搜 索') as HTMLElement);

    await waitFor(() =>
      expect(api.call).toHaveBeenLastCalledWith(expect.objectContaining({ path: '/api/admin/staff' }), { query: { page: 1, pageSize: 20, keyword: '王' } }),
    );
  });

  it('offers no actions to a member who may only read', async () => {
    renderPage(['staff.read']);
    await screen.findByText('王小二');

    expect(buttonByText('新建员工')).toBeNull();
    expect(screen.queryByText('操作')).toBeNull();
    expect(buttonByText('重置密码')).toBeNull();
  });

  it('creates a member and shows the temporary password once', async () => {
    renderPage(['staff.read', 'staff.manage']);
    await screen.findByText('王小二');

    fireEvent.click(buttonByText('新建员工') as HTMLElement);
    const form = await findDialog('新建员工');
    fireEvent.change(within(form).getByLabelText('账号'), { target: { value: 'lisi' } });
    fireEvent.change(within(form).getByLabelText('姓名'), { target: { value: '李四' } });
    fireEvent.mouseDown(within(form).getByRole('combobox'));
    fireEvent.click(await screen.findByTitle('运营'));
    fireEvent.click(buttonByText('创 建', form) as HTMLElement);

    const shown = await findDialog('员工已创建');
    expect(within(shown).getByTestId('temporary-password').textContent).toBe('Kx7-p2Qm-9zTa');
    expect(within(shown).getByText('临时密码只显示这一次')).toBeTruthy();
    expect(within(shown).getByText('李四（lisi）')).toBeTruthy();
    expect(api.call).toHaveBeenCalledWith(expect.objectContaining({ path: '/api/admin/staff', method: 'POST' }), {
      body: { username: 'lisi', displayName: '李四', roleIds: ['role-op'] },
    });

    fireEvent.click(buttonByText('我已保存，关闭', shown) as HTMLElement);

    await waitFor(() => expect(screen.queryByText('Kx7-p2Qm-9zTa')).toBeNull());
    expect(api.call.mock.calls.filter(([endpoint]) => endpoint.path === '/api/admin/staff' && endpoint.method === 'GET')).toHaveLength(2);
  });

  it('copies the temporary password to the clipboard', async () => {
    const writeText = vi.fn(async () => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        'GET /api/admin/staff': async () => ({ items: [owner, cashier], total: 2, page: 1, pageSize: 20 }),
        'POST /api/admin/staff/:id/reset-password': async () => ({ temporaryPassword: 'Rz4-new-Pass8' }),
      }),
    );
    renderPage(['staff.read', 'staff.manage']);
    await screen.findByText('王小二');

    fireEvent.click(buttonByText('重置密码', rowOf('wangxiaoer')) as HTMLElement);
    fireEvent.click(await screen.findByText('重 置', { selector: '.ant-popconfirm button span' }));
    const shown = await findDialog('密码已重置');
    fireEvent.click(buttonByText('复制', shown) as HTMLElement);

    await waitFor(() => expect(writeText).toHaveBeenCalledWith('Rz4-new-Pass8'));
    expect(api.call).toHaveBeenCalledWith(expect.objectContaining({ path: '/api/admin/staff/:id/reset-password' }), { params: { id: cashier.id } });
  });
});
