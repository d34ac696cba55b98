import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeWechat } from '../../../../test/fakes/wechat.ts';
import { startFakeWechat } from '../../../../test/fakes/wechat.ts';
import type { Cache } from '../../../infra/cache/cache.ts';
import { createMemoryCache } from '../../../infra/cache/memory-cache.ts';
import { ManualClock } from '../../../infra/clock.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { WechatClient, WechatClientOptions } from './wechat-client.ts';
import { createWechatClient } from './wechat-client.ts';
import { WechatApiError } from './wechat.errors.ts';

const app = { appId: 'wx8f2c1a7d3b9e0c41', appSecret: '3f7b9c2e8a1d4f6b0c5e7a9d2b4f6c8e' };
const MINUTE = 60_000;

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    (value) => {
      throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
    },
    (error: unknown) => error,
  );
}

describe('WeChat client', () => {
  let clock: ManualClock;
  let fake: FakeWechat;
  let cache: Cache;
  let logLines: string[];

  const clientFor = (overrides: Partial<WechatClientOptions> = {}): WechatClient =>
    createWechatClient({
      ...app,
      baseUrl: fake.url,
      cache,
      clock,
      log: pino({ level: 'debug' }, { write: (line: string) => void logLines.push(line) }),
      ...overrides,
    });

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T01:30:00.000Z');
    fake = await startFakeWechat({ ...app, clock });
    cache = createMemoryCache({ clock });
    logLines = [];
  });

  afterEach(async () => {
    await fake.close();
  });

  describe('code2Session', () => {
    it('exchanges a wx.login code for the openid, unionid and a session key', async () => {
      // Given a shopper who just called wx.login in an app bound to an Open Platform account
      const code = fake.issueLoginCode({ openid: 'oXyZ1t5kq2Wm8N3bV7cR4dE6fG0h', unionid: 'o6_bmasdasdsad6_2sgVt7hMZOPfL' });

      // When the server exchanges the code
      const session = await clientFor().code2Session(code);

      // Then it has the shopper's identity and a WeChat-style session key
      expect(session.openid).toBe('oXyZ1t5kq2Wm8N3bV7cR4dE6fG0h');
      expect(session.unionid).toBe('o6_bmasdasdsad6_2sgVt7hMZOPfL');
      expect(session.sessionKey).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    });

    it('has no unionid when the app is not bound to an Open Platform account', async () => {
      // Given a login code of an app without Open Platform binding
      const code = fake.issueLoginCode({ openid: 'oAb3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9' });

      // When it is exchanged
      const session = await clientFor().code2Session(code);

      // Then the session carries the openid only
      expect(session).not.toHaveProperty('unionid');
      expect(session.openid).toBe('oAb3Cd5Ef7Gh9Ij1Kl3Mn5Op7Qr9');
    });

    it('rejects a code that was already used with WECHAT_CODE_INVALID', async () => {
      // Given a code that has been exchanged once
      const client = clientFor();
      const code = fake.issueLoginCode({ openid: 'oUsed0Code1Shopper2Openid3xx' });
      await client.code2Session(code);

      // When it is exchanged again
      const error = await rejectionOf(client.code2Session(code));

      // Then the shopper is told to log in again
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'WECHAT_CODE_INVALID', status: 400, message: '微信登录已失效，请重试' });
    });

    it('rejects a code older than five minutes with WECHAT_CODE_INVALID', async () => {
      // Given a code issued five minutes and one second ago
      const code = fake.issueLoginCode({ openid: 'oLate0Code1Shopper2Openid3xx' });
      clock.advance(5 * MINUTE + 1000);

      // When it is exchanged
      const error = await rejectionOf(clientFor().code2Session(code));

      // Then it is refused as invalid
      expect(error).toMatchObject({ code: 'WECHAT_CODE_INVALID', status: 400 });
    });

    it.each([
      { errcode: 45011, code: 'WECHAT_RATE_LIMITED', status: 429, message: '操作太频繁，请稍后再试' },
      { errcode: 40226, code: 'WECHAT_USER_BLOCKED', status: 403, message: '该微信账号存在风险，暂时无法登录' },
    ])('maps errcode $errcode to $code ($status)', async ({ errcode, code, status, message }) => {
      // Given WeChat refuses the next login
      fake.setNextError('jscode2session', errcode);

      // When a shopper logs in
      const error = await rejectionOf(clientFor().code2Session(fake.issueLoginCode({ openid: 'oRefused0Shopper1Openid2xxxx' })));

      // Then the shopper gets a domain error with a message to show
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code, status, message });
    });

    it('retries once when WeChat is busy and succeeds', async () => {
      // Given WeChat answers -1 (busy) once
      fake.setNextError('jscode2session', -1);
      const code = fake.issueLoginCode({ openid: 'oBusy0Once1Shopper2Openid3xx' });

      // When a shopper logs in
      const session = await clientFor().code2Session(code);

      // Then the second attempt went through
      expect(session.openid).toBe('oBusy0Once1Shopper2Openid3xx');
      expect(fake.calls.jscode2session).toBe(2);
    });

    it('gives up with WECHAT_UNAVAILABLE when WeChat is busy twice', async () => {
      // Given WeChat answers -1 (busy) twice in a row
      fake.setNextError('jscode2session', -1);
      fake.setNextError('jscode2session', -1);

      // When a shopper logs in
      const error = await rejectionOf(clientFor().code2Session(fake.issueLoginCode({ openid: 'oBusy0Twice1Shopper2Openid3x' })));

      // Then they are told to try later, after exactly one retry
      expect(error).toMatchObject({ code: 'WECHAT_UNAVAILABLE', status: 503, message: '微信服务繁忙，请稍后再试' });
      expect((error as DomainError).cause).toMatchObject({ errcode: -1, api: 'jscode2session' });
      expect(fake.calls.jscode2session).toBe(2);
    });

    it('answers WECHAT_UNAVAILABLE, keeping the cause, when WeChat cannot be reached', async () => {
      // Given the WeChat server is down
      const down = await startFakeWechat({ ...app, clock });
      await down.close();

      // When a shopper logs in
      const error = await rejectionOf(clientFor({ baseUrl: down.url }).code2Session('0c3Xk2Ga1Down0Server3Code4xx'));

      // Then the failure is a 503 whose cause is the network error
      expect(error).toMatchObject({ code: 'WECHAT_UNAVAILABLE', status: 503 });
      expect((error as DomainError).cause).toBeInstanceOf(TypeError);
    });

    it.each([
      {
        case: 'a timeout',
        fetch: ((_input, init) =>
          new Promise((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal?.reason)))) as typeof fetch,
        cause: 'TimeoutError',
      },
      { case: 'HTTP 502', fetch: (async () => new Response('<html>502 Bad Gateway</html>', { status: 502 })) as typeof fetch, cause: 'Error' },
      {
        case: 'a body that is not JSON',
        fetch: (async () => new Response('<html>维护中</html>', { status: 200, headers: { 'content-type': 'text/html' } })) as typeof fetch,
        cause: 'SyntaxError',
      },
    ])('answers WECHAT_UNAVAILABLE on $case', async ({ fetch, cause }) => {
      // Given a transport that fails this way
      const client = clientFor({ fetch, timeoutMs: 50 });

      // When a shopper logs in
      const error = await rejectionOf(client.code2Session('0c3Xk2Ga1Broken0Transport3xx'));

      // Then it is a 503 carrying the original failure
      expect(error).toMatchObject({ code: 'WECHAT_UNAVAILABLE', status: 503 });
      expect((error as DomainError).cause).toMatchObject({ name: cause });
    });

    it.each([
      { wrong: 'secret', overrides: { appSecret: 'b1e2d3c4f5a6b7c8d9e0f1a2b3c4d5e6' }, errcode: 40125 },
      { wrong: 'app id', overrides: { appId: 'wx0000000000000000' }, errcode: 40013 },
    ])('throws a WechatApiError and logs it when the $wrong is wrong', async ({ overrides, errcode }) => {
      // Given a client configured with a wrong credential
      const client = clientFor(overrides);

      // When a shopper logs in
      const error = await rejectionOf(client.code2Session(fake.issueLoginCode({ openid: 'oConfig0Error1Shopper2Openid' })));

      // Then the operator's mistake surfaces as a WechatApiError (a 500), logged at error level without the secret
      expect(error).toBeInstanceOf(WechatApiError);
      expect(error).toMatchObject({ api: 'jscode2session', errcode });
      const logged = logLines.map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(logged).toContainEqual(expect.objectContaining({ level: 50, api: 'jscode2session', errcode }));
      expect(logLines.join('\n')).not.toContain(overrides.appSecret ?? app.appSecret);
    });
  });

  describe('access token', () => {
    it('is fetched once and reused across calls and by a second process sharing the cache', async () => {
      // Given two API processes sharing one cache
      const first = clientFor();
      const second = clientFor();

      // When both ask for the token several times
      const tokens = [await first.getAccessToken(), await first.getAccessToken(), await second.getAccessToken()];

      // Then WeChat was asked once and everyone uses that token
      expect(new Set(tokens).size).toBe(1);
      expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{128}$/);
      expect(fake.calls.stable_token).toBe(1);
      expect(fake.calls.token).toBe(0);
    });

    it('is refreshed 300 s before it expires', async () => {
      // Given a token fetched with a 7200 s life
      const client = clientFor();
      const original = await client.getAccessToken();

      // When time passes to one second before the refresh point, then past it
      clock.advance((7200 - 300) * 1000 - 1000);
      const beforeRefresh = await client.getAccessToken();
      clock.advance(2000);
      const afterRefresh = await client.getAccessToken();

      // Then the cached token serves until then, and a new one is fetched after
      expect(beforeRefresh).toBe(original);
      expect(afterRefresh).not.toBe(original);
      expect(fake.calls.stable_token).toBe(2);
    });

    it('honours the remaining life WeChat reports for a token it hands out again', async () => {
      // Given one process fetched the token an hour ago, and a process with an empty cache starts now
      await clientFor().getAccessToken();
      clock.advance(60 * MINUTE);
      const late = clientFor({ cache: createMemoryCache({ clock }) });
      const token = await late.getAccessToken();

      // When time reaches 300 s before that token's real expiry (3600 s left when fetched)
      clock.advance((3600 - 300) * 1000 + 1000);
      const refreshed = await late.getAccessToken();

      // Then the late process refreshes on time rather than after a full 6900 s
      expect(refreshed).not.toBe(token);
      expect(fake.calls.stable_token).toBe(3);
    });

    it('keeps the tokens of different mini-programs apart in one cache', async () => {
      // Given a second mini-program with its own WeChat app
      const otherApp = { appId: 'wx1d2c3b4a59687f0e', appSecret: '0e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b' };
      const otherFake = await startFakeWechat({ ...otherApp, clock });

      // When both get their token through the same cache
      const mine = await clientFor().getAccessToken();
      const theirs = await clientFor({ ...otherApp, baseUrl: otherFake.url }).getAccessToken();
      await otherFake.close();

      // Then each has its own
      expect(theirs).not.toBe(mine);
      expect(fake.calls.stable_token).toBe(1);
      expect(otherFake.calls.stable_token).toBe(1);
    });

    it('forces a new token on request and caches it for everyone', async () => {
      // Given a cached token
      const client = clientFor();
      const old = await client.getAccessToken();

      // When an operator forces a refresh
      const forced = await client.getAccessToken({ forceRefresh: true });

      // Then WeChat issued a new token, which the next caller gets from the cache
      expect(forced).not.toBe(old);
      expect(await clientFor().getAccessToken()).toBe(forced);
      expect(fake.calls.stable_token).toBe(2);
    });
  });

  describe('getPhoneNumber', () => {
    it('returns the phone number with the numeric countryCode normalised to a string', async () => {
      // Given a phone code whose answer carries countryCode as the number 86, as in WeChat's example
      const code = fake.issuePhoneCode({ phone: '13800138000' });

      // When the server asks WeChat for the number
      const phone = await clientFor().getPhoneNumber(code, 'oPhone0Shopper1Openid2xxxxxx');

      // Then it gets the mainland number with countryCode '86'
      expect(phone).toEqual({ phoneNumber: '13800138000', purePhoneNumber: '13800138000', countryCode: '86' });
    });

    it('passes a string countryCode through', async () => {
      // Given a phone code for a US number with countryCode as a string
      const code = fake.issuePhoneCode({ phone: '4155550132', countryCode: '1' });

      // When the number is fetched
      const phone = await clientFor().getPhoneNumber(code);

      // Then the country prefix is kept
      expect(phone).toEqual({ phoneNumber: '+14155550132', purePhoneNumber: '4155550132', countryCode: '1' });
    });

    it('fetches the access token once for ten concurrent calls', async () => {
      // Given ten shoppers binding their phones at the same moment, with no token cached
      const client = clientFor();
      const phones = Array.from({ length: 10 }, (_, i) => `1390000000${i}`);

      // When all ten numbers are fetched concurrently
      const results = await Promise.all(phones.map((phone) => client.getPhoneNumber(fake.issuePhoneCode({ phone }))));

      // Then one token served all of them
      expect(results.map((r) => r.purePhoneNumber)).toEqual(phones);
      expect(fake.calls.stable_token).toBe(1);
      expect(fake.calls.getuserphonenumber).toBe(10);
    });

    it('drops a token WeChat has expired, fetches a fresh one and retries once', async () => {
      // Given a cached token that WeChat has since expired
      const client = clientFor();
      const stale = await client.getAccessToken();
      fake.expireAccessTokens();

      // When a phone number is fetched
      const phone = await client.getPhoneNumber(fake.issuePhoneCode({ phone: '13700137000' }));

      // Then the call succeeded on exactly one retry with a new token, now cached
      expect(phone.purePhoneNumber).toBe('13700137000');
      expect(fake.calls.getuserphonenumber).toBe(2);
      expect(fake.calls.stable_token).toBe(2);
      const fresh = await client.getAccessToken();
      expect(fresh).not.toBe(stale);
      expect(fake.calls.stable_token).toBe(2);
    });

    it('does not retry a rejected token more than once', async () => {
      // Given WeChat rejects the token on two calls in a row
      fake.setNextError('getuserphonenumber', 40001);
      fake.setNextError('getuserphonenumber', 40001);

      // When a phone number is fetched
      const error = await rejectionOf(clientFor().getPhoneNumber(fake.issuePhoneCode({ phone: '13600136000' })));

      // Then it fails as an API error after one retry
      expect(error).toBeInstanceOf(WechatApiError);
      expect(error).toMatchObject({ api: 'getuserphonenumber', errcode: 40001 });
      expect(fake.calls.getuserphonenumber).toBe(2);
    });

    it('rejects a used phone code with WECHAT_CODE_INVALID', async () => {
      // Given a phone code that has been used
      const client = clientFor();
      const code = fake.issuePhoneCode({ phone: '13500135000' });
      await client.getPhoneNumber(code);

      // When it is used again
      const error = await rejectionOf(client.getPhoneNumber(code));

      // Then the shopper is asked to authorise again
      expect(error).toMatchObject({ code: 'WECHAT_CODE_INVALID', status: 400, message: '手机号授权已失效，请重试' });
    });

    it('retries once when WeChat is busy and succeeds', async () => {
      // Given the phone API answers -1 (busy) once
      fake.setNextError('getuserphonenumber', -1);

      // When a phone number is fetched
      const phone = await clientFor().getPhoneNumber(fake.issuePhoneCode({ phone: '13300133000' }));

      // Then the retry returned it
      expect(phone.purePhoneNumber).toBe('13300133000');
      expect(fake.calls.getuserphonenumber).toBe(2);
    });

    it('reports an IP-whitelist failure of the token API as a logged WechatApiError', async () => {
      // Given the server's IP is not in the mini-program's whitelist
      fake.setNextError('stable_token', 40164);

      // When a phone number is fetched
      const error = await rejectionOf(clientFor().getPhoneNumber(fake.issuePhoneCode({ phone: '13200132000' })));

      // Then the operator sees a configuration error
      expect(error).toMatchObject({ api: 'stable_token', errcode: 40164 });
      expect(logLines.map((line) => JSON.parse(line) as Record<string, unknown>)).toContainEqual(
        expect.objectContaining({ level: 50, api: 'stable_token', errcode: 40164 }),
      );
    });
  });

  it('never logs the access token, the app secret or a session key', async () => {
    // Given a run through logins, a busy answer, a rejected token and a configuration error
    const client = clientFor();
    fake.setNextError('jscode2session', -1);
    const session = await client.code2Session(fake.issueLoginCode({ openid: 'oLogs0Shopper1Openid2xxxxxxx' }));
    const stale = await client.getAccessToken();
    fake.expireAccessTokens();
    await client.getPhoneNumber(fake.issuePhoneCode({ phone: '13100131000' }));
    const fresh = await client.getAccessToken();
    fake.setNextError('stable_token', 40125);
    await rejectionOf(client.getAccessToken({ forceRefresh: true }));

    // When the logs are read
    const logs = logLines.join('\n');

    // Then the events are there, the secrets are not
    expect(logLines.length).toBeGreaterThanOrEqual(3);
    for (const secret of [stale, fresh, app.appSecret, session.sessionKey]) expect(logs).not.toContain(secret);
  });
});
