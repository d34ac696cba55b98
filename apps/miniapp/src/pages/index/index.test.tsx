import { act, fireEvent, render, screen } from '@testing-library/react';
import { ApiError, systemEndpoints, type SystemInfo } from '@minimall/contracts';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { api } from '../../api/client';
import IndexPage from './index';

vi.mock('../../api/client', () => ({ api: { call: vi.fn() } }));
const call = vi.mocked(api.call);

const embeddedInfo: SystemInfo = {
  name: '小林杂货铺',
  version: '0.1.0',
  environment: 'development',
  runtime: { database: 'pglite', cache: 'memory', queue: 'memory', storage: 'local', payments: 'sandbox' },
  serverTime: '2025-11-21T15:18:05.000Z',
  uptimeSec: 42,
  schemaVersion: 1,
};

/** The label's sibling cell in the status card. */
function valueOf(label: string): string | null | undefined {
  return screen.getByText(label).nextElementSibling?.textContent;
}

describe('home page', () => {
  beforeEach(() => {
    call.mockReset();
  });

  it('shows the runtime the API reports', async () => {
    // Given the API answers with an embedded-mode shop
    call.mockResolvedValue(embeddedInfo);

    // When the home page opens
    render(<IndexPage />);

    // Then it asked for the system info and shows every adapter in Chinese
    expect(await screen.findByText('PGlite 内置')).toBeTruthy();
    expect(call).toHaveBeenCalledWith(systemEndpoints.info);
    expect(valueOf('店铺')).toBe('小林杂货铺');
    expect(valueOf('版本')).toBe('v0.1.0');
    expect(valueOf('数据库')).toBe('PGlite 内置');
    expect(valueOf('缓存')).toBe('进程内缓存');
    expect(valueOf('队列')).toBe('进程内队列');
    expect(valueOf('存储')).toBe('本地磁盘');
    expect(valueOf('支付')).toBe('沙箱（测试，不扣款）');
    expect(valueOf('服务器时间')).toBe('2025-11-21 23:18:05');
    expect(document.querySelector('.index-page__shop-name')?.textContent).toBe('小林杂货铺');
    expect(screen.getByText('搜索商品')).toBeTruthy();
  });

  it('names the scale-out adapters', async () => {
    call.mockResolvedValue({
      ...embeddedInfo,
      runtime: { database: 'postgres', cache: 'redis', queue: 'bullmq', storage: 's3', payments: 'live' },
    });

    render(<IndexPage />);

    expect(await screen.findByText('PostgreSQL')).toBeTruthy();
    expect(valueOf('缓存')).toBe('Redis');
    expect(valueOf('队列')).toBe('BullMQ');
    expect(valueOf('存储')).toBe('S3 对象存储');
    expect(valueOf('支付')).toBe('正式');
  });

  it('shows a skeleton until the API answers', async () => {
    let answer: (info: SystemInfo) => void = () => {};
    call.mockReturnValue(new Promise<SystemInfo>((resolve) => (answer = resolve)));

    render(<IndexPage />);

    expect(document.querySelector('.mm-skeleton')).not.toBeNull();
    expect(screen.queryByText('数据库')).toBeNull();

    await act(async () => answer(embeddedInfo));

    expect(document.querySelector('.mm-skeleton')).toBeNull();
    expect(valueOf('数据库')).toBe('PGlite 内置');
  });

  it('shows the API error and loads again on 重试', async () => {
    // Given the first call fails with the server's error body
    call.mockRejectedValueOnce(new ApiError(503, { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用，请稍后重试' }));
    call.mockResolvedValueOnce(embeddedInfo);

    // When the page opens, the shopper sees the message and a retry button
    render(<IndexPage />);
    expect(await screen.findByText('服务暂时不可用，请稍后重试')).toBeTruthy();
    expect(screen.queryByText('数据库')).toBeNull();
    expect(document.querySelector('.index-page__shop-name')?.textContent).toBe('商城');

    // And when they tap 重试, the info is fetched again and shown
    fireEvent.click(screen.getByText('重试'));

    expect(await screen.findByText('PGlite 内置')).toBeTruthy();
    expect(call).toHaveBeenCalledTimes(2);
    expect(screen.queryByText('服务暂时不可用，请稍后重试')).toBeNull();
  });

  it('falls back to a generic message for errors that are not ApiErrors', async () => {
    call.mockRejectedValueOnce(new TypeError('boom'));

    render(<IndexPage />);

    expect(await screen.findByText('加载失败，请稍后重试')).toBeTruthy();
    expect(screen.getByText('重试')).toBeTruthy();
  });
});
