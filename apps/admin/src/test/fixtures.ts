import type { Endpoint, EndpointOutput, SystemInfo } from '@minimall/contracts';
import type { readinessEndpoint } from '../api/endpoints.ts';

export type Readiness = EndpointOutput<typeof readinessEndpoint>;

export function systemInfo(overrides: Partial<SystemInfo> = {}): SystemInfo {
  return {
    name: '鲜果小铺',
    version: '0.1.0',
    environment: 'production',
    runtime: { database: 'postgres', cache: 'redis', queue: 'bullmq', storage: 's3', payments: 'sandbox' },
    serverTime: '2025-03-08T02:04:05Z',
    uptimeSec: 2 * 3600 + 5 * 60 + 30,
    schemaVersion: 7,
    ...overrides,
  };
}

export function readiness(overrides: Partial<Readiness> = {}): Readiness {
  return {
    status: 'ready',
    checks: { database: { ok: true, latencyMs: 4.2 }, cache: { ok: true, latencyMs: 0.8 } },
    ...overrides,
  };
}

/** Answers a mocked `apiClient.call` by endpoint path; a path without a handler fails the test loudly. */
export function byPath(handlers: Record<string, () => Promise<unknown>>) {
  return (endpoint: Endpoint) => {
    const handler = handlers[endpoint.path];
    if (!handler) throw new Error(`unexpected call to ${endpoint.path}`);
    return handler();
  };
}
