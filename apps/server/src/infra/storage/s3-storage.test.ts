import { createHash } from 'node:crypto';
import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeS3, FakeS3Options } from '../../../test/fakes/s3.ts';
import { startFakeS3 } from '../../../test/fakes/s3.ts';
import type { S3StorageOptions } from './s3-storage.ts';
import { createS3Storage } from './s3-storage.ts';
import type { ObjectStorage } from './storage.ts';
import { storageContract } from './storage.contract.ts';

const account = {
  accessKeyId: 'AKIDMINIMALLTEST0001',
  secretAccessKey: 'minimall-test-secret-0123456789abcdefghij',
  bucket: 'minimall-media',
  region: 'cn-hangzhou',
};

const storageFor = (fake: FakeS3, overrides: Partial<S3StorageOptions> = {}): ObjectStorage =>
  createS3Storage({ ...account, endpoint: fake.url, forcePathStyle: true, ...overrides });

const rawClientFor = (fake: FakeS3, overrides: Partial<ConstructorParameters<typeof S3Client>[0]> = {}): S3Client =>
  new S3Client({
    endpoint: fake.url,
    region: account.region,
    forcePathStyle: true,
    credentials: { accessKeyId: account.accessKeyId, secretAccessKey: account.secretAccessKey },
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    ...overrides,
  });

const sha256Hex = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

storageContract('s3', async () => {
  const fake = await startFakeS3(account);
  return { storage: storageFor(fake), cleanup: () => fake.close() };
});

