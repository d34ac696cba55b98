import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authResultSchema } from '@minimall/contracts';
import { ManualClock } from '../../infra/clock.ts';
import { capturingSms, findPlaintext, testApp } from '../../../test/harness.ts';

type Ctx = Awaited<ReturnType<typeof testApp>>;

describe('shopper identity: demo login, tokens, profile', () => {
  let t: Ctx;
  let app: FastifyInstance;
  const clock = new ManualClock('2026-11-21T10:00:00.000Z');

  beforeAll(async () => {
    t = await testApp({ clock });
    app = t.app;
  });
  afterAll(async () => {
    await t.close();
  });

  const demo = async (deviceId: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/shop/auth/demo-login', payload: { deviceId } });
    expect(res.statusCode).toBe(200);
    return authResultSchema.parse(res.json());
  };
  const me = (token?: string) => app.inject({ method: 'GET', url: '/api/shop/me', headers: token ? { authorization: `Bearer ${token}` } : {} });

  it('lists the login methods this install offers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/shop/auth/methods' });
    expect(res.json()).toEqual({ wechat: false, alipay: false, sms: true, demo: true });
  });

  it('demo login creates a shopper once per device and signs them in', async () => {
    const first = await demo('device-aaaa1111');
    expect(first.isNewCustomer).toBe(true);
    expect(first.customer).toMatchObject({ nickname: '体验用户1111', gender: 'unknown', phoneMasked: null, birthday: null });
    const again = await demo('device-aaaa1111');
    expect(again.isNewCustomer).toBe(false);
    expect(again.customer.id).toBe(first.customer.id);
    const profile = await me(again.accessToken);
    expect(profile.statusCode).toBe(200);
    expect(profile.json().id).toBe(first.customer.id);
  });

  it('creates exactly one shopper when the same first login arrives ten times at once', async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => demo('device-race0001')));
    expect(new Set(results.map((r) => r.customer.id)).size).toBe(1);
    expect(results.filter((r) => r.isNewCustomer)).toHaveLength(1);
  });

  it('refuses the profile without a token, with a forged token and with an expired one', async () => {
    expect((await me()).json()).toEqual({ code: 'UNAUTHENTICATED', message: '请先登录' });
    expect((await me()).statusCode).toBe(401);
    const { accessToken } = await demo('device-expiry01');
    const [h, p] = accessToken.split('.');
    const forgedPayload = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(p!, 'base64url').toString()), sub: '00000000-0000-7000-8000-000000000000' })).toString('base64url');
    expect((await me(`${h}.${forgedPayload}.${accessToken.split('.')[2]}`)).statusCode).toBe(401);
    clock.advance(16 * 60_000);
    expect((await me(accessToken)).statusCode).toBe(401);
  });

  it('lets a shopper change nickname, gender and birthday, and validates them', async () => {
    const { accessToken } = await demo('device-profile1');
    const auth = { authorization: `Bearer ${accessToken}` };
    const ok = await app.inject({ method: 'PATCH', url: '/api/shop/me', headers: auth, payload: { nickname: '小林', gender: 'female', birthday: '1995-05-20' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ nickname: '小林', gender: 'female', birthday: '1995-05-20' });
    const future = await app.inject({ method: 'PATCH', url: '/api/shop/me', headers: auth, payload: { birthday: '2030-01-01' } });
    expect(future.statusCode).toBe(400);
    const empty = await app.inject({ method: 'PATCH', url: '/api/shop/me', headers: auth, payload: { nickname: '  ' } });
    expect(empty.json().details.fields[0]).toMatchObject({ path: 'nickname', message: '昵称不能为空' });
    const sneaky = await app.inject({ method: 'PATCH', url: '/api/shop/me', headers: auth, payload: { status: 'active' } });
    expect(sneaky.statusCode).toBe(400);
    expect((await me(accessToken)).json().nickname).toBe('小林');
  });

  it('rotates refresh tokens, and a reused one revokes the whole session', async () => {
    // given a login and one rotation
    const login = await demo('device-rotate01');
    const r1 = await app.inject({ method: 'POST', url: '/api/shop/auth/refresh', payload: { refreshToken: login.refreshToken } });
    expect(r1.statusCode).toBe(200);
    const rotated = authResultSchema.parse(r1.json());
    expect(rotated.refreshToken).not.toBe(login.refreshToken);
    expect((await me(rotated.accessToken)).statusCode).toBe(200);
    // when the old refresh token is presented again (stolen copy)
    const replay = await app.inject({ method: 'POST', url: '/api/shop/auth/refresh', payload: { refreshToken: login.refreshToken } });
    // then it is refused and everything of that session dies, the legitimate newer tokens included
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('REFRESH_TOKEN_REUSED');
    const newer = await app.inject({ method: 'POST', url: '/api/shop/auth/refresh', payload: { refreshToken: rotated.refreshToken } });
    expect(newer.json().code).toBe('SESSION_REVOKED');
    expect((await me(rotated.accessToken)).statusCode).toBe(401);
  });

  it('lets only one of two simultaneous refreshes with the same token win', async () => {
    const login = await demo('device-rotate02');
    const [a, b] = await Promise.all(
      [0, 1].map(() => app.inject({ method: 'POST', url: '/api/shop/auth/refresh', payload: { refreshToken: login.refreshToken } })),
    );
    expect([a!.statusCode, b!.statusCode].sort()).toEqual([200, 401]);
  });

  it('logout revokes the refresh token and the access token at once', async () => {
    const login = await demo('device-logout01');
    const out = await app.inject({ method: 'POST', url: '/api/shop/auth/logout', payload: { refreshToken: login.refreshToken } });
    expect(out.json()).toEqual({ ok: true });
    expect((await me(login.accessToken)).statusCode).toBe(401);
    const refresh = await app.inject({ method: 'POST', url: '/api/shop/auth/refresh', payload: { refreshToken: login.refreshToken } });
    expect(refresh.json().code).toBe('SESSION_REVOKED');
    const unknown = await app.inject({ method: 'POST', url: '/api/shop/auth/refresh', payload: { refreshToken: 'x'.repeat(43) } });
    expect(unknown.json().code).toBe('REFRESH_TOKEN_INVALID');
  });
});

