import { createSign, createVerify, randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAlipayOptions {
  appId: string;
  /** The app's public key (PEM), to verify requests. */
  appPublicKey: string;
  /** Alipay's private key (PEM), to sign responses. */
  alipayPrivateKey: string;
}

export interface FakeAlipayUser {
  userId?: string;
  openId?: string;
}

export interface FakeAlipayRequest {
  /** System params from the query string, decoded. */
  query: Record<string, string>;
  /** Params from the form body, decoded. */
  body: Record<string, string>;
  /** Both merged, as the gateway reads them. */
  params: Record<string, string>;
}

/** An `error_response` node as the gateway sends it. */
export type FakeAlipayError = { code: string; msg: string; sub_code: string; sub_msg: string };

export interface FakeAlipay {
  /** e.g. `http://127.0.0.1:54321/gateway.do` */
  gateway: string;
  /** What `my.getAuthCode` would hand the mini-program for this user: a single-use code. */
  issueAuthCode(user: FakeAlipayUser): string;
  /** Answers the next well-signed request with this `error_response` instead, e.g. `20000 isp.unknow-error`. */
  failNextCall(error: FakeAlipayError): void;
  /** Requests received, rejected ones included. */
  readonly calls: number;
  readonly lastRequest: FakeAlipayRequest | undefined;
  close(): Promise<void>;
}

const METHOD = 'alipay.system.oauth.token';
const REQUIRED: Record<string, string> = {
  app_id: 'isv.missing-app-id',
  method: 'isv.missing-method',
  sign_type: 'isv.missing-signature-type',
  sign: 'isv.missing-signature',
  timestamp: 'isv.missing-timestamp',
  version: 'isv.missing-version',
};

const missing = (subCode: string): FakeAlipayError => ({ code: '40001', msg: 'Missing Required Arguments', sub_code: subCode, sub_msg: '缺少必选参数' });
const invalid = (subCode: string, subMsg: string): FakeAlipayError => ({ code: '40002', msg: 'Invalid Arguments', sub_code: subCode, sub_msg: subMsg });

/** Speaks the Alipay OpenAPI gateway protocol for `alipay.system.oauth.token`: RSA2-verified requests, RSA2-signed responses. */
export async function startFakeAlipay(options: FakeAlipayOptions): Promise<FakeAlipay> {
  const codes = new Map<string, FakeAlipayUser>();
  let calls = 0;
  let lastRequest: FakeAlipayRequest | undefined;
  let nextFailure: FakeAlipayError | undefined;

  const server = createServer((req, res) => {
    calls += 1;
    handle(req, res).catch((error: unknown) => res.writeHead(500).end(String(error)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    if (req.method !== 'POST' || url.pathname !== '/gateway.do') return void res.writeHead(404).end();
    const query = Object.fromEntries(url.searchParams);
    const body = Object.fromEntries(new URLSearchParams((await readBody(req)).toString('utf8')));
    const params = { ...query, ...body };
    lastRequest = { query, body, params };

    const rejection = checkRequest(params, options);
    if (rejection) return reply(res, 'error_response', rejection);
    if (nextFailure) {
      const failure = nextFailure;
      nextFailure = undefined;
      return reply(res, 'error_response', failure);
    }

    if (params.grant_type !== 'authorization_code') {
      return reply(res, 'error_response', invalid('isv.grant-type-invalid', 'grant_type参数不正确'));
    }
    const code = params.code ?? '';
    const user = codes.get(code);
    if (!user) return reply(res, 'error_response', invalid('isv.code-invalid', '授权码code无效'));
    codes.delete(code);
    return reply(res, `${METHOD.replaceAll('.', '_')}_response`, {
      ...(user.userId ? { user_id: user.userId } : { open_id: user.openId }),
      access_token: `authusrB${randomBytes(16).toString('hex')}`,
      expires_in: 1_296_000,
      refresh_token: `authusrB${randomBytes(16).toString('hex')}`,
      re_expires_in: 2_592_000,
      auth_start: beijingTime(new Date()),
    });
  }

  // `sign` covers the node's exact bytes as sent: clients must verify that substring, not a re-serialisation.
  function reply(res: ServerResponse, key: string, node: Record<string, unknown>): void {
    const nodeJson = JSON.stringify(node);
    const sign = createSign('RSA-SHA256').update(nodeJson, 'utf8').sign(options.alipayPrivateKey, 'base64');
    res.writeHead(200, { 'Content-Type': 'application/json;charset=utf-8', trace_id: randomBytes(16).toString('hex') });
    res.end(`{"${key}":${nodeJson},"sign":"${sign}"}`);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    gateway: `http://127.0.0.1:${port}/gateway.do`,
    issueAuthCode(user) {
      if (Boolean(user.userId) === Boolean(user.openId)) throw new Error('issueAuthCode needs exactly one of userId or openId');
      const code = randomBytes(16).toString('hex');
      codes.set(code, user);
      return code;
    },
    failNextCall(error) {
      nextFailure = error;
    },
    get calls() {
      return calls;
    },
    get lastRequest() {
      return lastRequest;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function checkRequest(params: Record<string, string>, options: FakeAlipayOptions): FakeAlipayError | undefined {
  const absent = Object.keys(REQUIRED).find((name) => !params[name]);
  if (absent) return missing(REQUIRED[absent]!);
  if (params.app_id !== options.appId) return invalid('isv.invalid-app-id', '无效的AppID参数');
  if (params.sign_type !== 'RSA2') return invalid('isv.invalid-signature-type', '无效的签名类型');
  if (!/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(params.timestamp ?? '')) return invalid('isv.invalid-timestamp', '非法的时间戳参数');
  const content = signContent(params);
  if (!createVerify('RSA-SHA256').update(content, 'utf8').verify(options.appPublicKey, params.sign ?? '', 'base64')) {
    return invalid('isv.invalid-signature', `验签出错，建议检查签名字符串或签名私钥与应用公钥是否匹配，网关生成的验签字符串为：${content}`);
  }
  if (params.method !== METHOD) return invalid('isv.invalid-method', '不存在的方法名');
  return undefined;
}

/** Every param but `sign` (`sign_type` included), empty values skipped, sorted by key, raw values joined `k=v&`. */
function signContent(params: Record<string, string>): string {
  return Object.keys(params)
    .filter((key) => key !== 'sign' && params[key] !== '')
    .sort()
    .map((key) => `${key}=${params[key]}`)
    .join('&');
}

function beijingTime(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
