import { generateKeyPairSync } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AlipayRequestError } from 'alipay-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FakeAlipay, FakeAlipayOptions } from '../../../../test/fakes/alipay.ts';
import { startFakeAlipay } from '../../../../test/fakes/alipay.ts';
import { DomainError } from '../../../shared/errors.ts';
import type { AlipayClientConfig } from './alipay-client.ts';
import { AlipayApiError, createAlipayClient } from './alipay-client.ts';

const APP_ID = '2021004100000001';
const USER_ID = '2088102150477652';

function rsaKeys() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    pkcs8: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    pkcs1: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
}

const app = rsaKeys();
const alipay = rsaKeys();
const impostor = rsaKeys();

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
});

async function fakeAlipay(overrides: Partial<FakeAlipayOptions> = {}): Promise<FakeAlipay> {
  const fake = await startFakeAlipay({ appId: APP_ID, appPublicKey: app.publicKey, alipayPrivateKey: alipay.pkcs8, ...overrides });
  cleanups.push(() => fake.close());
  return fake;
}

function clientFor(gateway: string, overrides: Partial<AlipayClientConfig> = {}) {
  return createAlipayClient({ appId: APP_ID, privateKey: app.pkcs8, alipayPublicKey: alipay.publicKey, gateway, ...overrides });
}

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the promise to reject');
}

function pemBody(pem: string): string {
  return pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
}

