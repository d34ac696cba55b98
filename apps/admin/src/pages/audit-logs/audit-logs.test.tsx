import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AppProviders } from '../../app.tsx';
import { buttonByText, rowOf } from '../../test/dom.ts';
import { auditLog, byPath, signedIn, systemInfo } from '../../test/fixtures.ts';
import AuditLogsPage from './index.tsx';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../api/client.ts', () => ({ apiClient: api }));

const disabled = auditLog();
const priceChange = auditLog({
  id: 'log-2',
  action: 'product.price-change',
  targetType: 'product',
  targetId: 'a1b2c3d4-0000-4000-8000-000000000000',
  before: { priceFen: 1990 },
  after: { priceFen: 1590 },
});

function renderPage() {
  return render(
    <AppProviders session={signedIn(['audit.read'])}>
      <MemoryRouter>
        <AuditLogsPage />
      </MemoryRouter>
    </AppProviders>,
  );
}

const auditCalls = () => api.call.mock.calls.filter(([endpoint]) => endpoint.path === '/api/admin/audit-logs');

describe('操作日志', () => {
  beforeEach(() => {
    api.call.mockReset();
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        '/api/admin/audit-logs': async () => ({ items: [disabled, priceChange], total: 2, page: 1, pageSize: 20 }),
      }),
    );
  });

  it('lists entries with Chinese action names, and unknown actions by their raw name', async () => {
    renderPage();

    expect(await screen.findByText('修改员工')).toBeTruthy();
    expect(within(rowOf('修改员工')).getByText('员工 · 王小二')).toBeTruthy();
    expect(within(rowOf('修改员工')).getByText('2025/03/08 10:04:05')).toBeTruthy();
    expect(within(rowOf('product.price-change')).getByText('product · a1b2c3d4')).toBeTruthy();
    expect(auditCalls()[0]?.[1]).toEqual({ query: { page: 1, pageSize: 20, action: undefined, actorId: undefined, from: undefined, to: undefined } });
  });

  it('filters by action on the server, and by operator when a name is clicked', async () => {
    renderPage();
    await screen.findByText('修改员工');

    const action = screen.getByLabelText('操作类型');
    fireEvent.mouseDown(action);
    fireEvent.change(action, { target: { value: '删除角色' } });
    const [option] = await screen.findAllByText('删除角色', { selector: '.ant-select-item-option-content *' });
    fireEvent.click(option as HTMLElement);
    fireEvent.click(buttonByText('查 询') as HTMLElement);
    await waitFor(() => expect(auditCalls().at(-1)?.[1]).toMatchObject({ query: { page: 1, action: 'role.delete' } }));

    fireEvent.click(within(rowOf('修改员工')).getByText('林店长'));
    await waitFor(() =>
      expect(auditCalls().at(-1)?.[1]).toMatchObject({ query: { action: 'role.delete', actorId: disabled.actorId } }),
    );
  });

  it('filters by an action name it does not know, typed in', async () => {
    renderPage();
    await screen.findByText('修改员工');

    const action = screen.getByLabelText('操作类型');
    fireEvent.mouseDown(action);
    fireEvent.change(action, { target: { value: 'product.price-change' } });
    fireEvent.click(await screen.findByText('product.price-change', { selector: '.ant-select-item-option *' }));
    fireEvent.click(buttonByText('查 询') as HTMLElement);

    await waitFor(() => expect(auditCalls().at(-1)?.[1]).toMatchObject({ query: { action: 'product.price-change' } }));
  });

  it('shows before and after side by side in the drawer, changed fields highlighted', async () => {
    renderPage();
    await screen.findByText('修改员工');

    fireEvent.click(buttonByText('查看', rowOf('修改员工')) as HTMLElement);

    const table = await screen.findByRole('table', { name: '变更前后对比' });
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows.map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent))).toEqual([
      ['姓名', '王小二', '王小二'],
      ['状态已修改', '启用', '停用'],
      ['角色已修改', '客服', '客服+ 仓管'],
    ]);
    expect(rows.map((row) => row.hasAttribute('data-changed'))).toEqual([false, true, true]);
    expect(screen.getByText('2 个字段有变化')).toBeTruthy();
    expect(screen.queryByText(/"displayName"/)).toBeNull();
  });
});
