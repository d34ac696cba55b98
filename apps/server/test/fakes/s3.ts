import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeS3Options {
  accessKeyId: string;
  secretAccessKey: string;
  bucket: string;
  region: string;
  /** The server's clock; skew is judged against it (default: the real clock). */
  now?: () => number;
}

export interface FakeS3Object {
  body: Buffer;
  contentType: string;
  cacheControl?: string;
  etag: string;
  lastModified: Date;
  /** Headers of the PUT that stored it, to assert what a client sends. */
  requestHeaders: IncomingHttpHeaders;
}

export interface FakeS3 {
  /** Endpoint for path-style clients, e.g. `http://127.0.0.1:54321`. */
  url: string;
  /** Stored objects by key, for assertions. */
  objects: Map<string, FakeS3Object>;
  /** Requests received, rejected ones included. */
  readonly requests: number;
  close(): Promise<void>;
}

interface S3Error {
  status: number;
  code: string;
  message: string;
  details?: Record<string, string>;
}

const MAX_SKEW_MS = 15 * 60 * 1000;
const ALGORITHM = 'AWS4-HMAC-SHA256';

/** Speaks the S3 REST wire format for path-style object requests and verifies AWS Signature Version 4 on each one. */
export async function startFakeS3(options: FakeS3Options): Promise<FakeS3> {
  const now = options.now ?? Date.now;
  const objects = new Map<string, FakeS3Object>();
  let requests = 0;

  const server = createServer((req, res) => {
    requests += 1;
    handle(req, res).catch((error: unknown) => {
      if (error instanceof URIError) return sendError(req, res, { status: 400, code: 'InvalidURI', message: 'Could not parse the specified URI.' });
      sendError(req, res, { status: 500, code: 'InternalError', message: String(error) });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('Date', new Date(now()).toUTCString());
    res.setHeader('x-amz-request-id', randomBytes(8).toString('hex').toUpperCase());
    const body = await readBody(req);
    const authError = verifySignatureV4(req, body, options, now());
    if (authError) return sendError(req, res, authError);

    const [, bucket = '', ...keySegments] = splitUrl(req).path.split('/');
    const key = decodeURIComponent(keySegments.join('/'));
    if (decodeURIComponent(bucket) !== options.bucket) {
      return sendError(req, res, { status: 404, code: 'NoSuchBucket', message: 'The specified bucket does not exist' });
    }
    if (key === '') {
      if (req.method === 'HEAD') return void res.writeHead(200).end();
      return sendError(req, res, { status: 501, code: 'NotImplemented', message: 'Only HEAD is implemented for buckets' });
    }

    switch (req.method) {
      case 'PUT': {
        const object: FakeS3Object = {
          body,
          contentType: req.headers['content-type'] ?? 'binary/octet-stream',
          cacheControl: req.headers['cache-control'],
          etag: `"${createHash('md5').update(body).digest('hex')}"`,
          lastModified: new Date(Math.floor(now() / 1000) * 1000),
          requestHeaders: req.headers,
        };
        objects.set(key, object);
        return void res.writeHead(200, { ETag: object.etag, 'Content-Length': 0 }).end();
      }
      case 'GET':
      case 'HEAD': {
        const object = objects.get(key);
        if (!object) return sendError(req, res, { status: 404, code: 'NoSuchKey', message: 'The specified key does not exist.' });
        res.writeHead(200, {
          ETag: object.etag,
          'Content-Type': object.contentType,
          'Content-Length': object.body.length,
          'Last-Modified': object.lastModified.toUTCString(),
          'Accept-Ranges': 'bytes',
          ...(object.cacheControl === undefined ? {} : { 'Cache-Control': object.cacheControl }),
        });
        return void res.end(req.method === 'GET' ? object.body : undefined);
      }
      case 'DELETE':
        objects.delete(key);
        return void res.writeHead(204).end();
      default:
        return sendError(req, res, { status: 405, code: 'MethodNotAllowed', message: 'The specified method is not allowed against this resource.' });
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    objects,
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function verifySignatureV4(req: IncomingMessage, body: Buffer, options: FakeS3Options, nowMs: number): S3Error | undefined {
  const authorization = req.headers.authorization;
  if (!authorization) return { status: 403, code: 'AccessDenied', message: 'Anonymous access is forbidden' };
  const malformed = (message: string): S3Error => ({ status: 400, code: 'AuthorizationHeaderMalformed', message });

  if (!authorization.startsWith(`${ALGORITHM} `)) return malformed(`Only ${ALGORITHM} is supported`);
  const fields = new Map(
    authorization
      .slice(ALGORITHM.length + 1)
      .split(',')
      .map((part) => {
        const [name = '', ...value] = part.trim().split('=');
        return [name, value.join('=')] as const;
      }),
  );
  const credential = fields.get('Credential');
  const signedHeadersField = fields.get('SignedHeaders');
  const signature = fields.get('Signature');
  if (!credential || !signedHeadersField || !signature) return malformed('Credential, SignedHeaders and Signature are required');

  const [accessKeyId, scopeDate, region, service, terminator, ...rest] = credential.split('/');
  if (accessKeyId !== options.accessKeyId) {
    return { status: 403, code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' };
  }
  const amzDate = header(req, 'x-amz-date');
  const requestTime = parseAmzDate(amzDate);
  if (requestTime === undefined) return { status: 403, code: 'AccessDenied', message: 'AWS authentication requires a valid x-amz-date header' };
  if (rest.length > 0 || scopeDate !== amzDate.slice(0, 8) || service !== 's3' || terminator !== 'aws4_request') {
    return malformed(`The credential scope is malformed: ${credential}`);
  }
  if (region !== options.region) return malformed(`The region '${region}' is wrong; expecting '${options.region}'`);
  if (Math.abs(nowMs - requestTime) > MAX_SKEW_MS) {
    return {
      status: 403,
      code: 'RequestTimeTooSkewed',
      message: 'The difference between the request time and the current time is too large.',
      details: { RequestTime: amzDate, ServerTime: new Date(nowMs).toISOString(), MaxAllowedSkewMilliseconds: String(MAX_SKEW_MS) },
    };
  }

  const signedHeaders = signedHeadersField.split(';');
  if (!signedHeaders.includes('host')) return malformed('The host header must be signed');
  const unsigned = Object.keys(req.headers).filter((name) => name.startsWith('x-amz-') && !signedHeaders.includes(name));
  if (unsigned.length > 0) {
    return { status: 403, code: 'AccessDenied', message: `There were headers present in the request which were not signed: ${unsigned.join(', ')}` };
  }
  const payloadHash = header(req, 'x-amz-content-sha256');
  if (!payloadHash) return { status: 400, code: 'InvalidRequest', message: 'Missing required header for this request: x-amz-content-sha256' };
  if (payloadHash.startsWith('STREAMING-')) {
    return { status: 501, code: 'NotImplemented', message: `Chunked payloads (${payloadHash}) are not supported by this fake` };
  }
  if (payloadHash !== 'UNSIGNED-PAYLOAD' && !/^[0-9a-f]{64}$/.test(payloadHash)) {
    return { status: 400, code: 'InvalidArgument', message: 'x-amz-content-sha256 must be UNSIGNED-PAYLOAD, STREAMING-* or a lowercase hex SHA-256' };
  }

  const { path, query } = splitUrl(req);
  const canonicalRequest = [
    req.method ?? '',
    canonicalUri(path),
    canonicalQueryString(query),
    signedHeaders.map((name) => `${name}:${canonicalHeaderValue(req, name)}\n`).join(''),
    signedHeadersField,
    payloadHash,
  ].join('\n');
  const scope = `${scopeDate}/${region}/s3/aws4_request`;
  const stringToSign = [ALGORITHM, amzDate, scope, sha256Hex(canonicalRequest)].join('\n');
  const dateKey = hmac(`AWS4${options.secretAccessKey}`, scopeDate);
  const regionKey = hmac(dateKey, region);
  const serviceKey = hmac(regionKey, 's3');
  const signingKey = hmac(serviceKey, 'aws4_request');
  const expected = hmac(signingKey, stringToSign);
  const provided = Buffer.from(/^[0-9a-f]{64}$/.test(signature) ? signature : '', 'hex');
  if (provided.length !== expected.length || !timingSafeEqual(provided, expected)) {
    return {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'The request signature we calculated does not match the signature you provided. Check your key and signing method.',
      details: { AWSAccessKeyId: accessKeyId, StringToSign: stringToSign, SignatureProvided: signature, CanonicalRequest: canonicalRequest },
    };
  }

  if (payloadHash !== 'UNSIGNED-PAYLOAD' && sha256Hex(body) !== payloadHash) {
    const message = "The provided 'x-amz-content-sha256' header does not match what was computed.";
    return { status: 400, code: 'XAmzContentSHA256Mismatch', message };
  }
  return undefined;
}

/** S3 canonical URIs are the path segments URI-encoded once, without dot-segment normalisation. */
function canonicalUri(rawPath: string): string {
  return rawPath
    .split('/')
    .map((segment) => awsUriEncode(decodeURIComponent(segment)))
    .join('/');
}

function canonicalQueryString(rawQuery: string): string {
  return rawQuery
    .split('&')
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [name = '', ...value] = pair.split('=');
      return [awsUriEncode(decodeURIComponent(name)), awsUriEncode(decodeURIComponent(value.join('=')))] as const;
    })
    .sort(([nameA, valueA], [nameB, valueB]) => compareCodeUnits(nameA, nameB) || compareCodeUnits(valueA, valueB))
    .map(([name, value]) => `${name}=${value}`)
    .join('&');
}

/** Every occurrence of the header, each trimmed with inner whitespace runs collapsed, joined by commas. */
function canonicalHeaderValue(req: IncomingMessage, name: string): string {
  const values: string[] = [];
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if (req.rawHeaders[i]?.toLowerCase() === name) values.push((req.rawHeaders[i + 1] ?? '').trim().replace(/\s+/g, ' '));
  }
  return values.join(',');
}

/** RFC 3986 encoding as SigV4 defines it: only A-Z a-z 0-9 - . _ ~ stay literal. */
function awsUriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
}

function compareCodeUnits(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

function parseAmzDate(value: string): number | undefined {
  const iso = value.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z');
  const time = iso === value ? Number.NaN : Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
}

/** The path and query exactly as sent: signatures cover the raw bytes, so no URL normalisation. */
function splitUrl(req: IncomingMessage): { path: string; query: string } {
  const [path = '/', query = ''] = (req.url ?? '/').split(/\?(.*)/s);
  return { path, query };
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(',') : (value ?? '');
}

function hmac(key: Buffer | string, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256Hex(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function sendError(req: IncomingMessage, res: ServerResponse, error: S3Error): void {
  if (res.headersSent) return void res.destroy();
  const requestId = String(res.getHeader('x-amz-request-id') ?? '');
  const fields = { Code: error.code, Message: error.message, Resource: splitUrl(req).path, RequestId: requestId, ...error.details };
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<Error>${Object.entries(fields)
    .map(([name, value]) => `<${name}>${escapeXml(value)}</${name}>`)
    .join('')}</Error>`;
  // HEAD responses have no body, so clients only see the status code, as with real S3.
  const body = req.method === 'HEAD' ? '' : xml;
  res.writeHead(error.status, { 'Content-Type': 'application/xml', 'Content-Length': Buffer.byteLength(body) }).end(body);
}

function escapeXml(value: string): string {
  return value.replace(/[<>&'"]/g, (char) => `&${({ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' })[char]};`);
}
