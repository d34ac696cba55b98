import { generateKeyPairSync } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeAlipay, type FakeAlipay } from '../../../test/fakes/alipay.ts';
import { startFakeWechat } from '../../../test/fakes/wechat.ts';
import { findPlaintext, testApp } from '../../../test/harness.ts';

const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(), publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString() };
};

describe('WeChat and Alipay mini-program login through the API', () => {
  let wechat: Awaited<ReturnType<typeof startFakeWechat>>;
  let alipay: FakeAlipay;
  let t: Awaited<ReturnType<typeof testApp>>;
  let app: FastifyInstance;

  beforeAll(async () => {
    wechat = await startFakeWechat({ appId: 'wx1234567890abcdef', appSecret: 'wechat-secret-for-tests' });
    const appKeys = pem();
    const alipayKeys = pem();
    alipay = await startFakeAlipay({ appId: '2021000000000001', appPublicKey: appKeys.publicKey, alipayPrivateKey: alipayKeys.privateKey });
    t = await testApp({
      env: {
        WECHAT_APP_ID: 'wx1234567890abcdef',
        WECHAT_APP_SECRET: 'wechat-secret-for-tests',
        WECHAT_API_BASE: wechat.url,
        ALIPAY_APP_ID: '2021000000000001',
        ALIPAY_PRIVATE_KEY: appKeys.privateKey,
        ALIPAY_PUBLIC_KEY: alipayKeys.publicKey,
        ALIPAY_GATEWAY: alipay.gateway,
      },
    });
    app = t.app;
  });
  afterAll(async () => {
    await t.close();
    await wechat.close();
    await alipay.close();
  });

  const wxLogin = (code: string) => app.inject({ method: 'POST', url: '/api/shop/auth/wechat-login', payload: { code } });

  it('offers WeChat and Alipay once they are configured', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/shop/auth/methods' })).json()).toMatchObject({ wechat: true, alipay: true });
  });

  it('signs a shopper in with the wx.login code and recognises them next time', async () => {
    const first = await wxLogin(wechat.issueLoginCode({ openid: 'o-openid-0001', unionid: 'u-union-0001' }));
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ isNewCustomer: true, customer: { nickname: '微信用户' } });
    const again = await wxLogin(wechat.issueLoginCode({ openid: 'o-openid-0001' }));
    expect(again.json()).toMatchObject({ isNewCustomer: false, customer: { id: first.json().customer.id } });
  });

  it('creates exactly one shopper when two first logins with the same openid race', async () => {
    const codes = [0, 1].map(() => wechat.issueLoginCode({ openid: 'o-openid-race' }));
    const [a, b] = await Promise.all(codes.map(wxLogin));
    expect(a!.statusCode).toBe(200);
    expect(b!.statusCode).toBe(200);
    expect(a!.json().customer.id).toBe(b!.json().customer.id);
    expect([a!.json().isNewCustomer, b!.json().isNewCustomer].sort()).toEqual([false, true]);
  });

  it('refuses a used or invented code with a clear error', async () => {
    const code = wechat.issueLoginCode({ openid: 'o-openid-0002' });
    expect((await wxLogin(code)).statusCode).toBe(200);
    const reused = await wxLogin(code);
    expect(reused.statusCode).toBe(400);
    expect(reused.json()).toMatchObject({ code: 'WECHAT_CODE_INVALID', message: '微信登录已失效，请重试' });
    expect((await wxLogin('made-up-code')).json().code).toBe('WECHAT_CODE_INVALID');
  });

  it('binds the phone number from getPhoneNumber, encrypted, and refuses it for a second account', async () => {
    const owner = (await wxLogin(wechat.issueLoginCode({ openid: 'o-openid-phone1' }))).json();
    const bind = await app.inject({
      method: 'POST',
      url: '/api/shop/me/phone/wechat',
      headers: { authorization: `Bearer ${owner.accessToken}` },
      payload: { code: wechat.issuePhoneCode({ phone: '13911112222' }) },
    });
    expect(bind.statusCode).toBe(200);
    expect(bind.json().phoneMasked).toBe('139****2222');
    const other = (await wxLogin(wechat.issueLoginCode({ openid: 'o-openid-phone2' }))).json();
    const steal = await app.inject({
      method: 'POST',
      url: '/api/shop/me/phone/wechat',
      headers: { authorization: `Bearer ${other.accessToken}` },
      payload: { code: wechat.issuePhoneCode({ phone: '13911112222' }) },
    });
    expect(steal.statusCode).toBe(409);
    expect(steal.json().code).toBe('PHONE_ALREADY_BOUND');
    expect(await findPlaintext(t.infra.database.db, '13911112222')).toEqual([]);
  });

  it('signs a shopper in with an Alipay auth code, verified both ways with RSA2', async () => {
    const login = (authCode: string) => app.inject({ method: 'POST', url: '/api/shop/auth/alipay-login', payload: { authCode } });
    const code = alipay.issueAuthCode({ userId: '2088102177846123' });
    const first = await login(code);
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ isNewCustomer: true, customer: { nickname: '支付宝用户' } });
    expect((await login(alipay.issueAuthCode({ userId: '2088102177846123' }))).json().customer.id).toBe(first.json().customer.id);
    const reused = await login(code);
    expect(reused.statusCode).toBe(400);
    expect(reused.json().code).toBe('ALIPAY_CODE_INVALID');
  });
});

describe('login methods that are not configured', () => {
  it('answer 403 LOGIN_METHOD_DISABLED instead of failing', async () => {
    const t = await testApp({ env: { DEMO_LOGIN: 'false' } });
    try {
      const wx = await t.app.inject({ method: 'POST', url: '/api/shop/auth/wechat-login', payload: { code: 'x' } });
      expect(wx.statusCode).toBe(403);
      expect(wx.json()).toMatchObject({ code: 'LOGIN_METHOD_DISABLED', details: { method: 'wechat' } });
      const demo = await t.app.inject({ method: 'POST', url: '/api/shop/auth/demo-login', payload: { deviceId: 'device-00000001' } });
      expect(demo.json()).toMatchObject({ code: 'LOGIN_METHOD_DISABLED', details: { method: 'demo' } });
      expect((await t.app.inject({ method: 'GET', url: '/api/shop/auth/methods' })).json()).toEqual({ wechat: false, alipay: false, sms: true, demo: false });
    } finally {
      await t.close();
    }
  });
});