describe('Alipay client: alipay.system.oauth.token', () => {
  it('exchanges an auth code for the user id of an app in user_id mode', async () => {
    // Given a code Alipay issued to a user
    const fake = await fakeAlipay();
    const code = fake.issueAuthCode({ userId: USER_ID });

    // When the client exchanges it
    const token = await clientFor(fake.gateway).exchangeAuthCode(code);

    // Then the verified response yields the user id and the access token
    expect(token).toEqual({ userId: USER_ID, accessToken: expect.stringMatching(/^authusrB[0-9a-f]{32}$/), expiresIn: 1_296_000 });
  });

  it('exchanges an auth code for the open id of an app in OpenID mode', async () => {
    // Given a code for an app in OpenID mode
    const fake = await fakeAlipay();
    const code = fake.issueAuthCode({ openId: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5' });

    // When the client exchanges it
    const token = await clientFor(fake.gateway).exchangeAuthCode(code);

    // Then the open id comes back and no user id is made up
    expect(token).toEqual({ openId: '074a1CcTG1LelxKe4xQC0zgNdId0nxi95b5lsNpazWYoCo5', accessToken: expect.any(String), expiresIn: 1_296_000 });
  });

  it.each([
    ['a PKCS#1 PEM', app.pkcs1],
    ['a PKCS#8 PEM with CRLF line ends', app.pkcs8.replace(/\n/g, '\r\n')],
    ['bare base64 PKCS#8, as the Alipay key tool prints it', pemBody(app.pkcs8)],
  ])('signs with an app private key given as %s', async (_format, privateKey) => {
    // Given the app key in another common format
    const fake = await fakeAlipay();
    const code = fake.issueAuthCode({ userId: USER_ID });

    // When the client signs with it
    const token = await clientFor(fake.gateway, { privateKey }).exchangeAuthCode(code);

    // Then the gateway accepts the signature
    expect(token.userId).toBe(USER_ID);
  });

  it('refuses to start with a key that is not an RSA key', () => {
    // Given a private key pasted with its middle missing
    const privateKey = app.pkcs8.slice(0, 200);

    // When the client is created, then configuration fails at once rather than at the first login
    expect(() => createAlipayClient({ appId: APP_ID, privateKey, alipayPublicKey: alipay.publicKey })).toThrow(/private key is not an RSA key/);
  });

  it('sends system params in the query string and grant_type/code in the form body, stamped in Beijing time', async () => {
    // Given a server process running outside China's time zone
    vi.stubEnv('TZ', 'America/New_York');
    const fake = await fakeAlipay();
    const code = fake.issueAuthCode({ userId: USER_ID });

    // When the client exchanges a code
    await clientFor(fake.gateway).exchangeAuthCode(code);

    // Then the request has the SDK's split and a GMT+8 timestamp
    const request = fake.lastRequest!;
    expect(request.body).toEqual({ grant_type: 'authorization_code', code });
    expect(request.query).toMatchObject({ app_id: APP_ID, method: 'alipay.system.oauth.token', charset: 'utf-8', sign_type: 'RSA2', version: '1.0' });
    const sentAt = Date.parse(`${request.query.timestamp!.replace(' ', 'T')}+08:00`);
    expect(Math.abs(sentAt - Date.now())).toBeLessThan(60_000);
  });

  it('rejects a reused auth code as ALIPAY_CODE_INVALID', async () => {
    // Given a code that has already been exchanged
    const fake = await fakeAlipay();
    const client = clientFor(fake.gateway);
    const code = fake.issueAuthCode({ userId: USER_ID });
    await client.exchangeAuthCode(code);

    // When it is exchanged again
    const error = await rejectionOf(client.exchangeAuthCode(code));

    // Then the shopper is asked to authorise again
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'ALIPAY_CODE_INVALID', status: 400, message: '支付宝授权已失效，请重试' });
  });

  it('rejects an empty auth code without calling Alipay', async () => {
    // Given a running gateway
    const fake = await fakeAlipay();

    // When the client is handed an empty code
    const error = await rejectionOf(clientFor(fake.gateway).exchangeAuthCode(''));

    // Then it fails as an invalid code and nothing is sent
    expect(error).toMatchObject({ code: 'ALIPAY_CODE_INVALID', status: 400 });
    expect(fake.calls).toBe(0);
  });

  it('does not trust a response signed with a key other than Alipay’s, and logs it as a possible spoof', async () => {
    // Given a gateway that signs its answers with the wrong key
    const fake = await fakeAlipay({ alipayPrivateKey: impostor.pkcs8 });
    const log = { error: vi.fn() };
    const code = fake.issueAuthCode({ userId: USER_ID });

    // When the client exchanges a code there
    const error = await rejectionOf(clientFor(fake.gateway, { log }).exchangeAuthCode(code));

    // Then no identity comes back: the service counts as unavailable, and the operator is alerted
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'ALIPAY_UNAVAILABLE', status: 503, message: '支付宝服务繁忙，请稍后再试' });
    expect(log.error).toHaveBeenCalledTimes(1);
    const [logged, message] = log.error.mock.calls[0]!;
    expect(message).toMatch(/signature is INVALID: possible spoof/);
    expect(logged.responseDataRaw).toContain(USER_ID);
    expect(logged.responseDataRaw).toMatch(/"access_token":"\[redacted\]"/);
    expect(String((error as DomainError).cause)).not.toMatch(/authusrB/);
  });

  it('does not trust an error response signed with a key other than Alipay’s', async () => {
    // Given a wrongly signed gateway answering an unknown code with isv.code-invalid
    const fake = await fakeAlipay({ alipayPrivateKey: impostor.pkcs8 });
    const log = { error: vi.fn() };

    // When the client exchanges the code
    const error = await rejectionOf(clientFor(fake.gateway, { log }).exchangeAuthCode('never-issued'));

    // Then the unverified error is not believed either
    expect(error).toMatchObject({ code: 'ALIPAY_UNAVAILABLE', status: 503 });
    expect(log.error).toHaveBeenCalledTimes(1);
  });

  it('reports a request signed with the wrong app private key as an AlipayApiError for the operator', async () => {
    // Given a client configured with a private key that does not match the app's registered public key
    const fake = await fakeAlipay();
    const code = fake.issueAuthCode({ userId: USER_ID });

    // When it calls the gateway
    const error = await rejectionOf(clientFor(fake.gateway, { privateKey: impostor.pkcs8 }).exchangeAuthCode(code));

    // Then Alipay's verdict surfaces as a configuration error, not as a shopper-facing DomainError
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).not.toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: '40002', subCode: 'isv.invalid-signature', msg: 'Invalid Arguments' });
  });

  it('reports an unknown app id as an AlipayApiError', async () => {
    // Given a client configured with another app id
    const fake = await fakeAlipay();
    const code = fake.issueAuthCode({ userId: USER_ID });

    // When it calls the gateway
    const error = await rejectionOf(clientFor(fake.gateway, { appId: '2021000000000000' }).exchangeAuthCode(code));

    // Then the operator sees isv.invalid-app-id
    expect(error).toBeInstanceOf(AlipayApiError);
    expect(error).toMatchObject({ code: '40002', subCode: 'isv.invalid-app-id' });
  });

  it('maps 20000 isp.unknow-error to ALIPAY_UNAVAILABLE, keeping Alipay’s answer as the cause', async () => {
    // Given a gateway that is having a bad moment
    const fake = await fakeAlipay();
    const code = fake.issueAuthCode({ userId: USER_ID });
    fake.failNextCall({ code: '20000', msg: 'Service Currently Unavailable', sub_code: 'isp.unknow-error', sub_msg: '系统繁忙' });

    // When the client exchanges a code
    const error = await rejectionOf(clientFor(fake.gateway).exchangeAuthCode(code));

    // Then the shopper may retry, and the operator can read what Alipay said
    expect(error).toMatchObject({ code: 'ALIPAY_UNAVAILABLE', status: 503 });
    expect((error as DomainError).cause).toMatchObject({ code: '20000', subCode: 'isp.unknow-error', subMsg: '系统繁忙' });
  });

  it('maps a gateway that is down to ALIPAY_UNAVAILABLE, keeping the cause', async () => {
    // Given a gateway address nobody listens on any more
    const fake = await startFakeAlipay({ appId: APP_ID, appPublicKey: app.publicKey, alipayPrivateKey: alipay.pkcs8 });
    await fake.close();

    // When the client calls it
    const error = await rejectionOf(clientFor(fake.gateway).exchangeAuthCode('any-code'));

    // Then the shopper is told to try later and the network error is kept for the logs
    expect(error).toMatchObject({ code: 'ALIPAY_UNAVAILABLE', status: 503 });
    expect((error as DomainError).cause).toBeInstanceOf(AlipayRequestError);
  });

  it('maps a gateway that does not answer in time to ALIPAY_UNAVAILABLE', async () => {
    // Given a gateway that accepts the request and never answers
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    cleanups.push(
      () =>
        new Promise<void>((resolve) => {
          silent.close(() => resolve());
          silent.closeAllConnections();
        }),
    );
    const gateway = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/gateway.do`;

    // When the client calls it with a short timeout
    const startedAt = Date.now();
    const error = await rejectionOf(clientFor(gateway, { timeoutMs: 300 }).exchangeAuthCode('any-code'));

    // Then it gives up quickly as unavailable
    expect(error).toMatchObject({ code: 'ALIPAY_UNAVAILABLE', status: 503 });
    expect(Date.now() - startedAt).toBeLessThan(5_000);
  });
});

describe('Alipay fake gateway', () => {
  it('rejects a request whose params were changed after signing, and accepts the same request untouched', async () => {
    // Given a request the SDK signed, captured by the fake
    const fake = await fakeAlipay();
    const client = clientFor(fake.gateway);
    await client.exchangeAuthCode(fake.issueAuthCode({ userId: USER_ID }));
    const { query, body } = fake.lastRequest!;
    const other = fake.issueAuthCode({ userId: '2088000000000001' });
    const send = (form: Record<string, string>) =>
      fetch(`${fake.gateway}?${new URLSearchParams(query).toString()}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded;charset=utf-8' },
        body: new URLSearchParams(form).toString(),
      }).then((res) => res.json() as Promise<{ error_response?: { sub_code: string } }>);

    // When it is replayed as sent, and with the code swapped for another user's
    const replayed = await send(body);
    const tampered = await send({ ...body, code: other });

    // Then the untouched request passes the signature check (and meets the used code), the tampered one does not
    expect(replayed.error_response?.sub_code).toBe('isv.code-invalid');
    expect(tampered.error_response?.sub_code).toBe('isv.invalid-signature');
    expect((await client.exchangeAuthCode(other)).userId).toBe('2088000000000001');
  });
});
