import { describe, expect, it } from 'vitest';
import { ApiError, staffEndpoints } from '@minimall/contracts';
import type { FetchLike } from '@minimall/contracts';
import { staffSession } from '../test/fixtures.ts';
import { createAdminClient } from './session.ts';
import type { SessionEvent, SessionTokens, TokenStore } from './session.ts';

function memoryTokens(initial: SessionTokens | null): TokenStore & { current: SessionTokens | null } {
  return {
    current: initial,
    read() {
      return this.current;
    },
    write(tokens) {
      this.current = tokens;
    },
  };
}

function json(status: number, body: unknown) {
  return { status, ok: status >= 200 && status < 300, text: async () => JSON.stringify(body) };
}

const me = { staff: staffSession().staff, permissions: ['staff.read'] };
const expired = { code: 'UNAUTHENTICATED', message: '请先登录' };

/**
 * A server that accepts one access token at a time and rotates it on refresh; `refreshAnswer` can make the
 * refresh fail. Every request is recorded with the Authorization header it carried.
 */
function fakeServer(options: { validToken: string; refreshAnswer?: () => ReturnType<typeof json> | Promise<never> }) {
  const requests: Array<{ path: string; authorization?: string; body?: string }> = [];
  let validToken = options.validToken;
  let rotations = 0;
  const fetch: FetchLike = async (url, init) => {
    const path = url.split('?')[0] ?? url;
    requests.push({ path, authorization: init.headers.authorization, body: init.body });
    // Let concurrent callers pile up before anyone is answered, as on a real network; the role list is slow.
    await new Promise((resolve) => setTimeout(resolve, path === staffEndpoints.listRoles.path ? 60 : 5));
    if (path === staffEndpoints.refresh.path) {
      if (options.refreshAnswer) return options.refreshAnswer();
      rotations += 1;
      validToken = `access-token-${rotations + 1}`;
      return json(200, staffSession({ accessToken: validToken, refreshToken: `refresh-token-rotated-${rotations}xxxxxxx` }));
    }
    if (init.headers.authorization !== `Bearer ${validToken}`) return json(401, expired);
    return json(200, path === staffEndpoints.listRoles.path ? [] : me);
  };
  return { fetch, requests, refreshes: () => requests.filter((r) => r.path === staffEndpoints.refresh.path) };
}

function setup(server: ReturnType<typeof fakeServer>, tokens: SessionTokens | null) {
  const store = memoryTokens(tokens);
  const events: SessionEvent['type'][] = [];
  const client = createAdminClient({ fetch: server.fetch, tokens: store, onEvent: (event) => events.push(event.type) });
  return { client, store, events };
}

