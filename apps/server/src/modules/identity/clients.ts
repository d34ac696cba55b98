import type { Infra } from '../../infra/index.ts';
import { createAlipayClient } from './alipay/alipay-client.ts';
import { createWechatClient } from './wechat/wechat-client.ts';
import { IdentityError } from './identity.errors.ts';

// one client per process (the WeChat access-token cache is shared through infra.cache anyway)
const wechatClients = new WeakMap<Infra, ReturnType<typeof createWechatClient>>();
const alipayClients = new WeakMap<Infra, ReturnType<typeof createAlipayClient>>();

export function wechatFor(infra: Infra): ReturnType<typeof createWechatClient> {
  const conf = infra.config.wechat;
  if (!conf) throw IdentityError.loginMethodDisabled('wechat');
  let client = wechatClients.get(infra);
  if (!client) {
    client = createWechatClient({ appId: conf.appId, appSecret: conf.appSecret, baseUrl: infra.config.WECHAT_API_BASE, cache: infra.cache, clock: infra.clock, log: infra.log });
    wechatClients.set(infra, client);
  }
  return client;
}

export function alipayFor(infra: Infra): ReturnType<typeof createAlipayClient> {
  const conf = infra.config.alipay;
  if (!conf) throw IdentityError.loginMethodDisabled('alipay');
  let client = alipayClients.get(infra);
  if (!client) {
    client = createAlipayClient({ ...conf, gateway: infra.config.ALIPAY_GATEWAY, log: infra.log });
    alipayClients.set(infra, client);
  }
  return client;
}
