/** Object storage: product media, avatars, exports. Local disk in embedded mode, S3-compatible (OSS/COS/MinIO/S3) behind a CDN in production. */
export interface PutOptions {
  contentType: string;
  /** Cache-Control for the CDN/browser; immutable content-addressed media gets a long max-age. */
  cacheControl?: string;
}

export interface StoredObjectInfo {
  key: string;
  size: number;
  contentType: string;
  /** Quoted hex MD5 of the body, as S3 returns it for single-part uploads. */
  etag: string;
  cacheControl?: string;
}

export interface StoredObject extends StoredObjectInfo {
  body: Buffer;
}

export interface ObjectStorage {
  readonly kind: 'local' | 's3';
  put(key: string, body: Buffer, options: PutOptions): Promise<StoredObjectInfo>;
  /** undefined when the key does not exist. */
  get(key: string): Promise<StoredObject | undefined>;
  head(key: string): Promise<StoredObjectInfo | undefined>;
  /** Deleting a missing key is not an error (idempotent). */
  delete(key: string): Promise<void>;
  /** URL a shopper's device can load: `/uploads/<key>` locally, the CDN/bucket URL in production. */
  publicUrl(key: string): string;
  /** Cheap reachability check for /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Keys are relative paths of safe segments; rejects traversal and odd characters before any I/O. */
export function assertValidKey(key: string): void {
  const ok =
    key.length > 0 &&
    key.length <= 512 &&
    !key.startsWith('/') &&
    key.split('/').every((segment) => /^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(segment) && segment !== '..' && !segment.includes('..'));
  if (!ok) throw new InvalidStorageKeyError(key);
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`invalid storage key: ${JSON.stringify(key)}`);
    this.name = 'InvalidStorageKeyError';
  }
}
