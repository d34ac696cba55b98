import Taro from '@tarojs/taro';
import { ApiError, systemEndpoints } from '@minimall/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from './client';

const info = {
  name: 'minimall',
  version: '0.1.0',
  environment: 'test',
  runtime: { database: 'pglite', cache: 'memory', queue: 'memory', storage: 'local', payments: 'sandbox' },
  serverTime: '2025-11-21T15:18:05.000Z',
  uptimeSec: 3,
  schemaVersion: 1,
};

/** Makes Taro.request settle like the platform does: a promise with an abort() handle. */
function answer(settle: () => Promise<unknown>) {
  return vi.spyOn(Taro, 'request').mockImplementation((() => Object.assign(settle(), { abort: vi.fn() })) as never);
}

describe('api client over Taro.request', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sends the endpoint as a text request and returns the validated body', async () => {
    const request = answer(() => Promise.resolve({ statusCode: 200, data: JSON.stringify(info), header: {} }));

    const result = await api.call(systemEndpoints.info);

    expect(result.runtime.database).toBe('pglite');
    expect(result.name).toBe('minimall');
    expect(request).toHaveBeenCalledTimes(1);
    expect(request.mock.calls[0]?.[0]).toMatchObject({
      url: '/api/system/info',
      method: 'GET',
      dataType: 'text',
      header: { accept: 'application/json' },
    });
  });

  it('turns an error response into an ApiError with the server code and message', async () => {
    answer(() =>
      Promise.resolve({
        statusCode: 503,
        data: JSON.stringify({ code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' }),
        header: {},
      }),
    );

    const error = await api.call(systemEndpoints.info).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' });
  });

  it('reports a failed request as a NETWORK ApiError', async () => {
    answer(() => Promise.reject({ errMsg: 'request:fail timeout' }));

    const error = await api.call(systemEndpoints.info).catch((err: unknown) => err);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 0, code: 'NETWORK', message: '网络异常，请稍后重试' });
    expect((error as ApiError).details).toContain('request:fail timeout');
  });
});
