import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import type { ObjectStorage, PutOptions, StoredObject, StoredObjectInfo } from './storage.ts';
import { assertValidKey } from './storage.ts';

export interface S3StorageOptions {
  /** Omit for AWS itself; set for OSS/COS/MinIO, e.g. `https://oss-cn-hangzhou.aliyuncs.com`. */
  endpoint?: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle: boolean;
  /** CDN origin (optionally with a path prefix) that serves the bucket; public URLs use the bucket URL without it. */
  publicBaseUrl?: string;
}

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';

export function createS3Storage(options: S3StorageOptions): ObjectStorage {
  const { bucket } = options;
  const client = new S3Client({
    ...(options.endpoint === undefined ? {} : { endpoint: options.endpoint }),
    region: options.region,
    forcePathStyle: options.forcePathStyle,
    credentials: { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey },
    // Recent SDKs otherwise send aws-chunked CRC32 trailers, which OSS, COS and older MinIO reject.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  const publicBase = (options.publicBaseUrl ?? bucketUrl(options)).replace(/\/+$/, '');

  return {
    kind: 's3',

    async put(key: string, body: Buffer, { contentType, cacheControl }: PutOptions): Promise<StoredObjectInfo> {
      assertValidKey(key);
      const output = await client.send(
        new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentType: contentType, CacheControl: cacheControl }),
      );
      return { key, size: body.length, contentType, etag: output.ETag ?? '', cacheControl };
    },

    async get(key: string): Promise<StoredObject | undefined> {
      assertValidKey(key);
      const output = await undefinedIfMissing(client.send(new GetObjectCommand({ Bucket: bucket, Key: key })));
      if (!output) return undefined;
      const body = Buffer.from((await output.Body?.transformToByteArray()) ?? []);
      return {
        key,
        size: body.length,
        contentType: output.ContentType ?? DEFAULT_CONTENT_TYPE,
        etag: output.ETag ?? '',
        cacheControl: output.CacheControl,
        body,
      };
    },

    async head(key: string): Promise<StoredObjectInfo | undefined> {
      assertValidKey(key);
      const output = await undefinedIfMissing(client.send(new HeadObjectCommand({ Bucket: bucket, Key: key })));
      if (!output) return undefined;
      return {
        key,
        size: output.ContentLength ?? 0,
        contentType: output.ContentType ?? DEFAULT_CONTENT_TYPE,
        etag: output.ETag ?? '',
        cacheControl: output.CacheControl,
      };
    },

    async delete(key: string): Promise<void> {
      assertValidKey(key);
      await undefinedIfMissing(client.send(new DeleteObjectCommand({ Bucket: bucket, Key: key })));
    },

    publicUrl(key: string): string {
      assertValidKey(key);
      return `${publicBase}/${key}`;
    },

    async ping(): Promise<void> {
      await client.send(new HeadBucketCommand({ Bucket: bucket }));
    },

    async close(): Promise<void> {
      client.destroy();
    },
  };
}

function bucketUrl({ endpoint, region, bucket, forcePathStyle }: S3StorageOptions): string {
  const url = new URL(endpoint ?? `https://s3.${region}.amazonaws.com`);
  const path = url.pathname.replace(/\/+$/, '');
  return forcePathStyle ? `${url.origin}${path}/${bucket}` : `${url.protocol}//${bucket}.${url.host}${path}`;
}

async function undefinedIfMissing<T>(request: Promise<T>): Promise<T | undefined> {
  try {
    return await request;
  } catch (error) {
    if (isMissingObject(error)) return undefined;
    throw error;
  }
}

// HEAD responses carry no body, so the SDK can only name them NotFound; a missing bucket must still throw.
function isMissingObject(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
  return error.name === 'NoSuchKey' || error.name === 'NotFound' || (status === 404 && error.name !== 'NoSuchBucket');
}
