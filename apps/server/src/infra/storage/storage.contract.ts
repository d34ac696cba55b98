import { createHash, randomBytes } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ObjectStorage } from './storage.ts';
import { InvalidStorageKeyError } from './storage.ts';

export interface StorageUnderTest {
  storage: ObjectStorage;
  /** Runs after `storage.close()`; removes whatever backs the storage (temp dir, fake server). */
  cleanup(): Promise<void>;
}

const quotedMd5 = (body: Buffer): string => `"${createHash('md5').update(body).digest('hex')}"`;

/** Behaviour every ObjectStorage must share; each implementation runs it against its own backend. */
export function storageContract(name: string, factory: () => Promise<StorageUnderTest>): void {
  describe(`${name} storage contract`, () => {
    let subject: StorageUnderTest;
    let storage: ObjectStorage;

    beforeEach(async () => {
      subject = await factory();
      storage = subject.storage;
    });

    afterEach(async () => {
      await storage.close();
      await subject.cleanup();
    });

    it('returns identical bytes for a binary body holding every byte value', async () => {
      // Given a body with all 256 byte values, twice over
      const body = Buffer.from([...Array.from({ length: 256 }, (_, i) => i), ...Array.from({ length: 256 }, (_, i) => 255 - i)]);

      // When it is stored and read back
      await storage.put('media/binary.bin', body, { contentType: 'application/octet-stream' });
      const stored = await storage.get('media/binary.bin');

      // Then the bytes are the same
      expect(stored?.body).toEqual(body);
      expect(stored?.size).toBe(512);
    });

    it('returns identical UTF-8 Chinese text', async () => {
      // Given a UTF-8 text with CJK characters, full-width punctuation and an emoji
      const text = '双十一满减：每满300减50，限时秒杀🛒';
      const body = Buffer.from(text, 'utf8');

      // When it is stored and read back
      await storage.put('articles/double-eleven.txt', body, { contentType: 'text/plain; charset=utf-8' });
      const stored = await storage.get('articles/double-eleven.txt');

      // Then it decodes to the same text
      expect(stored?.body.toString('utf8')).toBe(text);
      expect(stored?.size).toBe(body.length);
    });

    it('round-trips content type, cache control and a quoted MD5 etag', async () => {
      // Given an image with a long-lived cache policy
      const body = randomBytes(1024);
      const options = { contentType: 'image/webp', cacheControl: 'public, max-age=31536000, immutable' };

      // When it is stored and read back
      const put = await storage.put('products/p1/cover.webp', body, options);
      const stored = await storage.get('products/p1/cover.webp');

      // Then put and get describe it the same way
      const expected = {
        key: 'products/p1/cover.webp',
        size: 1024,
        contentType: 'image/webp',
        etag: quotedMd5(body),
        cacheControl: options.cacheControl,
      };
      expect(put).toEqual(expected);
      expect(stored).toEqual({ ...expected, body });
    });

    it('heads an object without its body', async () => {
      // Given a stored object
      const body = Buffer.from('{"sku":"A-1"}');
      await storage.put('exports/skus.json', body, { contentType: 'application/json' });

      // When it is headed
      const info = await storage.head('exports/skus.json');

      // Then the metadata is there and the body is not
      expect(info).toEqual({ key: 'exports/skus.json', size: body.length, contentType: 'application/json', etag: quotedMd5(body) });
      expect(info).not.toHaveProperty('body');
    });

    it('heads a missing key as undefined', async () => {
      // Given an empty storage
      // When a key that was never written is headed
      const info = await storage.head('avatars/nobody.png');

      // Then there is nothing
      expect(info).toBeUndefined();
    });

    it('replaces an object on overwrite', async () => {
      // Given a stored banner
      await storage.put('banners/home.png', Buffer.from('old banner'), { contentType: 'image/png' });

      // When the same key is written with a new body and type
      const replacement = Buffer.from('new banner, now a jpeg');
      await storage.put('banners/home.png', replacement, { contentType: 'image/jpeg' });

      // Then only the new version is visible
      const stored = await storage.get('banners/home.png');
      expect(stored?.body.toString()).toBe('new banner, now a jpeg');
      expect(stored?.contentType).toBe('image/jpeg');
      expect(stored?.etag).toBe(quotedMd5(replacement));
      expect((await storage.head('banners/home.png'))?.size).toBe(replacement.length);
    });

    it('gets and heads a deleted object as undefined', async () => {
      // Given a stored object
      await storage.put('tmp/upload.bin', Buffer.from('short-lived'), { contentType: 'application/octet-stream' });

      // When it is deleted
      await storage.delete('tmp/upload.bin');

      // Then it is gone
      expect(await storage.get('tmp/upload.bin')).toBeUndefined();
      expect(await storage.head('tmp/upload.bin')).toBeUndefined();
    });

    it('deletes a missing key without error', async () => {
      // Given a key that was never written
      // When it is deleted, twice
      await storage.delete('tmp/never-written.bin');
      await storage.delete('tmp/never-written.bin');

      // Then neither delete threw and the key is still absent
      expect(await storage.head('tmp/never-written.bin')).toBeUndefined();
    });

    it('gets a missing key as undefined', async () => {
      // Given an empty storage
      // When a key that was never written is read
      const stored = await storage.get('products/missing.jpg');

      // Then there is nothing
      expect(stored).toBeUndefined();
    });

    it.each(['../etc/passwd', '/abs', 'a//b', ''])('rejects the invalid key %j with InvalidStorageKeyError', async (key) => {
      // Given a key that could escape the storage root or is malformed
      const body = Buffer.from('x');

      // When any operation uses it
      // Then every one fails with InvalidStorageKeyError
      await expect(storage.put(key, body, { contentType: 'text/plain' })).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.get(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.head(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      await expect(storage.delete(key)).rejects.toBeInstanceOf(InvalidStorageKeyError);
      expect(() => storage.publicUrl(key)).toThrow(InvalidStorageKeyError);
    });

    it('builds a public URL ending in the key', () => {
      // Given a media key
      const key = 'products/p1/gallery/01.jpg';

      // When its public URL is built
      const url = storage.publicUrl(key);

      // Then it is a site-relative path or an absolute http(s) URL that ends in the key
      expect(url).toMatch(/^(\/|https?:\/\/)/);
      expect(url.endsWith(`/${key}`)).toBe(true);
      expect(url.slice(url.indexOf('//') + 2)).not.toContain('//');
    });

    it('pings successfully', async () => {
      // Given a healthy storage
      // When it is pinged
      const ping = storage.ping();

      // Then it resolves
      await expect(ping).resolves.toBeUndefined();
    });

    it('round-trips a 2 MB object', async () => {
      // Given a 2 MB random body
      const body = randomBytes(2 * 1024 * 1024);

      // When it is stored and read back
      const put = await storage.put('exports/orders-2024.csv', body, { contentType: 'text/csv' });
      const stored = await storage.get('exports/orders-2024.csv');

      // Then every byte survives
      expect(put.size).toBe(2 * 1024 * 1024);
      expect(stored?.size).toBe(2 * 1024 * 1024);
      expect(stored?.etag).toBe(quotedMd5(body));
      expect(stored?.body.equals(body)).toBe(true);
    });

    it('lands every one of many concurrent puts to different keys', async () => {
      // Given 24 distinct objects
      const uploads = Array.from({ length: 24 }, (_, i) => ({ key: `products/p${i}/thumb.png`, body: randomBytes(4096 + i) }));

      // When they are all put at once
      await Promise.all(uploads.map(({ key, body }) => storage.put(key, body, { contentType: 'image/png' })));

      // Then each reads back its own body
      const stored = await Promise.all(uploads.map(({ key }) => storage.get(key)));
      expect(stored.map((object) => object?.etag)).toEqual(uploads.map(({ body }) => quotedMd5(body)));
      expect(stored.every((object, i) => object?.body.equals(uploads[i]?.body ?? Buffer.alloc(0)))).toBe(true);
    });
  });
}