describe('shopper identity: phone + SMS code', () => {
  let t: Ctx;
  let app: FastifyInstance;
  const sms = capturingSms();

  beforeAll(async () => {
    t = await testApp({ sms });
    app = t.app;
  });
  afterAll(async () => {
    await t.close();
  });

  const send = (phone: string, ip = '10.0.0.1') =>
    app.inject({ method: 'POST', url: '/api/shop/auth/sms-code', payload: { phone }, remoteAddress: ip });
  const login = (phone: string, code: string) => app.inject({ method: 'POST', url: '/api/shop/auth/sms-login', payload: { phone, code } });

  it('signs in with a code sent to the phone; the code works once', async () => {
    const sent = await send('+86 138-0013-8000');
    expect(sent.statusCode).toBe(200);
    expect(sent.json()).toEqual({ expiresInSec: 300, resendAfterSec: 60 });
    const code = sms.lastCode('13800138000');
    const res = await login('13800138000', code);
    expect(res.statusCode).toBe(200);
    expect(res.json().customer).toMatchObject({ nickname: '用户8000', phoneMasked: '138****8000' });
    expect(res.json().isNewCustomer).toBe(true);
    const reuse = await login('13800138000', code);
    expect(reuse.json().code).toBe('SMS_CODE_INVALID');
  });

  it('refuses a second code within a minute, with Retry-After', async () => {
    expect((await send('13900139001')).statusCode).toBe(200);
    const again = await send('13900139001');
    expect(again.statusCode).toBe(429);
    expect(again.json()).toMatchObject({ code: 'RATE_LIMITED', message: '验证码已发送，请 1 分钟后再试' });
    expect(Number(again.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('kills a code after five wrong guesses', async () => {
    await send('13700137002');
    const right = sms.lastCode('13700137002');
    const wrong = right === '000000' ? '111111' : '000000';
    const left: number[] = [];
    for (let i = 0; i < 5; i += 1) left.push((await login('13700137002', wrong)).json().details.attemptsLeft);
    expect(left).toEqual([4, 3, 2, 1, 0]);
    expect((await login('13700137002', right)).json().code).toBe('SMS_CODE_INVALID');
  });

  it('stops brute force across resends: ten failures lock the phone for an hour', async () => {
    const phone = '13600136003';
    let failures = 0;
    for (let round = 0; round < 3 && failures < 10; round += 1) {
      await t.infra.cache.del(`ratelimit:sms-send:phone-minute:${t.infra.blindIndex.index(phone, 'customers.phone')}`);
      expect((await send(phone)).statusCode).toBe(200);
      const right = sms.lastCode(phone);
      for (let i = 0; i < 5 && failures < 10; i += 1) {
        const res = await login(phone, right === '999999' ? '888888' : '999999');
        expect(res.json().code).toBe('SMS_CODE_INVALID');
        failures += 1;
      }
    }
    const locked = await login(phone, sms.lastCode(phone));
    expect(locked.statusCode).toBe(429);
  });

  it('rejects a malformed phone number with a field error', async () => {
    const res = await send('12345');
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields[0]).toMatchObject({ path: 'phone', message: '请输入正确的手机号' });
  });

  it('leaves no plaintext phone number anywhere in the database', async () => {
    await send('13512345678');
    expect((await login('13512345678', sms.lastCode('13512345678'))).statusCode).toBe(200);
    expect(await findPlaintext(t.infra.database.db, '13512345678')).toEqual([]);
    expect(await findPlaintext(t.infra.database.db, '13800138000')).toEqual([]);
    expect(await findPlaintext(t.infra.database.db, '用户5678')).toEqual(['customers.nickname']);
  });
});
