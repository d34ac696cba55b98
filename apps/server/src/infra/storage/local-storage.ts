import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import type { ObjectStorage, PutOptions, StoredObject, StoredObjectInfo } from './storage.ts';
import { assertValidKey } from './storage.ts';

export interface LocalStorageOptions {
  rootDir: string;
  publicBaseUrl?: string;
}

/** Sidecar metadata; size + mtimeMs tie it to the exact data file it describes. */
interface Sidecar {
  contentType: string;
  cacheControl?: string;
  size: number;
  etag: string;
  mtimeMs: number;
}

const DEFAULT_CONTENT_TYPE = 'application/octet-stream';
// A key whose path is a directory (it has children) is no object, as in S3.
const MISSING_CODES = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ERR_FS_EISDIR']);

export function createLocalStorage({ rootDir, publicBaseUrl = '/uploads' }: LocalStorageOptions): ObjectStorage {
  const root = resolve(rootDir);
  const baseUrl = publicBaseUrl.replace(/\/+$/, '');
  const pathOf = (key: string): string => join(root, ...key.split('/'));

  async function head(key: string): Promise<StoredObjectInfo | undefined> {
    assertValidKey(key);
    const file = pathOf(key);
    const [stats, sidecar] = await Promise.all([ifExists(stat(file)), readSidecar(file)]);
    if (!stats?.isFile()) return undefined;
    const sidecarIsCurrent = sidecar?.size === stats.size && sidecar.mtimeMs === stats.mtimeMs;
    const etag = sidecarIsCurrent ? sidecar.etag : md5Etag(await readFile(file));
    return { key, size: stats.size, contentType: sidecar?.contentType ?? DEFAULT_CONTENT_TYPE, etag, cacheControl: sidecar?.cacheControl };
  }

  return {
    kind: 'local',

    async put(key: string, body: Buffer, { contentType, cacheControl }: PutOptions): Promise<StoredObjectInfo> {
      assertValidKey(key);
      const file = pathOf(key);
      await mkdir(dirname(file), { recursive: true });
      const info: StoredObjectInfo = { key, size: body.length, contentType, etag: md5Etag(body), cacheControl };
      const tempBody = tempPathFor(file);
      const tempSidecar = tempPathFor(file);
      try {
        await writeFile(tempBody, body, { flush: true });
        const { mtimeMs } = await stat(tempBody);
        const sidecar: Sidecar = { contentType, cacheControl, size: body.length, etag: info.etag, mtimeMs };
        await writeFile(tempSidecar, JSON.stringify(sidecar));
        // rename() keeps the temp file's mtime, so the sidecar's mtimeMs stays valid for the published file.
        await rename(tempBody, file);
        await rename(tempSidecar, sidecarPathFor(file));
      } catch (error) {
        await Promise.all([rm(tempBody, { force: true }), rm(tempSidecar, { force: true })]);
        throw error;
      }
      return info;
    },

    async get(key: string): Promise<StoredObject | undefined> {
      assertValidKey(key);
      const file = pathOf(key);
      const body = await ifExists(readFile(file));
      if (!body) return undefined;
      const sidecar = await readSidecar(file);
      return {
        key,
        size: body.length,
        contentType: sidecar?.contentType ?? DEFAULT_CONTENT_TYPE,
        etag: md5Etag(body),
        cacheControl: sidecar?.cacheControl,
        body,
      };
    },

    head,

    async delete(key: string): Promise<void> {
      assertValidKey(key);
      const file = pathOf(key);
      await ifExists(rm(file, { force: true }));
      await ifExists(rm(sidecarPathFor(file), { force: true }));
    },

    publicUrl(key: string): string {
      assertValidKey(key);
      return `${baseUrl}/${key}`;
    },

    async ping(): Promise<void> {
      await mkdir(root, { recursive: true });
      const probe = join(root, `.ping-${randomUUID()}`);
      await writeFile(probe, '');
      await rm(probe, { force: true });
    },

    async close(): Promise<void> {},
  };
}

function md5Etag(body: Buffer): string {
  return `"${createHash('md5').update(body).digest('hex')}"`;
}

// Dot-prefixed names cannot collide with keys: every key segment starts with an alphanumeric.
function sidecarPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.meta.json`);
}

function tempPathFor(file: string): string {
  return join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);
}

async function readSidecar(file: string): Promise<Sidecar | undefined> {
  const raw = await ifExists(readFile(sidecarPathFor(file), 'utf8'));
  return raw === undefined ? undefined : (JSON.parse(raw) as Sidecar);
}

async function ifExists<T>(operation: Promise<T>): Promise<T | undefined> {
  try {
    return await operation;
  } catch (error) {
    if (MISSING_CODES.has((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
}
