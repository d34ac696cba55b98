import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createLocalStorage } from './local-storage.ts';
import type { ObjectStorage } from './storage.ts';
import { InvalidStorageKeyError } from './storage.ts';
import { storageContract } from './storage.contract.ts';

const makeTempDir = () => mkdtemp(join(tmpdir(), 'minimall-storage-'));

storageContract('local', async () => {
  const rootDir = await makeTempDir();
  return { storage: createLocalStorage({ rootDir }), cleanup: () => rm(rootDir, { recursive: true, force: true }) };
});

describe('local storage', () => {
  let tempDir: string;
  let rootDir: string;
  let storage: ObjectStorage;

  beforeEach(async () => {
    tempDir = await makeTempDir();
    rootDir = join(tempDir, 'uploads');
    storage = createLocalStorage({ rootDir });
  });

  afterEach(async () => {
    await storage.close();
    await rm(tempDir, { recursive: true, force: true });
  });

  it('keeps the raw bytes at rootDir/<key> with only a hidden sidecar beside them', async () => {
    // Given an image body
    const body = Buffer.from('\x89PNG fake image bytes', 'latin1');

    // When it is put under a nested key
    await storage.put('products/p1/cover.png', body, { contentType: 'image/png' });

    // Then a static file server can serve the file as is, and no temp files are left behind
    expect(await readFile(join(rootDir, 'products', 'p1', 'cover.png'))).toEqual(body);
    expect((await readdir(join(rootDir, 'products', 'p1'))).sort()).toEqual(['.cover.png.meta.json', 'cover.png']);
  });

  it('serves public URLs under /uploads by default and under a configured base without doubled slashes', () => {
    // Given the default storage and one with a CDN base ending in a slash
    const cdn = createLocalStorage({ rootDir, publicBaseUrl: 'https://cdn.example.com/media/' });

    // When public URLs are built
    // Then both join base and key with exactly one slash
    expect(storage.publicUrl('products/p1/cover.png')).toBe('/uploads/products/p1/cover.png');
    expect(cdn.publicUrl('products/p1/cover.png')).toBe('https://cdn.example.com/media/products/p1/cover.png');
  });

  it('keeps a key named like a sidecar apart from the object it resembles', async () => {
    // Given an object and another whose key looks like the first one's metadata file
    await storage.put('a.png', Buffer.from('image'), { contentType: 'image/png' });
    await storage.put('a.png.meta.json', Buffer.from('{"not":"metadata"}'), { contentType: 'application/json' });

    // When both are read back
    const image = await storage.get('a.png');
    const json = await storage.get('a.png.meta.json');

    // Then neither overwrote the other
    expect(image?.contentType).toBe('image/png');
    expect(image?.body.toString()).toBe('image');
    expect(json?.contentType).toBe('application/json');
    expect(json?.body.toString()).toBe('{"not":"metadata"}');
  });

  it('never lets a reader see a half-written file while the object is being overwritten', async () => {
    // Given a 1 MB object and two other complete versions of it
    const versions = ['a', 'b', 'c'].map((fill) => Buffer.alloc(1024 * 1024, fill));
    await storage.put('exports/report.bin', versions[0] ?? Buffer.alloc(0), { contentType: 'application/octet-stream' });

    // When 20 overwrites race 40 reads
    const writes = Array.from({ length: 20 }, (_, i) =>
      storage.put('exports/report.bin', versions[1 + (i % 2)] ?? Buffer.alloc(0), { contentType: 'application/octet-stream' }),
    );
    const reads = Array.from({ length: 40 }, () => storage.get('exports/report.bin'));
    const [, seen] = await Promise.all([Promise.all(writes), Promise.all(reads)]);

    // Then every read returned one whole version
    for (const object of seen) {
      expect(object?.size).toBe(1024 * 1024);
      expect(versions.some((version) => version.equals(object?.body ?? Buffer.alloc(0)))).toBe(true);
    }
  });

  it('recomputes the etag when the file was replaced behind its sidecar', async () => {
    // Given a stored object whose file is later rewritten by another tool
    await storage.put('banners/top.jpg', Buffer.from('original'), { contentType: 'image/jpeg' });
    const edited = Buffer.from('edited by hand, longer than before');
    await writeFile(join(rootDir, 'banners', 'top.jpg'), edited);

    // When it is headed
    const info = await storage.head('banners/top.jpg');

    // Then size and etag describe the file on disk, and the content type is kept
    expect(info).toEqual({
      key: 'banners/top.jpg',
      size: edited.length,
      contentType: 'image/jpeg',
      etag: `"${createHash('md5').update(edited).digest('hex')}"`,
    });
  });

  it('touches nothing outside the root for a traversal key', async () => {
    // Given a key that climbs out of the root
    // When it is put
    const put = storage.put('../escaped.txt', Buffer.from('pwned'), { contentType: 'text/plain' });

    // Then it is refused and nothing was written next to the root, nor the root created
    await expect(put).rejects.toBeInstanceOf(InvalidStorageKeyError);
    expect(await readdir(tempDir)).toEqual([]);
  });

  it('fails ping when the root directory cannot be created', async () => {
    // Given a root path below a regular file
    await writeFile(join(tempDir, 'not-a-dir'), 'file');
    const broken = createLocalStorage({ rootDir: join(tempDir, 'not-a-dir', 'uploads') });

    // When it is pinged
    const ping = broken.ping();

    // Then the check fails
    await expect(ping).rejects.toMatchObject({ code: 'ENOTDIR' });
  });
});
