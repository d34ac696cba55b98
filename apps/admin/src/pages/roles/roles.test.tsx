import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { allPermissions } from '@minimall/contracts';
import type { Permission } from '@minimall/contracts';
import { AppProviders } from '../../app.tsx';
import { permissionGroups } from '../../permissions.ts';
import { apiError, byPath, role, signedIn, systemInfo } from '../../test/fixtures.ts';
import type { CallInput } from '../../test/fixtures.ts';
import { buttonByText as button } from '../../test/dom.ts';
import RolesPage from './index.tsx';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../api/client.ts', () => ({ apiClient: api }));

const ownerRole = role({ id: 'role-owner', code: 'owner', name: '店主', description: '拥有全部权限', permissions: allPermissions, staffCount: 1 });
const operator = role({ id: 'role-op', code: 'operator', name: '运营', permissions: ['system.read', 'product.read', 'staff.read'], staffCount: 3 });
const trainee = role({ id: 'role-trainee', code: 'trainee', name: '实习生', description: '只看不改', permissions: ['order.read'], isSystem: false, staffCount: 0 });

function renderPage(permissions: Permission[] = allPermissions) {
  return render(
    <AppProviders session={signedIn(permissions)}>
      <MemoryRouter>
        <RolesPage />
      </MemoryRouter>
    </AppProviders>,
  );
}

// Text lookups: role queries over the matrix's thirty-odd checkboxes are too slow for jsdom.
function matrix(): HTMLElement {
  const element = document.querySelector<HTMLElement>('[role="group"][aria-label="权限矩阵"]');
  if (!element) throw new Error('no permission matrix on the page');
  return element;
}

function box(label: string): HTMLInputElement {
  const input = within(matrix()).getByText(label).closest('label')?.querySelector('input');
  if (!input) throw new Error(`no checkbox labelled ${label}`);
  return input;
}

async function open(roleName: string) {
  fireEvent.click(await screen.findByText(roleName, { selector: 'nav button strong' }));
  await waitFor(() => expect(screen.getByLabelText('角色名称')).toHaveProperty('value', roleName));
}

describe('角色权限', () => {
  beforeEach(() => {
    api.call.mockReset();
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        'GET /api/admin/roles': async () => [ownerRole, operator, trainee],
        'PUT /api/admin/roles/:id': async (input: CallInput) => ({ ...operator, ...(input.body as object) }),
      }),
    );
  });

  it('lists each role with its member count and a tag on system roles', async () => {
    renderPage();

    const list = await screen.findByRole('navigation', { name: '角色列表' });
    const items = within(list).getAllByRole('button');
    expect(items.map((item) => item.querySelector('strong')?.textContent)).toEqual(['店主', '运营', '实习生']);
    expect(items[1]?.textContent).toContain('3 名员工');
    expect(within(items[1] as HTMLElement).getByText('系统角色')).toBeTruthy();
    expect(within(items[2] as HTMLElement).queryByText('系统角色')).toBeNull();
  });

  it('ticks and unticks every permission of a group with its check-all box, and saves them in catalog order', async () => {
    renderPage();
    await open('运营');
    expect(box('员工与权限').checked).toBe(false);
    expect(box('查看员工和角色').checked).toBe(true);

    fireEvent.click(box('员工与权限'));

    for (const label of ['查看员工和角色', '管理员工账号', '管理角色权限', '查看操作日志']) expect(box(label).checked).toBe(true);
    expect(box('员工与权限').checked).toBe(true);
    expect(box('查看商品').checked).toBe(true);
    expect(box('管理商品').checked).toBe(false);

    fireEvent.click(button('保存修改') as HTMLElement);

    await waitFor(() =>
      expect(api.call).toHaveBeenCalledWith(expect.objectContaining({ method: 'PUT', path: '/api/admin/roles/:id' }), {
        params: { id: 'role-op' },
        body: {
          name: '运营',
          description: '商品、订单、营销与内容',
          permissions: ['system.read', 'staff.read', 'staff.manage', 'role.manage', 'audit.read', 'product.read'],
        },
      }),
    );

    fireEvent.click(box('员工与权限'));

    for (const label of ['查看员工和角色', '管理员工账号', '管理角色权限', '查看操作日志']) expect(box(label).checked).toBe(false);
    expect(box('查看商品').checked).toBe(true);
  });

  it('marks a partly granted group as indeterminate', async () => {
    renderPage();
    await open('运营');

    const group = box('员工与权限').closest('.ant-checkbox');
    expect(group?.classList.contains('ant-checkbox-indeterminate')).toBe(true);
  });

  it('shows the owner role with every permission ticked and nothing to change', async () => {
    renderPage();

    await waitFor(() => expect(screen.getByLabelText('角色名称')).toHaveProperty('value', '店主'));
    const boxes = [...matrix().querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];
    expect(boxes).toHaveLength(allPermissions.length + permissionGroups.length);
    expect(boxes.every((b) => b.checked && b.disabled)).toBe(true);
    expect((screen.getByLabelText('角色名称') as HTMLInputElement).disabled).toBe(true);
    expect(button('保存修改')).toBeNull();
    expect(button('删除角色')).toBeNull();
    expect(screen.getByText('店主角色拥有全部权限，不能修改或删除')).toBeTruthy();
  });

  it('lets a member without role.manage look but not touch', async () => {
    renderPage(['staff.read']);
    await open('运营');

    expect(box('查看员工和角色').disabled).toBe(true);
    expect(button('新建角色')).toBeNull();
    expect(button('保存修改')).toBeNull();
  });

  it('explains that a role still held by staff cannot be deleted', async () => {
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        'GET /api/admin/roles': async () => [ownerRole, operator, trainee],
        'DELETE /api/admin/roles/:id': async () => {
          throw apiError(409, 'ROLE_IN_USE', '角色仍在使用', { staffCount: 1 });
        },
      }),
    );
    renderPage();
    await open('实习生');

    fireEvent.click(button('删除角色') as HTMLElement);
    fireEvent.click(await screen.findByText('删 除', { selector: '.ant-popconfirm button span' }));

    expect((await screen.findByRole('alert')).textContent).toContain('仍有员工在使用「实习生」，暂时不能删除');
    expect(screen.getByRole('link', { name: '员工管理' }).getAttribute('href')).toBe('/staff');
  });
});