describe('s3 storage', () => {
  let fake: FakeS3;
  const cleanups: (() => unknown)[] = [];

  const startFake = async (options: Partial<FakeS3Options> = {}): Promise<void> => {
    fake = await startFakeS3({ ...account, ...options });
  };
  const track = (storage: ObjectStorage): ObjectStorage => {
    cleanups.push(() => storage.close());
    return storage;
  };
  const trackClient = (client: S3Client): S3Client => {
    cleanups.push(() => client.destroy());
    return client;
  };

  beforeEach(async () => {
    await startFake();
  });

  afterEach(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
    await fake.close();
  });

  it('stores the object in the bucket with its content type and cache control', async () => {
    // Given the production client pointed at the fake
    const storage = track(storageFor(fake));

    // When an object is put
    await storage.put('products/p1/cover.jpg', Buffer.from('jpeg bytes'), { contentType: 'image/jpeg', cacheControl: 'public, max-age=600' });

    // Then the server holds it under the key, as sent
    const object = fake.objects.get('products/p1/cover.jpg');
    expect(object?.body.toString()).toBe('jpeg bytes');
    expect(object?.contentType).toBe('image/jpeg');
    expect(object?.cacheControl).toBe('public, max-age=600');
  });

  it('signs a SHA-256 payload hash and sends no flexible checksum that S3-compatible stores may reject', async () => {
    // Given the production client
    const storage = track(storageFor(fake));
    const body = Buffer.from('商品详情');

    // When it puts an object
    await storage.put('articles/detail.txt', body, { contentType: 'text/plain; charset=utf-8' });

    // Then the payload hash is the body's SHA-256, covered by the signature, and no CRC32 checksum rode along
    const headers = fake.objects.get('articles/detail.txt')?.requestHeaders ?? {};
    expect(headers['x-amz-content-sha256']).toBe(sha256Hex(body));
    expect(headers.authorization).toMatch(/SignedHeaders=[^,]*x-amz-content-sha256/);
    expect(Object.keys(headers).filter((name) => /^x-amz-(checksum-|sdk-checksum-|trailer)/.test(name))).toEqual([]);
  });

  it('never sends a request for an invalid key', async () => {
    // Given the production client
    const storage = track(storageFor(fake));

    // When operations use a traversal key
    await expect(storage.put('../etc/passwd', Buffer.from('x'), { contentType: 'text/plain' })).rejects.toThrow('invalid storage key');
    await expect(storage.get('../etc/passwd')).rejects.toThrow('invalid storage key');

    // Then the server saw nothing
    expect(fake.requests).toBe(0);
  });

  it('fails ping when the bucket does not exist', async () => {
    // Given a client configured with another bucket
    const storage = track(storageFor(fake, { bucket: 'no-such-bucket' }));

    // When it is pinged
    const ping = storage.ping();

    // Then the check fails with the 404 the server returned
    await expect(ping).rejects.toMatchObject({ $metadata: { httpStatusCode: 404 } });
  });

  it('throws rather than reporting a missing object when the bucket does not exist', async () => {
    // Given a client configured with another bucket
    const storage = track(storageFor(fake, { bucket: 'no-such-bucket' }));

    // When an object is read
    const get = storage.get('products/p1/cover.jpg');

    // Then the misconfiguration surfaces
    await expect(get).rejects.toMatchObject({ name: 'NoSuchBucket' });
  });

  describe('public URLs', () => {
    it('uses the CDN base when one is configured', () => {
      const storage = track(storageFor(fake, { publicBaseUrl: 'https://img.example.cn/' }));
      expect(storage.publicUrl('products/p1/cover.jpg')).toBe('https://img.example.cn/products/p1/cover.jpg');
    });

    it('uses the path-style bucket URL of the endpoint', () => {
      const storage = track(storageFor(fake, { endpoint: 'http://minio.internal:9000' }));
      expect(storage.publicUrl('products/p1/cover.jpg')).toBe('http://minio.internal:9000/minimall-media/products/p1/cover.jpg');
    });

    it('uses the virtual-hosted bucket URL of the endpoint', () => {
      const storage = track(storageFor(fake, { endpoint: 'https://oss-cn-hangzhou.aliyuncs.com', forcePathStyle: false }));
      expect(storage.publicUrl('products/p1/cover.jpg')).toBe('https://minimall-media.oss-cn-hangzhou.aliyuncs.com/products/p1/cover.jpg');
    });

    it('uses the regional AWS bucket URL when no endpoint is configured', () => {
      const storage = track(storageFor(fake, { endpoint: undefined, region: 'ap-east-1', forcePathStyle: false }));
      expect(storage.publicUrl('products/p1/cover.jpg')).toBe('https://minimall-media.s3.ap-east-1.amazonaws.com/products/p1/cover.jpg');
    });
  });

  describe('the fake verifies Signature Version 4', () => {
    it('rejects a put signed with the wrong secret', async () => {
      // Given the production client holding a wrong secret
      const storage = track(storageFor(fake, { secretAccessKey: 'not-the-secret' }));

      // When it puts an object
      const put = storage.put('products/p1/cover.jpg', Buffer.from('jpeg'), { contentType: 'image/jpeg' });

      // Then the server's 403 SignatureDoesNotMatch surfaces and nothing is stored
      await expect(put).rejects.toMatchObject({ name: 'SignatureDoesNotMatch', $metadata: { httpStatusCode: 403 } });
      expect(fake.objects.size).toBe(0);
    });

    it('rejects an unknown access key', async () => {
      // Given the production client holding an access key the server does not know
      const storage = track(storageFor(fake, { accessKeyId: 'AKIDSOMEONEELSE' }));

      // When it reads an object
      const get = storage.get('products/p1/cover.jpg');

      // Then the server's 403 InvalidAccessKeyId surfaces
      await expect(get).rejects.toMatchObject({ name: 'InvalidAccessKeyId', $metadata: { httpStatusCode: 403 } });
    });

    it('rejects an anonymous request', async () => {
      // Given no Authorization header
      // When an object is fetched directly
      const response = await fetch(`${fake.url}/${account.bucket}/products/p1/cover.jpg`);

      // Then the server refuses with an S3 XML error
      expect(response.status).toBe(403);
      expect(await response.text()).toContain('<Code>AccessDenied</Code>');
    });

    it('rejects a replayed request whose body was tampered with', async () => {
      // Given a put the SDK signed for a real body
      const client = trackClient(rawClientFor(fake));
      const signed = captureSignedRequests(client);
      const original = Buffer.from('price: 9900 fen');
      await client.send(new PutObjectCommand({ Bucket: account.bucket, Key: 'exports/prices.txt', Body: original, ContentType: 'text/plain' }));

      // When the same signed request is replayed with the original body and with a same-length tampered body
      const honest = await replayPut(fake.url, signed(), original);
      const tampered = await replayPut(fake.url, signed(), Buffer.from('price: 0001 fen'));

      // Then only the honest replay is accepted, and the stored body is the original
      expect(honest.status).toBe(200);
      expect(tampered.status).toBe(400);
      expect(await tampered.text()).toContain('<Code>XAmzContentSHA256Mismatch</Code>');
      expect(fake.objects.get('exports/prices.txt')?.body.toString()).toBe('price: 9900 fen');
    });

    it('rejects a request signed more than 15 minutes away from the server clock', async () => {
      // Given a server whose clock is 20 minutes ahead, and a client that does not retry
      await fake.close();
      await startFake({ now: () => Date.now() + 20 * 60 * 1000 });
      const client = trackClient(rawClientFor(fake, { maxAttempts: 1 }));

      // When it puts an object
      const put = client.send(new PutObjectCommand({ Bucket: account.bucket, Key: 'tmp/skewed.txt', Body: 'late' }));

      // Then the server answers 403 RequestTimeTooSkewed
      await expect(put).rejects.toMatchObject({ name: 'RequestTimeTooSkewed', $metadata: { httpStatusCode: 403 } });
      expect(fake.objects.has('tmp/skewed.txt')).toBe(false);
    });

    it('lets the production client recover from clock skew using the server Date header', async () => {
      // Given a server whose clock is 20 minutes ahead
      await fake.close();
      await startFake({ now: () => Date.now() + 20 * 60 * 1000 });
      const storage = track(storageFor(fake));

      // When the production client puts an object
      await storage.put('tmp/skewed.txt', Buffer.from('on time'), { contentType: 'text/plain' });

      // Then the first attempt was refused, the SDK corrected its clock and the retry landed
      expect(fake.requests).toBe(2);
      expect(fake.objects.get('tmp/skewed.txt')?.body.toString()).toBe('on time');
    });
  });
});

interface SignedRequest {
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
}

/** Records the last request the client signed, exactly as it goes on the wire. */
function captureSignedRequests(client: S3Client): () => SignedRequest {
  let captured: SignedRequest | undefined;
  client.middlewareStack.add(
    (next) => async (args) => {
      const { path, query, headers } = args.request as SignedRequest;
      const lowerCased = Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]);
      captured = { path, query: { ...query }, headers: Object.fromEntries(lowerCased) };
      return next(args);
    },
    // Low priority in the finalize step runs after the signer, right before the request is sent.
    { step: 'finalizeRequest', priority: 'low', name: 'captureSignedRequests' },
  );
  return () => {
    if (!captured) throw new Error('no request was signed');
    return captured;
  };
}

/** Sends a signed PUT again with another body; fetch sets host and content-length itself, to the same values. */
function replayPut(endpoint: string, { path, query, headers }: SignedRequest, body: Buffer): Promise<Response> {
  const replayable = Object.fromEntries(Object.entries(headers).filter(([name]) => !['host', 'content-length', 'expect'].includes(name)));
  return fetch(`${endpoint}${path}?${new URLSearchParams(query).toString()}`, { method: 'PUT', headers: replayable, body });
}
