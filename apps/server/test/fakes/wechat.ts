import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Clock } from '../../src/infra/clock.ts';
import { systemClock } from '../../src/infra/clock.ts';

export type FakeWechatApi = 'jscode2session' | 'token' | 'stable_token' | 'getuserphonenumber';

export interface FakeWechatOptions {
  appId: string;
  appSecret: string;
  /** The server's clock: code and token expiry follow it (default: the real clock). */
  clock?: Clock;
}

export interface FakeWechat {
  /** Base URL to use instead of `https://api.weixin.qq.com`. */
  url: string;
  close(): Promise<void>;
  /** A `wx.login` code for this user: single use, valid 5 minutes. */
  issueLoginCode(user: { openid: string; unionid?: string }): string;
  /** A `getPhoneNumber` button code: single use, valid 5 minutes. `countryCode` is echoed as given (default the number 86, as in WeChat's example). */
  issuePhoneCode(phone: { phone: string; countryCode?: string | number }): string;
  /** Every access_token issued so far expires now (42001 on use); the next stable_token call issues a new one. */
  expireAccessTokens(): void;
  /** Queues a failure for the next call of `api` (call twice to fail two calls); it is answered before anything else is checked. */
  setNextError(api: FakeWechatApi, errcode: number): void;
  /** Requests received per API, failed ones included. */
  calls: Record<FakeWechatApi, number>;
}

interface Answer {
  errcode?: number;
  errmsg?: string;
  [field: string]: unknown;
}

interface IssuedToken {
  token: string;
  expiresAt: number;
}

interface IssuedCode<T> {
  value: T;
  issuedAt: number;
  used: boolean;
}

const CODE_TTL_MS = 5 * 60_000;
const TOKEN_TTL_S = 7200;
const STABLE_ROTATE_BEFORE_MS = 5 * 60_000;
const REPLACED_TOKEN_GRACE_MS = 5 * 60_000;

const ERRMSG: Record<number, string> = {
  [-1]: 'system error',
  40001: 'invalid credential, access_token is invalid or not latest, could get access_token by getStableAccessToken, more details at https://mmbizurl.cn/s/JtxxFh33r',
  40002: 'invalid grant_type',
  40013: 'invalid appid',
  40014: 'invalid access_token',
  40029: 'invalid code',
  40125: 'invalid appsecret',
  40163: 'code been used',
  40164: 'invalid ip, not in whitelist',
  40226: 'high risk user',
  40243: 'AppSecret已被冻结，请登录小程序平台解冻后再次调用',
  41001: 'access_token missing',
  41002: 'appid missing',
  41004: 'appsecret missing',
  41008: 'missing code',
  42001: 'access_token expired',
  45009: 'reach max api daily quota limit',
  45011: 'api minute-quota reach limit  mustslower  retry next minute',
  47001: 'data format error',
};

const ROUTES: Record<string, FakeWechatApi> = {
  'GET /sns/jscode2session': 'jscode2session',
  'GET /cgi-bin/token': 'token',
  'POST /cgi-bin/stable_token': 'stable_token',
  'POST /wxa/business/getuserphonenumber': 'getuserphonenumber',
};

