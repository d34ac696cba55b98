import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '@minimall/contracts';
import { AppProviders } from '../../app.tsx';
import type { ChartProps } from '../../components/chart.tsx';
import { byPath, readiness, systemInfo } from '../../test/fixtures.ts';
import SystemStatusPage from './index.tsx';

const api = vi.hoisted(() => ({ call: vi.fn() }));
vi.mock('../../api/client.ts', () => ({ apiClient: api }));

// Canvas does not exist in jsdom; the page's contract with the chart is the option it passes.
const charts = vi.hoisted(() => ({ last: undefined as ChartProps | undefined }));
vi.mock('../../components/chart.tsx', () => ({
  Chart: (props: ChartProps) => {
    charts.last = props;
    return <div role="img" aria-label={props.ariaLabel} />;
  },
}));

function valueOf(label: string): string | null | undefined {
  return screen.getByText(label).closest('.ant-descriptions-item')?.querySelector('.ant-descriptions-item-content')?.textContent;
}

function renderPage() {
  return render(
    <AppProviders>
      <SystemStatusPage />
    </AppProviders>,
  );
}

describe('系统状态 page', () => {
  beforeEach(() => {
    api.call.mockReset();
    charts.last = undefined;
  });

  it('shows the shop, version and each runtime adapter in Chinese', async () => {
    api.call.mockImplementation(
      byPath({ '/api/system/info': async () => systemInfo(), '/readyz': async () => readiness() }),
    );

    renderPage();

    expect(await screen.findByText('鲜果小铺')).toBeTruthy();
    expect(valueOf('版本')).toBe('0.1.0');
    expect(valueOf('运行环境')).toBe('生产');
    expect(valueOf('已运行')).toBe('2 小时 5 分');
    expect(valueOf('服务器时间')).toBe('2025/03/08 10:04:05');
    expect(valueOf('数据库')).toBe('PostgreSQL');
    expect(valueOf('缓存')).toBe('Redis');
    expect(valueOf('队列')).toBe('BullMQ');
    expect(valueOf('存储')).toBe('S3 对象存储');
    expect(valueOf('支付')).toBe('沙箱');
  });

  it('names the embedded adapters', async () => {
    const embedded = { database: 'pglite', cache: 'memory', queue: 'memory', storage: 'local', payments: 'live' } as const;
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo({ runtime: embedded, environment: 'development' }),
        '/readyz': async () => readiness(),
      }),
    );

    renderPage();

    await screen.findByText('鲜果小铺');
    expect(valueOf('数据库')).toBe('PGlite 内置');
    expect(valueOf('缓存')).toBe('进程内');
    expect(valueOf('队列')).toBe('进程内');
    expect(valueOf('存储')).toBe('本地磁盘');
    expect(valueOf('支付')).toBe('正式');
    expect(valueOf('运行环境')).toBe('开发');
  });

  it('charts each dependency check latency, failed checks in the error colour', async () => {
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => systemInfo(),
        '/readyz': async () =>
          readiness({
            status: 'not_ready',
            checks: { database: { ok: true, latencyMs: 4.2 }, cache: { ok: false, latencyMs: 2000, error: '连接超时' } },
          }),
      }),
    );

    renderPage();

    expect(await screen.findByText('未就绪')).toBeTruthy();
    const series = charts.last?.option.series as Array<{ data: Array<{ value: number; itemStyle: { color: string } }> }>;
    expect(series[0]?.data.map((bar) => bar.value)).toEqual([4.2, 2000]);
    const [okColor, failedColor] = series[0]?.data.map((bar) => bar.itemStyle.color) ?? [];
    expect(okColor).not.toBe(failedColor);
    expect(screen.getByText('缓存：连接超时')).toBeTruthy();
  });

  it('shows the error state and recovers when 重试 is clicked', async () => {
    let infoCalls = 0;
    api.call.mockImplementation(
      byPath({
        '/api/system/info': async () => {
          infoCalls += 1;
          if (infoCalls === 1) throw new ApiError(503, { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' });
          return systemInfo();
        },
        '/readyz': async () => readiness(),
      }),
    );

    renderPage();

    expect(await screen.findByText('系统信息加载失败')).toBeTruthy();
    expect(screen.getByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    expect(screen.queryByText('鲜果小铺')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: /重\s*试/ }));

    expect(await screen.findByText('鲜果小铺')).toBeTruthy();
    expect(screen.queryByText('系统信息加载失败')).toBeNull();
    expect(infoCalls).toBe(2);
  });

  it('shows skeletons until the data arrives', async () => {
    api.call.mockImplementation(() => new Promise(() => {}));

    const { container } = renderPage();

    expect(container.querySelectorAll('.ant-skeleton').length).toBeGreaterThan(0);
    await waitFor(() => expect(api.call).toHaveBeenCalledTimes(2));
    expect(screen.queryByText('商城名称')).toBeNull();
  });
});
