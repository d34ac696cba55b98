import type { KeyObject } from 'node:crypto';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import { AlipayRequestError, AlipaySdk } from 'alipay-sdk';
import type { Logger } from '../../../infra/logger.ts';
import { DomainError } from '../../../shared/errors.ts';

export interface AlipayClientConfig {
  appId: string;
  /** App private key: PEM (PKCS#8 or PKCS#1) or the bare base64 DER the Alipay key tool prints. */
  privateKey: string;
  /** Alipay's public key from the open-platform console (not the app's): PEM or bare base64 SPKI. */
  alipayPublicKey: string;
  /** Defaults to `https://openapi.alipay.com/gateway.do`. */
  gateway?: string;
  /** Defaults to the SDK's 5000 ms. */
  timeoutMs?: number;
  log?: Pick<Logger, 'error'>;
}

export interface AlipayAuthToken {
  /** `2088…`, for apps in user_id mode. */
  userId?: string;
  /** For apps in OpenID mode. */
  openId?: string;
  accessToken: string;
  expiresIn: number;
}

export interface AlipayClient {
  /** Exchanges a mini-program `my.getAuthCode` code through `alipay.system.oauth.token`. */
  exchangeAuthCode(authCode: string): Promise<AlipayAuthToken>;
}

/** Alipay refused a call for a reason only the operator can fix (app id, keys, permissions); surfaces as a 500. */
export class AlipayApiError extends Error {
  override name = 'AlipayApiError';

  constructor(
    readonly code: string,
    readonly subCode: string | undefined,
    readonly msg: string,
    readonly subMsg?: string,
  ) {
    super(`Alipay rejected the call: ${[code, subCode, msg, subMsg].filter(Boolean).join(' / ')}`);
  }
}

type ResponseNode = Record<string, unknown>;

const METHOD = 'alipay.system.oauth.token';
const RESPONSE_KEY = 'alipay_system_oauth_token_response';
const ERROR_KEY = 'error_response';
const CODE_REJECTED = /^isv\.(?:auth-)?code-(?:invalid|expired|used|time-?out)$/;
const TOKEN_VALUES = /("(?:access_token|refresh_token)"\s*:\s*")[^"]*/g;

export function createAlipayClient(config: AlipayClientConfig): AlipayClient {
  const sdk = new AlipaySdk({
    appId: config.appId,
    // The SDK re-labels the key as `keyType` says (default PKCS1) and a mismatch fails only at the first request.
    privateKey: rsaPem(config.privateKey, 'private'),
    keyType: 'PKCS8',
    alipayPublicKey: rsaPem(config.alipayPublicKey, 'public'),
    signType: 'RSA2',
    // Snake case, so verified nodes and the error nodes we parse ourselves share one shape.
    camelcase: false,
    ...(config.gateway ? { gateway: config.gateway } : {}),
    ...(config.timeoutMs ? { timeout: config.timeoutMs } : {}),
  });

  function signatureValid(raw: string, key: string, sign: string): boolean {
    try {
      sdk.checkResponseSign(raw, key, sign, '');
      return true;
    } catch {
      return false;
    }
  }

  // Under validateSign, exec() rejects every `error_response` (it only looks for the method node), so we verify those here.
  function explainRejection(error: unknown): Error {
    const raw = error instanceof AlipayRequestError ? error.responseDataRaw : undefined;
    const body = raw ? parseObject(raw) : undefined;
    const key = [RESPONSE_KEY, ERROR_KEY].find((candidate) => isObject(body?.[candidate]));
    if (!raw || !body || !key || typeof body.sign !== 'string') return unavailable(error);
    if (!signatureValid(raw, key, body.sign)) {
      config.log?.error(
        { gateway: config.gateway, responseDataRaw: raw.replace(TOKEN_VALUES, '$1[redacted]') },
        'Alipay response signature is INVALID: possible spoofed gateway response (or alipayPublicKey is not Alipay’s key), rejected',
      );
      // Not the SDK's error: its message quotes the unverified node, tokens included.
      return unavailable(new Error('Alipay response signature is invalid'));
    }
    return key === ERROR_KEY ? failureOf(body[key] as ResponseNode) : unavailable(error);
  }

  return {
    async exchangeAuthCode(authCode) {
      // The SDK signs empty values the gateway skips, which Alipay would answer with isv.invalid-signature.
      if (authCode.trim() === '') throw codeInvalid();
      let node: ResponseNode;
      try {
        node = await sdk.exec(
          METHOD,
          { grant_type: 'authorization_code', code: authCode, timestamp: beijingTimestamp(new Date()) },
          { validateSign: true },
        );
      } catch (error) {
        throw explainRejection(error);
      }
      return tokenOf(node);
    },
  };
}