/** Speaks the api.weixin.qq.com wire format of login, access_token and phone number (PROTOCOLS.md 1.1–1.3). */
export async function startFakeWechat(options: FakeWechatOptions): Promise<FakeWechat> {
  const clock = options.clock ?? systemClock;
  const now = () => clock.now().getTime();
  const calls: Record<FakeWechatApi, number> = { jscode2session: 0, token: 0, stable_token: 0, getuserphonenumber: 0 };
  const injected: Record<FakeWechatApi, number[]> = { jscode2session: [], token: [], stable_token: [], getuserphonenumber: [] };
  const loginCodes = new Map<string, IssuedCode<{ openid: string; unionid?: string }>>();
  const phoneCodes = new Map<string, IssuedCode<{ phone: string; countryCode: string | number }>>();
  const tokens = new Map<string, IssuedToken>();
  let stableToken: IssuedToken | undefined;
  let normalToken: IssuedToken | undefined;

  const server = createServer((req, res) => {
    handle(req, res).catch(() => reply(res, failure(-1)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const api = ROUTES[`${req.method} ${url.pathname}`];
    const body = await readBody(req);
    if (!api) return void res.writeHead(404, { 'content-type': 'text/plain' }).end('404 Not Found');
    calls[api] += 1;
    const errcode = injected[api].shift();
    if (errcode !== undefined) return reply(res, failure(errcode));
    switch (api) {
      case 'jscode2session':
        return reply(res, jscode2session(url.searchParams));
      case 'token':
        return reply(res, normalAccessToken(url.searchParams));
      case 'stable_token':
        return reply(res, stableAccessToken(body));
      case 'getuserphonenumber':
        return reply(res, phoneNumber(url.searchParams.get('access_token'), body));
    }
  }

  function jscode2session(query: URLSearchParams): Answer {
    const rejected = checkApp(query.get('appid'), query.get('secret'), query.get('grant_type'), 'authorization_code');
    if (rejected) return rejected;
    const jsCode = query.get('js_code');
    if (!jsCode) return failure(41008);
    const issued = loginCodes.get(jsCode);
    if (!issued || now() - issued.issuedAt >= CODE_TTL_MS) return failure(40029);
    if (issued.used) return failure(40163);
    issued.used = true;
    const { openid, unionid } = issued.value;
    // Like WeChat: no errcode on success, and unionid only when the app is bound to an Open Platform account.
    return { session_key: randomBytes(16).toString('base64'), openid, ...(unionid ? { unionid } : {}) };
  }

  function normalAccessToken(query: URLSearchParams): Answer {
    const rejected = checkApp(query.get('appid'), query.get('secret'), query.get('grant_type'), 'client_credential');
    if (rejected) return rejected;
    if (normalToken) normalToken.expiresAt = Math.min(normalToken.expiresAt, now() + REPLACED_TOKEN_GRACE_MS);
    normalToken = newToken();
    return tokenAnswer(normalToken);
  }

  function stableAccessToken(raw: Buffer): Answer {
    const body = parseJson(raw);
    if (!body) return failure(47001);
    const rejected = checkApp(body.appid, body.secret, body.grant_type, 'client_credential');
    if (rejected) return rejected;
    if (body.force_refresh === true) {
      if (stableToken) tokens.delete(stableToken.token);
      stableToken = newToken();
    } else if (!stableToken || stableToken.expiresAt - now() <= STABLE_ROTATE_BEFORE_MS) {
      // A normal rotation leaves the previous token valid until it expires.
      stableToken = newToken();
    }
    return tokenAnswer(stableToken);
  }

  function phoneNumber(accessToken: string | null, raw: Buffer): Answer {
    if (!accessToken) return failure(41001);
    const issuedToken = tokens.get(accessToken);
    if (!issuedToken) return failure(40001);
    if (issuedToken.expiresAt <= now()) return failure(42001);
    const body = parseJson(raw);
    if (!body || typeof body.code !== 'string') return failure(47001);
    const issued = phoneCodes.get(body.code);
    // The phone API answers 40029 for unknown, expired and already used codes alike.
    if (!issued || issued.used || now() - issued.issuedAt >= CODE_TTL_MS) return failure(40029);
    issued.used = true;
    const { phone, countryCode } = issued.value;
    return {
      errcode: 0,
      errmsg: 'ok',
      phone_info: {
        phoneNumber: String(countryCode) === '86' ? phone : `+${countryCode}${phone}`,
        purePhoneNumber: phone,
        countryCode,
        watermark: { timestamp: Math.floor(now() / 1000), appid: options.appId },
      },
    };
  }

  function checkApp(appid: unknown, secret: unknown, grantType: unknown, expectedGrant: string): Answer | undefined {
    if (!appid) return failure(41002);
    if (appid !== options.appId) return failure(40013);
    if (!secret) return failure(41004);
    if (secret !== options.appSecret) return failure(40125);
    if (grantType !== expectedGrant) return failure(40002);
    return undefined;
  }

  function newToken(): IssuedToken {
    const issued = { token: randomBytes(96).toString('base64url'), expiresAt: now() + TOKEN_TTL_S * 1000 };
    tokens.set(issued.token, issued);
    return issued;
  }

  function tokenAnswer({ token, expiresAt }: IssuedToken): Answer {
    return { access_token: token, expires_in: Math.floor((expiresAt - now()) / 1000) };
  }

  function issue<T>(codes: Map<string, IssuedCode<T>>, value: T): string {
    const code = randomBytes(24).toString('base64url');
    codes.set(code, { value, issuedAt: now(), used: false });
    return code;
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    calls,
    issueLoginCode: (user) => issue(loginCodes, user),
    issuePhoneCode: ({ phone, countryCode = 86 }) => issue(phoneCodes, { phone, countryCode }),
    expireAccessTokens() {
      for (const issued of tokens.values()) issued.expiresAt = now();
    },
    setNextError(api, errcode) {
      injected[api].push(errcode);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function failure(errcode: number): Answer {
  const rid = [4, 4, 4].map((n) => randomBytes(n).toString('hex')).join('-');
  return { errcode, errmsg: `${ERRMSG[errcode] ?? 'unknown error'} rid: ${rid}` };
}

function parseJson(raw: Buffer): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(raw.toString('utf8'));
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

// WeChat answers every API outcome, failures included, with HTTP 200 and this content type.
function reply(res: ServerResponse, answer: Answer): void {
  const body = JSON.stringify(answer);
  res.writeHead(200, { 'content-type': 'application/json; encoding=utf-8', 'content-length': Buffer.byteLength(body) }).end(body);
}
