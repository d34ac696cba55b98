import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import type { Cache } from '../../../infra/cache/cache.ts';
import type { Clock } from '../../../infra/clock.ts';
import type { Logger } from '../../../infra/logger.ts';
import type { WechatApi } from './wechat.errors.ts';
import {
  CONFIG_ERRCODES,
  shopperErrorFor,
  TOKEN_REJECTED_ERRCODES,
  WechatApiError,
  WechatErrcode,
  wechatUnavailable,
} from './wechat.errors.ts';

export interface WechatClientOptions {
  appId: string;
  appSecret: string;
  baseUrl?: string;
  /** Shared by every API process in production (Redis), so they all use one access_token. */
  cache: Cache;
  clock: Clock;
  fetch?: typeof globalThis.fetch;
  timeoutMs?: number;
  log?: Pick<Logger, 'warn' | 'error'>;
}

export interface WechatSession {
  openid: string;
  unionid?: string;
  /** Decrypts wx.getUserInfo-style payloads; stays on the server, never in responses or logs. */
  sessionKey: string;
}

export interface WechatPhoneNumber {
  /** With the country prefix for numbers outside mainland China. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface WechatClient {
  code2Session(jsCode: string): Promise<WechatSession>;
  getAccessToken(opts?: { forceRefresh?: boolean }): Promise<string>;
  getPhoneNumber(code: string, openid?: string): Promise<WechatPhoneNumber>;
}

interface CachedToken {
  token: string;
  expiresAt: number;
}

const REFRESH_BEFORE_EXPIRY_MS = 300_000;
// A stable token lives at most 7200 s; its actual remaining life is only known once loaded (see expiresAt).
const TOKEN_CACHE_MS = 7_200_000 - REFRESH_BEFORE_EXPIRY_MS;
const BUSY_RETRY_DELAY_MS = 200;

const envelopeSchema = z.looseObject({ errcode: z.number().optional(), errmsg: z.string().optional() });
const sessionSchema = z.object({ openid: z.string().min(1), session_key: z.string().min(1), unionid: z.string().min(1).optional() });
const tokenSchema = z.object({ access_token: z.string().min(1), expires_in: z.number() });
const phoneSchema = z.object({
  phone_info: z.object({
    phoneNumber: z.string().min(1),
    purePhoneNumber: z.string().min(1),
    // Documented as a string, but the official example (and some answers) carry the number 86.
    countryCode: z.union([z.string(), z.number()]).transform(String),
  }),
});

type Envelope = z.output<typeof envelopeSchema>;

interface WechatRequest {
  path: string;
  query: Record<string, string>;
  body?: unknown;
}

export function createWechatClient(options: WechatClientOptions): WechatClient {
  const { appId, appSecret, cache, clock, log, timeoutMs = 5000 } = options;
  const fetchFn = options.fetch ?? globalThis.fetch;
  // Parsed once here so a bad base URL fails at start-up, not in an error message that carries the secret.
  const baseUrl = new URL(options.baseUrl ?? 'https://api.weixin.qq.com');
  const tokenKey = `wechat:access-token:${appId}`;

  async function send(api: WechatApi, request: WechatRequest): Promise<Envelope> {
    const url = new URL(request.path, baseUrl);
    for (const [name, value] of Object.entries(request.query)) url.searchParams.set(name, value);
    try {
      const response = await fetchFn(url, {
        method: request.body === undefined ? 'GET' : 'POST',
        ...(request.body === undefined ? {} : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      if (!response.ok) throw new Error(`WeChat ${api} answered HTTP ${response.status}`);
      return envelopeSchema.parse(await response.json());
    } catch (error) {
      log?.warn({ api, err: error }, 'WeChat API unreachable');
      throw wechatUnavailable(error);
    }
  }

  async function call<S extends z.ZodType>(api: WechatApi, request: WechatRequest, schema: S): Promise<z.output<S>> {
    let answer = await send(api, request);
    if (answer.errcode === WechatErrcode.BUSY) {
      log?.warn({ api }, 'WeChat busy, retrying once');
      await sleep(BUSY_RETRY_DELAY_MS);
      answer = await send(api, request);
      if (answer.errcode === WechatErrcode.BUSY) throw wechatUnavailable(new WechatApiError(api, WechatErrcode.BUSY, answer.errmsg ?? ''));
    }
    if (answer.errcode) throw shopperErrorFor(api, answer.errcode) ?? new WechatApiError(api, answer.errcode, answer.errmsg ?? '');
    const parsed = schema.safeParse(answer);
    if (!parsed.success) {
      log?.warn({ api, issues: parsed.error.issues }, 'WeChat answer has an unexpected shape');
      throw wechatUnavailable(parsed.error);
    }
    return parsed.data;
  }

  async function loadToken(forceRefresh: boolean): Promise<CachedToken> {
    const body = { grant_type: 'client_credential', appid: appId, secret: appSecret, ...(forceRefresh ? { force_refresh: true } : {}) };
    const { access_token, expires_in } = await call('stable_token', { path: '/cgi-bin/stable_token', query: {}, body }, tokenSchema);
    return { token: access_token, expiresAt: clock.now().getTime() + expires_in * 1000 };
  }

  const isFresh = (cached: CachedToken) => cached.expiresAt - REFRESH_BEFORE_EXPIRY_MS > clock.now().getTime();

  /** Drops the cached token only if it is the rejected one, so a token another caller just refreshed survives. */
  async function dropToken(rejected: string): Promise<void> {
    const cached = await cache.get<CachedToken>(tokenKey);
    if (cached?.token === rejected) await cache.del(tokenKey);
  }

