import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiError, systemEndpoints } from '@minimall/contracts';
import { readiness } from '../test/fixtures.ts';
import { apiClient } from './client.ts';
import { readinessEndpoint } from './endpoints.ts';

function stubFetch(status: number, body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } }));
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

describe('apiClient', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('calls the same origin', async () => {
    const fetch = stubFetch(200, readiness());

    await apiClient.call(readinessEndpoint);

    expect(fetch).toHaveBeenCalledWith('/readyz', expect.objectContaining({ method: 'GET' }));
  });

  it('reads a 503 readiness report as the answer, so failed checks can be shown', async () => {
    const report = readiness({ status: 'not_ready', checks: { cache: { ok: false, latencyMs: 5, error: 'ECONNREFUSED' } } });
    stubFetch(503, report);

    await expect(apiClient.call(readinessEndpoint)).resolves.toEqual(report);
  });

  it('turns a 503 from any other endpoint into an ApiError with the server message', async () => {
    stubFetch(503, { code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' });

    const error = await apiClient.call(systemEndpoints.info).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', message: '服务暂时不可用' });
  });
});
