import type { z } from 'zod';
import { ApiError, CommonErrorCode, errorBodySchema } from './errors.ts';
import type { Endpoint, EndpointInput, EndpointOutput } from './endpoint.ts';

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; ok: boolean; text(): Promise<string> }>;

export interface ApiClientOptions {
  /** Origin the API lives on; '' for same-origin (H5 and admin served by the server). */
  baseUrl: string;
  /** Injected so Taro's request, a browser fetch and tests share one client. */
  fetch: FetchLike;
  /** Added to every request; return an Authorization header once identity exists. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  timeoutMs?: number;
}

/** Fills `:param` placeholders, URL-encoding each value. */
export function buildPath(path: string, params: Record<string, unknown> | undefined): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => {
    const value = params?.[name];
    if (value === undefined || value === null) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(String(value));
  });
}

export function buildQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null) continue;
    const values = Array.isArray(value) ? value : [value];
    for (const v of values) parts.push(`${encodeURIComponent(key)}=${encodeURIComponent(String(v))}`);
  }
  return parts.length ? `?${parts.join('&')}` : '';
}

export interface ApiClient {
  call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>): Promise<EndpointOutput<E>>;
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  const timeoutMs = options.timeoutMs ?? 15_000;
  return {
    async call<E extends Endpoint>(endpoint: E, input?: EndpointInput<E>): Promise<EndpointOutput<E>> {
      const parts = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
      const url = options.baseUrl + buildPath(endpoint.path, parts.params) + buildQuery(parts.query);
      const headers: Record<string, string> = { accept: 'application/json', ...(await options.headers?.()) };
      let body: string | undefined;
      if (parts.body !== undefined) {
        headers['content-type'] = 'application/json';
        body = JSON.stringify(parts.body);
      }
      const controller = typeof AbortController === 'function' ? new AbortController() : undefined;
      const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
      let res: Awaited<ReturnType<FetchLike>>;
      try {
        res = await options.fetch(url, { method: endpoint.method, headers, body, signal: controller?.signal });
      } catch (err) {
        throw new ApiError(0, { code: CommonErrorCode.NETWORK, message: '网络异常，请稍后重试', details: String(err) });
      } finally {
        if (timer) clearTimeout(timer);
      }
      const text = await res.text();
      let json: unknown = undefined;
      if (text) {
        try {
          json = JSON.parse(text);
        } catch {
          json = undefined;
        }
      }
      if (!res.ok) {
        const parsed = errorBodySchema.safeParse(json);
        throw new ApiError(
          res.status,
          parsed.success ? parsed.data : { code: CommonErrorCode.INTERNAL, message: '服务暂时不可用，请稍后重试' },
        );
      }
      return (endpoint.response as z.ZodType).parse(json) as EndpointOutput<E>;
    },
  };
}
