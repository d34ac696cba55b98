import type { FastifyInstance } from 'fastify';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testApp } from '../../../test/harness.ts';

function multipart(file: Buffer, filename: string, type: string): { payload: Buffer; headers: Record<string, string> } {
  const boundary = '----minimall-test-boundary';
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return { payload: Buffer.concat([head, file, tail]), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('avatar upload', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let app: FastifyInstance;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await testApp();
    app = t.app;
    const login = await app.inject({ method: 'POST', url: '/api/shop/auth/demo-login', payload: { deviceId: 'device-avatar01' } });
    auth = { authorization: `Bearer ${login.json().accessToken}` };
  });
  afterAll(async () => {
    await t.close();
  });

  const upload = (file: Buffer, name = 'me.png', type = 'image/png', headers = auth) => {
    const body = multipart(file, name, type);
    return app.inject({ method: 'POST', url: '/api/shop/me/avatar', payload: body.payload, headers: { ...headers, ...body.headers } });
  };

  it('stores any accepted image as a 256×256 WebP and serves it', async () => {
    const photo = await sharp({ create: { width: 1200, height: 800, channels: 3, background: '#e4393c' } }).jpeg().toBuffer();
    const res = await upload(photo, 'holiday.jpg', 'image/jpeg');
    expect(res.statusCode).toBe(200);
    const url: string = res.json().avatarUrl;
    expect(url).toMatch(/^\/uploads\/avatars\/[0-9a-f-]+\/[0-9a-f-]+\.webp$/);
    const stored = await t.infra.storage.get(url.replace('/uploads/', ''));
    expect(stored?.contentType).toBe('image/webp');
    const meta = await sharp(stored!.body).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['webp', 256, 256]);
  });

  it('replaces the previous upload instead of piling files up', async () => {
    const first = (await upload(await sharp({ create: { width: 300, height: 300, channels: 3, background: 'blue' } }).png().toBuffer())).json().avatarUrl;
    const second = (await upload(await sharp({ create: { width: 300, height: 300, channels: 3, background: 'green' } }).png().toBuffer())).json().avatarUrl;
    expect(second).not.toBe(first);
    expect(await t.infra.storage.head(first.replace('/uploads/', ''))).toBeUndefined();
    expect(await t.infra.storage.head(second.replace('/uploads/', ''))).toBeDefined();
  });

  it('refuses something that is not an image, whatever it claims to be', async () => {
    const res = await upload(Buffer.from('<?php system($_GET["c"]); ?>'), 'avatar.png', 'image/png');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'IMAGE_INVALID', message: '请上传 JPG、PNG、WebP 或 GIF 图片' });
  });

  it('refuses a file over 5 MB with 413', async () => {
    const res = await upload(Buffer.alloc(5 * 1024 * 1024 + 10, 1));
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('requires a signed-in shopper and a multipart body', async () => {
    expect((await upload(Buffer.from('x'), 'a.png', 'image/png', {})).statusCode).toBe(401);
    const json = await app.inject({ method: 'POST', url: '/api/shop/me/avatar', headers: auth, payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
  });
});
