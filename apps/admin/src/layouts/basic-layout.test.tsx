import { fireEvent, render, screen, within } from '@testing-library/react';
import { MemoryRouter } from 'react-router-dom';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@minimall/contracts';
import { allowAll } from '../access.ts';
import type { AccessFn } from '../access.ts';
import { AppProviders } from '../app.tsx';
import { AppRoutes } from '../router/app-routes.tsx';
import { appRoutes } from '../routes.tsx';
import { byPath, readiness, systemInfo } from '../test/fixtures.ts';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../api/client.ts', () => ({ apiClient: api }));
vi.mock('../components/chart.tsx', () => ({ Chart: () => <div /> }));

const denyAll: AccessFn = () => false;

describe('console layout', () => {
  beforeEach(() => {
    api.call.mockReset();
    api.call.mockImplementation(
      byPath({ '/api/system/info': async () => systemInfo(), '/readyz': async () => readiness() }),
    );
  });

  function renderAt(path: string, access: AccessFn) {
    return render(
      <AppProviders access={access}>
        <MemoryRouter initialEntries={[path]}>
          <AppRoutes routes={appRoutes} />
        </MemoryRouter>
      </AppProviders>,
    );
  }

  it('shows the shop name, the menu and the page title with its breadcrumb', async () => {
    renderAt('/', allowAll);

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
    renderAt('/', allowAll);
    expect(await screen.findByText('网络异常，请稍后重试', {}, { timeout: 10_000 })).toBeTruthy();
    expect(screen.getByTestId('shop-name').textContent).toBe('商家后台');

    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));

    expect(await within(screen.getByTestId('shop-name')).findByText('鲜果小铺')).toBeTruthy();
    expect(infoCalls).toBe(2);
  });

  it('renders neither menu entry nor page for a denied route', async () => {
    renderAt('/', denyAll);

    expect(await screen.findByText('抱歉，您没有权限访问此页面。')).toBeTruthy();
    expect(screen.queryByRole('link', { name: '系统状态' })).toBeNull();
    expect(screen.queryByRole('heading', { name: '系统状态' })).toBeNull();
  });

  it('answers an unknown path with a Chinese 404', async () => {
    renderAt('/no-such-page', allowAll);

    expect(await screen.findByText('抱歉，您访问的页面不存在。')).toBeTruthy();
    expect(screen.getByRole('link', { name: /返回首页/ }).getAttribute('href')).toBe('/');
  });
});