describe('admin API client session', () => {
  it('sends the stored access token as a Bearer header', async () => {
    const server = fakeServer({ validToken: 'access-token-1' });
    const { client } = setup(server, staffSession({ accessToken: 'access-token-1' }));

    await expect(client.call(staffEndpoints.me)).resolves.toMatchObject({ permissions: ['staff.read'] });

    expect(server.requests).toEqual([{ path: '/api/admin/me', authorization: 'Bearer access-token-1', body: undefined }]);
  });

  it('refreshes an expired access token once and retries the call with the new one', async () => {
    const server = fakeServer({ validToken: 'not-yet-issued' });
    const { client, store, events } = setup(server, staffSession({ accessToken: 'access-token-1', refreshToken: 'refresh-token-original-0001' }));

    await expect(client.call(staffEndpoints.me)).resolves.toMatchObject({ permissions: ['staff.read'] });

    expect(server.requests.map((r) => [r.path, r.authorization])).toEqual([
      ['/api/admin/me', 'Bearer access-token-1'],
      ['/api/admin/auth/refresh', 'Bearer access-token-1'],
      ['/api/admin/me', 'Bearer access-token-2'],
    ]);
    expect(JSON.parse(server.refreshes()[0]?.body ?? '{}')).toEqual({ refreshToken: 'refresh-token-original-0001' });
    expect(store.current).toMatchObject({ accessToken: 'access-token-2', refreshToken: 'refresh-token-rotated-1xxxxxxx' });
    expect(events).toEqual(['refreshed']);
  });

  it('spends the refresh token once when several calls fail together', async () => {
    const server = fakeServer({ validToken: 'not-yet-issued' });
    const { client } = setup(server, staffSession({ accessToken: 'access-token-1' }));

    const answers = await Promise.all([client.call(staffEndpoints.me), client.call(staffEndpoints.me), client.call(staffEndpoints.me)]);

    expect(answers).toHaveLength(3);
    expect(server.refreshes()).toHaveLength(1);
    const retries = server.requests.slice(-3);
    expect(retries.map((r) => r.authorization)).toEqual(['Bearer access-token-2', 'Bearer access-token-2', 'Bearer access-token-2']);
  });

  it('retries without refreshing again when its 401 comes back after another call renewed the token', async () => {
    const server = fakeServer({ validToken: 'not-yet-issued' });
    const { client } = setup(server, staffSession({ accessToken: 'access-token-1' }));

    // Both leave with the old token; the slow one's 401 lands after the fast one has refreshed.
    const [roles] = await Promise.all([client.call(staffEndpoints.listRoles), client.call(staffEndpoints.me)]);

    expect(roles).toEqual([]);
    expect(server.refreshes()).toHaveLength(1);
    expect(server.requests.filter((r) => r.path === '/api/admin/roles').map((r) => r.authorization)).toEqual([
      'Bearer access-token-1',
      'Bearer access-token-2',
    ]);
  });

  it('ends the session when the refresh token is refused, and fails the call', async () => {
    const server = fakeServer({ validToken: 'not-yet-issued', refreshAnswer: () => json(401, { code: 'UNAUTHENTICATED', message: '登录已过期' }) });
    const { client, store, events } = setup(server, staffSession());

    const error = await client.call(staffEndpoints.me).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(store.current).toBeNull();
    expect(events).toEqual(['ended']);
    expect(server.requests.filter((r) => r.path === '/api/admin/me')).toHaveLength(1);
  });

  it('keeps the session when the refresh fails for want of a network', async () => {
    const server = fakeServer({ validToken: 'not-yet-issued', refreshAnswer: () => Promise.reject(new TypeError('Failed to fetch')) });
    const tokens = staffSession();
    const { client, store, events } = setup(server, tokens);

    await expect(client.call(staffEndpoints.me)).rejects.toMatchObject({ code: 'NETWORK' });

    expect(store.current).toBe(tokens);
    expect(events).toEqual([]);
  });

  it('does not refresh for a wrong password at login, which is a 401 of another kind', async () => {
    const requests: string[] = [];
    const fetch: FetchLike = async (url) => {
      requests.push(url);
      return json(401, { code: 'INVALID_CREDENTIALS', message: '账号或密码错误', details: { attemptsLeft: 2 } });
    };
    const { client, store } = setup({ fetch, requests: [], refreshes: () => [] }, staffSession());

    await expect(client.call(staffEndpoints.login, { body: { username: 'owner', password: 'nope' } })).rejects.toMatchObject({
      code: 'INVALID_CREDENTIALS',
      details: { attemptsLeft: 2 },
    });

    expect(requests).toEqual(['/api/admin/auth/login']);
    expect(store.current).not.toBeNull();
  });

  it('reports a forced password change so the console can send the member to change it', async () => {
    const fetch: FetchLike = async () => json(403, { code: 'PASSWORD_CHANGE_REQUIRED', message: '请先修改初始密码' });
    const { client, events } = setup({ fetch, requests: [], refreshes: () => [] }, staffSession());

    await expect(client.call(staffEndpoints.listRoles)).rejects.toMatchObject({ status: 403, code: 'PASSWORD_CHANGE_REQUIRED' });

    expect(events).toEqual(['password-change-required']);
  });
});
