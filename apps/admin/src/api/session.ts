import { ApiError, CommonErrorCode, createApiClient, staffEndpoints } from '@minimall/contracts';
import type { ApiClient, Endpoint, EndpointInput, EndpointOutput, FetchLike, StaffSession } from '@minimall/contracts';

export type SessionTokens = Pick<StaffSession, 'accessToken' | 'accessTokenExpiresAt' | 'refreshToken' | 'refreshTokenExpiresAt'>;

export interface TokenStore {
  read(): SessionTokens | null;
  write(tokens: SessionTokens | null): void;
}

export const TOKENS_STORAGE_KEY = 'minimall.admin.session';

function isTokens(value: unknown): value is SessionTokens {
  const v = value as Partial<Record<keyof SessionTokens, unknown>> | null;
  return typeof v?.accessToken === 'string' && typeof v.refreshToken === 'string';
}

/** Tokens in localStorage, so every tab shares one session and a reload keeps it. */
export function browserTokenStore(key = TOKENS_STORAGE_KEY): TokenStore {
  return {
    read() {
      try {
        const value: unknown = JSON.parse(window.localStorage.getItem(key) ?? 'null');
        return isTokens(value) ? value : null;
      } catch {
        return null;
      }
    },
    write(tokens) {
      if (!tokens) {
        window.localStorage.removeItem(key);
        return;
      }
      const { accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt } = tokens;
      window.localStorage.setItem(key, JSON.stringify({ accessToken, accessTokenExpiresAt, refreshToken, refreshTokenExpiresAt }));
    },
  };
}

export const tokenStore = browserTokenStore();

export type SessionEvent =
  | { type: 'refreshed'; session: StaffSession }
  | { type: 'ended' }
  | { type: 'password-change-required' };

type Listener = (event: SessionEvent) => void;
const listeners = new Set<Listener>();

/** What the API client tells the session provider: new tokens, a dead session, a forced password change. */
export const sessionEvents = {
  emit(event: SessionEvent): void {
    for (const listener of listeners) listener(event);
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};

export type RefreshLock = <T>(task: () => Promise<T>) => Promise<T>;

/** Refresh tokens rotate with reuse detection, so two tabs must never spend the same one: serialise through a Web Lock. */
export const crossTabLock: RefreshLock = async <T>(task: () => Promise<T>): Promise<T> => {
  if (typeof navigator === 'undefined' || !navigator.locks) return task();
  return navigator.locks.request('minimall-admin-refresh', task) as Promise<T>;
};

export interface AdminClientOptions {
  fetch: FetchLike;
  tokens: TokenStore;
  onEvent?: (event: SessionEvent) => void;
  lock?: RefreshLock;
  baseUrl?: string;
}

/**
 * The contracts client with the staff session: a Bearer header on every call and, when a staff endpoint
 * answers 401 UNAUTHENTICATED, one shared refresh (however many calls failed at once) and one retry.
 */
export function createAdminClient({ fetch, tokens, onEvent = () => {}, lock = (task) => task(), baseUrl = '' }: AdminClientOptions): ApiClient {
  const base = createApiClient({
    baseUrl,
    fetch,
    headers: (): Record<string, string> => {
      const current = tokens.read();
      return current ? { authorization: `Bearer ${current.accessToken}` } : {};
    },
  });

  const end = () => {
    tokens.write(null);
    onEvent({ type: 'ended' });
  };

  let inflight: Promise<boolean> | null = null;

  /** Resolves true when a retry may succeed: this call refreshed, or someone already had since `staleAccessToken` was sent. */
  const refreshOnce = (staleAccessToken: string): Promise<boolean> => {
    inflight ??= lock(async () => {
      const current = tokens.read();
      if (!current) return false;
      if (current.accessToken !== staleAccessToken) return true;
      try {
        const session = await base.call(staffEndpoints.refresh, { body: { refreshToken: current.refreshToken } });
        tokens.write(session);
        onEvent({ type: 'refreshed', session });
        return true;
      } catch (error) {
        // Offline is not signed out: keep the tokens and let the caller show the network error.
        if (error instanceof ApiError && error.status >= 400 && error.status < 500) {
          end();
          return false;
        }
        throw error;
      }
    }).finally(() => {
      inflight = null;
    });
    return inflight;
  };

  const isExpiredSession = (error: unknown): error is ApiError =>
    error instanceof ApiError && error.status === 401 && error.code === CommonErrorCode.UNAUTHENTICATED;

  return {
    async call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>): Promise<EndpointOutput<E>> {
      const sent = tokens.read();
      try {
        return await base.call(endpoint, input);
      } catch (error) {
        if (error instanceof ApiError && error.code === 'PASSWORD_CHANGE_REQUIRED') onEvent({ type: 'password-change-required' });
        if (endpoint.auth !== 'staff' || !isExpiredSession(error)) throw error;
        if (!sent) {
          onEvent({ type: 'ended' });
          throw error;
        }
        if (!(await refreshOnce(sent.accessToken))) throw error;
      }
      try {
        return await base.call(endpoint, input);
      } catch (error) {
        if (isExpiredSession(error)) end();
        throw error;
      }
    },
  };
}