function tokenOf(node: ResponseNode): AlipayAuthToken {
  // A successful oauth.token node usually carries no `code` at all.
  if (node.code !== undefined && String(node.code) !== '10000') throw failureOf(node);
  const userId = nonEmpty(node.user_id);
  const openId = nonEmpty(node.open_id);
  const accessToken = nonEmpty(node.access_token);
  const expiresIn = Number(node.expires_in);
  if ((!userId && !openId) || !accessToken || !Number.isFinite(expiresIn)) {
    throw unavailable(new Error(`Alipay ${METHOD} answered without a user or token (fields: ${Object.keys(node).join(', ')})`));
  }
  return { ...(userId ? { userId } : {}), ...(openId ? { openId } : {}), accessToken, expiresIn };
}

function failureOf(node: ResponseNode): Error {
  const code = String(node.code ?? '');
  const subCode = nonEmpty(node.sub_code);
  if (subCode && CODE_REJECTED.test(subCode)) return codeInvalid();
  const apiError = new AlipayApiError(code, subCode, String(node.msg ?? ''), nonEmpty(node.sub_msg));
  if (code === '20000' || subCode?.startsWith('isp.')) return unavailable(apiError);
  return apiError;
}

function codeInvalid(): DomainError {
  return new DomainError('ALIPAY_CODE_INVALID', '支付宝授权已失效，请重试', 400);
}

function unavailable(cause: unknown): DomainError {
  const error = new DomainError('ALIPAY_UNAVAILABLE', '支付宝服务繁忙，请稍后再试', 503);
  error.cause = cause;
  return error;
}

function parseKey(key: string, kind: 'private' | 'public'): KeyObject {
  const text = key.trim();
  const label = kind === 'private' ? 'PRIVATE KEY' : 'PUBLIC KEY';
  // Alipay's key tool prints bare base64 DER: try the standard encoding (PKCS#8 / SPKI), then PKCS#1.
  const candidates = text.includes('-----BEGIN')
    ? [text]
    : [label, `RSA ${label}`].map((type) => `-----BEGIN ${type}-----\n${text.replace(/\s+/g, '')}\n-----END ${type}-----`);
  const create = kind === 'private' ? createPrivateKey : createPublicKey;
  let failure: unknown;
  for (const candidate of candidates) {
    try {
      return create(candidate);
    } catch (error) {
      failure = error;
    }
  }
  throw new Error(`Alipay ${kind} key is not an RSA key in PEM or base64 DER`, { cause: failure });
}

function rsaPem(text: string, kind: 'private' | 'public'): string {
  const key = parseKey(text, kind);
  if (key.asymmetricKeyType !== 'rsa') throw new Error(`Alipay ${kind} key must be RSA, got ${key.asymmetricKeyType}`);
  const pem = kind === 'private' ? key.export({ type: 'pkcs8', format: 'pem' }) : key.export({ type: 'spki', format: 'pem' });
  return pem.toString().trim();
}

function beijingTimestamp(now: Date): string {
  // The SDK stamps the process's local time; the gateway reads `timestamp` as GMT+8 whatever TZ we run in.
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ');
}

function parseObject(raw: string): ResponseNode | undefined {
  try {
    const value: unknown = JSON.parse(raw);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is ResponseNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
