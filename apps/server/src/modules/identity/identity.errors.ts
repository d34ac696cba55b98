import { DomainError } from '../../shared/errors.ts';

export const IdentityError = {
  unauthenticated: () => new DomainError('UNAUTHENTICATED', '请先登录', 401),
  refreshInvalid: () => new DomainError('REFRESH_TOKEN_INVALID', '登录已失效，请重新登录', 401),
  refreshExpired: () => new DomainError('REFRESH_TOKEN_EXPIRED', '登录已过期，请重新登录', 401),
  refreshReused: () => new DomainError('REFRESH_TOKEN_REUSED', '登录状态异常，已为你退出，请重新登录', 401),
  sessionRevoked: () => new DomainError('SESSION_REVOKED', '登录已失效，请重新登录', 401),
  accountFrozen: () => new DomainError('ACCOUNT_FROZEN', '账号已被冻结，请联系客服', 403),
  loginMethodDisabled: (method: string) => new DomainError('LOGIN_METHOD_DISABLED', '暂不支持该登录方式', 403, { method }),
  smsCodeInvalid: (attemptsLeft: number) => new DomainError('SMS_CODE_INVALID', '验证码错误或已过期', 400, { attemptsLeft }),
  smsUnavailable: () => new DomainError('SMS_UNAVAILABLE', '短信服务暂不可用，请稍后再试', 503),
  phoneAlreadyBound: () => new DomainError('PHONE_ALREADY_BOUND', '该手机号已绑定其他账号', 409),
};
