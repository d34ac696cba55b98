import { DomainError } from '../../../shared/errors.ts';

export type WechatApi = 'jscode2session' | 'stable_token' | 'getuserphonenumber';

/** WeChat `errcode` values the client acts on (PROTOCOLS.md 1.1–1.3). */
export const WechatErrcode = {
  BUSY: -1,
  INVALID_CREDENTIAL: 40001,
  INVALID_APPID: 40013,
  INVALID_ACCESS_TOKEN: 40014,
  INVALID_CODE: 40029,
  INVALID_APPSECRET: 40125,
  CODE_USED: 40163,
  IP_NOT_WHITELISTED: 40164,
  HIGH_RISK_USER: 40226,
  APPSECRET_FROZEN: 40243,
  ACCESS_TOKEN_EXPIRED: 42001,
  RATE_LIMITED: 45011,
} as const;

/** The access_token was rejected: drop the cached one and fetch a fresh one. */
export const TOKEN_REJECTED_ERRCODES: ReadonlySet<number> = new Set([
  WechatErrcode.INVALID_CREDENTIAL,
  WechatErrcode.ACCESS_TOKEN_EXPIRED,
  WechatErrcode.INVALID_ACCESS_TOKEN,
]);

/** Only an operator can fix these (app id, secret, IP whitelist). */
export const CONFIG_ERRCODES: ReadonlySet<number> = new Set([
  WechatErrcode.INVALID_APPID,
  WechatErrcode.INVALID_APPSECRET,
  WechatErrcode.IP_NOT_WHITELISTED,
  WechatErrcode.APPSECRET_FROZEN,
]);

/** Codes of the DomainErrors shoppers can meet; the storefront branches on these. */
export const WechatErrorCode = {
  CODE_INVALID: 'WECHAT_CODE_INVALID',
  RATE_LIMITED: 'WECHAT_RATE_LIMITED',
  USER_BLOCKED: 'WECHAT_USER_BLOCKED',
  UNAVAILABLE: 'WECHAT_UNAVAILABLE',
} as const;

/** An errcode no shopper can act on (configuration, or one we do not expect); the error handler makes it a 500. */
export class WechatApiError extends Error {
  override name = 'WechatApiError';

  constructor(
    readonly api: WechatApi,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeChat ${api} failed: errcode ${errcode} ${errmsg}`);
  }
}

export function wechatUnavailable(cause: unknown): DomainError {
  const error = new DomainError(WechatErrorCode.UNAVAILABLE, '微信服务繁忙，请稍后再试', 503);
  error.cause = cause;
  return error;
}

/** The DomainError a shopper sees for `errcode`, or undefined when it is not theirs to handle. */
export function shopperErrorFor(api: WechatApi, errcode: number): DomainError | undefined {
  switch (errcode) {
    case WechatErrcode.INVALID_CODE:
    case WechatErrcode.CODE_USED:
      return api === 'getuserphonenumber'
        ? new DomainError(WechatErrorCode.CODE_INVALID, '手机号授权已失效，请重试', 400)
        : new DomainError(WechatErrorCode.CODE_INVALID, '微信登录已失效，请重试', 400);
    case WechatErrcode.RATE_LIMITED:
      return new DomainError(WechatErrorCode.RATE_LIMITED, '操作太频繁，请稍后再试', 429);
    case WechatErrcode.HIGH_RISK_USER:
      return new DomainError(WechatErrorCode.USER_BLOCKED, '该微信账号存在风险，暂时无法登录', 403);
    default:
      return undefined;
  }
}
