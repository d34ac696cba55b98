import { ApiError, identityEndpoints, type AuthResult, type FetchLike } from '@minimall/contracts';
import { describe, expect, it } from 'vitest';
import { createSessionStore, SESSION_STORAGE_KEY } from '../session/session-store';
import { customer as fixtureCustomer, generationTokens, memoryStorage } from '../../test/fixtures';
import { createAuthedClient } from './authed-client';

const customer = { ...fixtureCustomer, id: 'c1' };
const tokens = (n: number): AuthResult => generationTokens(n, customer);

interface Sent {
  method: string;
  path: string;
  authorization?: string;
  body?: unknown;
}

/**
 * A tiny stand-in for the identity API with rotating refresh tokens: one access token and one
 * refresh token are valid at a time; presenting an already-rotated refresh token is reuse.
 */
function fakeServer(opts: { refreshDelayMs?: number; refreshFailsWith?: { status: number; code: string; message: string } } = {}) {
  let generation = 1;
  const used = new Set<string>();
  const sent: Sent[] = [];
  const json = (status: number, body: unknown) => ({ status, ok: status < 300, text: () => Promise.resolve(JSON.stringify(body)) });
  const fetch: FetchLike = async (url, init) => {
    const body = init.body ? JSON.parse(init.body) : undefined;
    sent.push({ method: init.method, path: url, authorization: init.headers.authorization, body });
    if (url === '/api/shop/auth/refresh') {
      await new Promise((r) => setTimeout(r, opts.refreshDelayMs ?? 0));
      if (opts.refreshFailsWith) return json(opts.refreshFailsWith.status, opts.refreshFailsWith);
      if (body.refreshToken !== tokens(generation).refreshToken || used.has(body.refreshToken)) {
        return json(401, { code: 'REFRESH_TOKEN_REUSED', message: '登录状态异常，已为你退出，请重新登录' });
      }
      used.add(body.refreshToken);
      generation += 1;
      return json(200, tokens(generation));
    }
    if (url === '/api/shop/auth/logout') return json(200, { ok: true });
    if (url === '/api/shop/me') {
      return init.headers.authorization === `Bearer ${tokens(generation).accessToken}`
        ? json(200, customer)
        : json(401, { code: 'UNAUTHENTICATED', message: '请先登录' });
    }
    return json(404, { code: 'NOT_FOUND', message: '请求的资源不存在' });
  };
  return {
    fetch,
    sent,
    refreshCalls: () => sent.filter((s) => s.path === '/api/shop/auth/refresh'),
  };
}


function setup(server: ReturnType<typeof fakeServer>, signedInAs = tokens(1)) {
  const storage = memoryStorage();
  const session = createSessionStore(storage);
  session.signIn(signedInAs);
  const api = createAuthedClient({ baseUrl: '', fetch: server.fetch, session });
  return { storage, session, api };
}