  async function accessToken(forceRefresh = false): Promise<string> {
    if (forceRefresh) {
      const fresh = await loadToken(true);
      await cache.set(tokenKey, fresh, TOKEN_CACHE_MS);
      return fresh.token;
    }
    const cached = await cache.getOrLoad(tokenKey, TOKEN_CACHE_MS, () => loadToken(false));
    if (isFresh(cached)) return cached.token;
    await dropToken(cached.token);
    return (await cache.getOrLoad(tokenKey, TOKEN_CACHE_MS, () => loadToken(false))).token;
  }

  async function withAccessToken<T>(run: (token: string) => Promise<T>): Promise<T> {
    const token = await accessToken();
    try {
      return await run(token);
    } catch (error) {
      if (!(error instanceof WechatApiError && TOKEN_REJECTED_ERRCODES.has(error.errcode))) throw error;
      log?.warn({ api: error.api, errcode: error.errcode }, 'WeChat rejected the cached access_token; fetching a fresh one');
      await dropToken(token);
      return run(await accessToken());
    }
  }

  async function logged<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof WechatApiError) {
        const { api, errcode, errmsg } = error;
        const config = CONFIG_ERRCODES.has(errcode);
        log?.error({ api, errcode, errmsg }, config ? 'WeChat rejected the app configuration (app id, secret or IP whitelist)' : 'WeChat API error');
      }
      throw error;
    }
  }

  return {
    code2Session: (jsCode) =>
      logged(async () => {
        const query = { appid: appId, secret: appSecret, js_code: jsCode, grant_type: 'authorization_code' };
        const session = await call('jscode2session', { path: '/sns/jscode2session', query }, sessionSchema);
        return { openid: session.openid, ...(session.unionid ? { unionid: session.unionid } : {}), sessionKey: session.session_key };
      }),

    getAccessToken: (opts) => logged(() => accessToken(opts?.forceRefresh)),

    getPhoneNumber: (code, openid) =>
      logged(async () => {
        const body = { code, ...(openid ? { openid } : {}) };
        const { phone_info } = await withAccessToken((token) =>
          call('getuserphonenumber', { path: '/wxa/business/getuserphonenumber', query: { access_token: token }, body }, phoneSchema),
        );
        return { phoneNumber: phone_info.phoneNumber, purePhoneNumber: phone_info.purePhoneNumber, countryCode: phone_info.countryCode };
      }),
  };
}
