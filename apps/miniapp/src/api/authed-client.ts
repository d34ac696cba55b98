import {
  ApiError,
  createApiClient,
  identityEndpoints,
  type ApiClient,
  type Endpoint,
  type EndpointInput,
  type EndpointOutput,
  type FetchLike,
} from '@minimall/contracts';
import type { SessionStore } from '../session/session-store';

export interface AuthedApiClient extends ApiClient {
  /** Signs out here at once, then revokes the session on the server (best effort). */
  logout(): Promise<void>;
  /**
   * For requests made outside `call` (Taro.uploadFile): after a 401 answered to `usedToken`,
   * refreshes the tokens (sharing a refresh already in flight). True when there is a token to
   * retry with; throws when the refresh itself fails.
   */
  renewAfter401(usedToken: string): Promise<boolean>;
}

export interface AuthedClientOptions {
  baseUrl: string;
  fetch: FetchLike;
  session: SessionStore;
  timeoutMs?: number;
}

/** Refresh answers that mean the session is over (expired, reused, revoked, frozen, malformed). */
function endsSession(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 400 || err.status === 401 || err.status === 403);
}

/**
 * The contracts client with the shopper's access token attached. A 401 on a signed-in call
 * refreshes the tokens once (concurrent 401s share one refresh) and retries; when the refresh
 * is refused, or the retry is refused again, the shopper is signed out.
 */
export function createAuthedClient({ baseUrl, fetch, session, timeoutMs }: AuthedClientOptions): AuthedApiClient {
  const accessToken = () => session.getState().session?.accessToken;
  const plain = createApiClient({ baseUrl, fetch, timeoutMs });
  const authed = createApiClient({
    baseUrl,
    fetch,
    timeoutMs,
    headers: (): Record<string, string> => {
      const token = accessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });

  let refreshing: Promise<void> | undefined;

  function refresh(): Promise<void> {
    refreshing ??= (async () => {
      const refreshToken = session.getState().session?.refreshToken;
      if (!refreshToken) return;
      try {
        const result = await plain.call(identityEndpoints.refresh, { body: { refreshToken } });
        // A logout (or another login) while the refresh was in flight wins.
        if (session.getState().session?.refreshToken === refreshToken) session.signIn(result);
      } catch (err) {
        // A network failure keeps the session: the next call tries again.
        if (endsSession(err)) session.signOut();
        throw err;
      }
    })().finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  async function renewAfter401(usedToken: string): Promise<boolean> {
    const current = accessToken();
    if (!current) return false;
    // Another call may have refreshed already while this one was in flight.
    if (current === usedToken) await refresh();
    return Boolean(accessToken());
  }

  async function call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>): Promise<EndpointOutput<E>> {
    const usedToken = accessToken();
    try {
      return await authed.call(endpoint, input);
    } catch (err) {
      if (!(err instanceof ApiError && err.status === 401 && usedToken && endpoint.auth !== 'public')) throw err;
      if (!(await renewAfter401(usedToken))) throw err;
    }
    try {
      return await authed.call(endpoint, input);
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) session.signOut();
      throw err;
    }
  }

  async function logout(): Promise<void> {
    const refreshToken = session.getState().session?.refreshToken;
    session.signOut();
    if (!refreshToken) return;
    await plain.call(identityEndpoints.logout, { body: { refreshToken } }).catch(() => undefined);
  }

  return { call, logout, renewAfter401 };
}