describe('authed api client', () => {
  it('sends the access token as a Bearer header', async () => {
    const server = fakeServer();
    const { api } = setup(server);

    const me = await api.call(identityEndpoints.me);

    expect(me.nickname).toBe('小林');
    expect(server.sent).toEqual([{ method: 'GET', path: '/api/shop/me', authorization: 'Bearer access-1', body: undefined }]);
  });

  it('sends no Authorization header when signed out', async () => {
    const server = fakeServer();
    const { api, session } = setup(server);
    session.signOut();

    const error = await api.call(identityEndpoints.me).catch((err: unknown) => err);

    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(server.sent).toHaveLength(1);
    expect(server.sent[0]?.authorization).toBeUndefined();
    expect(server.refreshCalls()).toHaveLength(0);
  });

  it('refreshes once for concurrent 401s and retries every call with the new token', async () => {
    // Given a shopper whose access token the server no longer accepts (generation 2 is current)
    const server = fakeServer({ refreshDelayMs: 20 });
    const { api, session, storage } = setup(server, { ...tokens(1), accessToken: 'access-stale' });

    // When three calls run at once
    const results = await Promise.all([api.call(identityEndpoints.me), api.call(identityEndpoints.me), api.call(identityEndpoints.me)]);

    // Then one refresh with the stored refresh token served them all
    expect(results.map((r) => r.id)).toEqual(['c1', 'c1', 'c1']);
    expect(server.refreshCalls()).toEqual([
      { method: 'POST', path: '/api/shop/auth/refresh', authorization: undefined, body: { refreshToken: 'refresh-token-number-1' } },
    ]);
    const retries = server.sent.filter((s) => s.path === '/api/shop/me').slice(3);
    expect(retries.map((s) => s.authorization)).toEqual(['Bearer access-2', 'Bearer access-2', 'Bearer access-2']);
    // And the rotated tokens are kept, in memory and in storage
    expect(session.getState().session?.refreshToken).toBe('refresh-token-number-2');
    expect((storage.data.get(SESSION_STORAGE_KEY) as { accessToken: string }).accessToken).toBe('access-2');
  });

  it('does not refresh again for a 401 that arrives after another call already refreshed', async () => {
    const server = fakeServer();
    const { api } = setup(server, { ...tokens(1), accessToken: 'access-stale' });

    await api.call(identityEndpoints.me);
    await api.call(identityEndpoints.me);

    expect(server.refreshCalls()).toHaveLength(1);
    expect(server.sent.map((s) => s.authorization ?? 'none')).toEqual(['Bearer access-stale', 'none', 'Bearer access-2', 'Bearer access-2']);
  });

  it('signs out when the refresh token is reported as reused', async () => {
    // Given tokens the server has already rotated away (another device refreshed with them)
    const server = fakeServer({
      refreshFailsWith: { status: 401, code: 'REFRESH_TOKEN_REUSED', message: '登录状态异常，已为你退出，请重新登录' },
    });
    const { api, session, storage } = setup(server, { ...tokens(1), accessToken: 'access-stale' });
    const seen: boolean[] = [];
    session.subscribe(() => seen.push(session.getState().session !== null));

    // When a signed-in call gets 401
    const error = await api.call(identityEndpoints.me).catch((err: unknown) => err);

    // Then the shopper is signed out everywhere and sees the server's reason
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 401, code: 'REFRESH_TOKEN_REUSED', message: '登录状态异常，已为你退出，请重新登录' });
    expect(session.getState().session).toBeNull();
    expect(storage.data.has(SESSION_STORAGE_KEY)).toBe(false);
    expect(seen).toEqual([false]);
    // And the call was not retried without a session
    expect(server.sent.filter((s) => s.path === '/api/shop/me')).toHaveLength(1);
  });

  it('signs out when the session was revoked', async () => {
    const server = fakeServer({ refreshFailsWith: { status: 401, code: 'SESSION_REVOKED', message: '登录已失效，请重新登录' } });
    const { api, session } = setup(server, { ...tokens(1), accessToken: 'access-stale' });

    const error = await api.call(identityEndpoints.me).catch((err: unknown) => err);

    expect(error).toMatchObject({ code: 'SESSION_REVOKED' });
    expect(session.getState().session).toBeNull();
  });

  it('keeps the session when the refresh fails on the network', async () => {
    const server = fakeServer();
    const failing: FetchLike = (url, init) => (url.endsWith('/refresh') ? Promise.reject(new Error('timeout')) : server.fetch(url, init));
    const storage = memoryStorage();
    const session = createSessionStore(storage);
    session.signIn({ ...tokens(1), accessToken: 'access-stale' });
    const api = createAuthedClient({ baseUrl: '', fetch: failing, session });

    const error = await api.call(identityEndpoints.me).catch((err: unknown) => err);

    expect(error).toMatchObject({ status: 0, code: 'NETWORK' });
    expect(session.getState().session?.refreshToken).toBe('refresh-token-number-1');
  });

  it('signs out when the retried call is refused again', async () => {
    // Given a server that refreshes fine but then refuses the new token too
    const server = fakeServer();
    const refusing: FetchLike = (url, init) =>
      url === '/api/shop/me'
        ? Promise.resolve({ status: 401, ok: false, text: () => Promise.resolve('{"code":"UNAUTHENTICATED","message":"请先登录"}') })
        : server.fetch(url, init);
    const session = createSessionStore(memoryStorage());
    session.signIn(tokens(1));
    const api = createAuthedClient({ baseUrl: '', fetch: refusing, session });

    const error = await api.call(identityEndpoints.me).catch((err: unknown) => err);

    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED' });
    expect(server.refreshCalls()).toHaveLength(1);
    expect(session.getState().session).toBeNull();
  });

  it('does not refresh for a 401 from a public endpoint such as a failed login', async () => {
    const server = fakeServer();
    const { api, session } = setup(server);

    const error = await api.call(identityEndpoints.refresh, { body: { refreshToken: 'refresh-token-not-known-1' } }).catch((err: unknown) => err);

    expect(error).toMatchObject({ status: 401, code: 'REFRESH_TOKEN_REUSED' });
    expect(server.refreshCalls()).toHaveLength(1);
    expect(session.getState().session).not.toBeNull();
  });

  it('logs out: clears the session at once and revokes the refresh token on the server', async () => {
    const server = fakeServer();
    const { api, session, storage } = setup(server);

    const done = api.logout();
    expect(session.getState().session).toBeNull();
    await done;

    expect(storage.data.has(SESSION_STORAGE_KEY)).toBe(false);
    expect(server.sent).toEqual([
      { method: 'POST', path: '/api/shop/auth/logout', authorization: undefined, body: { refreshToken: 'refresh-token-number-1' } },
    ]);
  });
});
