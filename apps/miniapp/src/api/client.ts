import Taro from '@tarojs/taro';
import type { FetchLike } from '@minimall/contracts';
import { session } from '../session/session';
import { createAuthedClient, type AuthedApiClient } from './authed-client';

const REQUEST_TIMEOUT_MS = 15_000;

/**
 * `FetchLike` over `Taro.request`, so one client runs in WeChat, Alipay and H5.
 * The body is requested as text: the contracts client parses and validates it itself.
 */
export const taroFetch: FetchLike = (url, init) => {
  const task = Taro.request<unknown>({
    url,
    method: init.method as keyof Taro.request.Method,
    header: init.headers,
    data: init.body,
    dataType: 'text',
    responseType: 'text',
    // Mini-programs have no AbortController, so the client's own timeout cannot fire there.
    timeout: REQUEST_TIMEOUT_MS,
  });
  init.signal?.addEventListener('abort', () => task.abort());
  return task.then(
    (res) => {
      const text = typeof res.data === 'string' ? res.data : res.data == null ? '' : JSON.stringify(res.data);
      return {
        status: res.statusCode,
        ok: res.statusCode >= 200 && res.statusCode < 300,
        text: () => Promise.resolve(text),
      };
    },
    (err: { errMsg?: string; message?: string }) => {
      throw new Error(err?.errMsg || err?.message || 'request failed');
    },
  );
};

/** The storefront's only way to reach the API; signed-in calls carry the shopper's token. */
export const api: AuthedApiClient = createAuthedClient({
  baseUrl: process.env.TARO_APP_API_BASE,
  fetch: taroFetch,
  session,
  timeoutMs: REQUEST_TIMEOUT_MS,
});
