import type { Platform } from '../../utils/platform';

export interface LoginMethods {
  wechat: boolean;
  alipay: boolean;
  sms: boolean;
  demo: boolean;
}

/**
 * What the sheet offers on this platform: the platform's own one-tap login in its mini-program,
 * SMS on H5 (or in a mini-program whose one-tap login the shop has not set up), demo wherever
 * the server allows it. Nothing the server does not offer.
 */
export function offeredMethods(platform: Platform, methods: LoginMethods): LoginMethods {
  const wechat = platform === 'weapp' && methods.wechat;
  const alipay = platform === 'alipay' && methods.alipay;
  return {
    wechat,
    alipay,
    sms: methods.sms && !wechat && !alipay,
    demo: methods.demo,
  };
}
