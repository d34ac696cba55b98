import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { defineEndpoint, systemInfoSchema } from '@minimall/contracts';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { testApp, usingPostgres, usingRedis } from '../../test/harness.ts';
import { migrationsFolder } from '../infra/db/db.ts';
import { DomainError } from '../shared/errors.ts';
import { route } from './route.ts';

const migrationCount = (JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8')) as { entries: unknown[] }).entries.length;

const probe = defineEndpoint({
  method: 'POST',
  path: '/api/test/orders/:storeId',
  auth: 'public',
  summary: 'probe',
  tags: ['test'],
  params: z.object({ storeId: z.uuid() }),
  body: z.object({ skuId: z.string().min(1), quantity: z.number().int().min(1).max(99) }),
  response: z.object({ storeId: z.string(), quantity: z.number() }),
  status: 201,
});

describe('HTTP surface', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let app: FastifyInstance;

  beforeAll(async () => {
    ctx = await testApp({
      env: { BODY_LIMIT_BYTES: '2048', CORS_ORIGINS: 'https://partner.example.com' },
      app: {
        plugins: [
          async (instance) => {
            route(instance, probe, async ({ params, body }) => {
              if (body.skuId === 'sold-out') throw new DomainError('OUT_OF_STOCK', '库存不足', 409, { skuId: body.skuId });
              if (body.skuId === 'boom') throw new Error('connection reset by peer at 10.0.0.5');
              return { storeId: params.storeId, quantity: body.quantity };
            });
          },
        ],
      },
    });
    app = ctx.app;
  });
  afterAll(async () => {
    await ctx.close();
  });

  it('answers liveness', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('reports readiness of the database and, when configured, Redis', async () => {
    const res = await app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.status).toBe('ready');
    expect(body.checks.database.ok).toBe(true);
    expect(Object.keys(body.checks).sort()).toEqual(usingRedis ? ['database', 'redis'] : ['database']);
  });

  it('describes the running platform through the contracts schema', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/system/info' });
    expect(res.statusCode).toBe(200);
    const info = systemInfoSchema.parse(res.json());
    expect(info).toMatchObject({
      name: 'minimall',
      environment: 'test',
      schemaVersion: migrationCount,
      runtime: {
        database: usingPostgres ? 'postgres' : 'pglite',
        cache: usingRedis ? 'redis' : 'memory',
        queue: usingRedis ? 'bullmq' : 'memory',
        storage: 'local',
        payments: 'sandbox',
      },
    });
  });

  it('sends security headers on every response', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/system/info' });
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('allows cross-origin calls only from configured origins', async () => {
    const allowed = await app.inject({ method: 'GET', url: '/api/system/info', headers: { origin: 'https://partner.example.com' } });
    expect(allowed.headers['access-control-allow-origin']).toBe('https://partner.example.com');
    const other = await app.inject({ method: 'GET', url: '/api/system/info', headers: { origin: 'https://evil.example.net' } });
    expect(other.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('echoes a sane X-Request-Id and mints one otherwise', async () => {
    const given = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-abc.123' } });
    expect(given.headers['x-request-id']).toBe('trace-abc.123');
    const junk = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(junk.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('returns a JSON 404 for an unknown API route', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing/here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual({ code: 'NOT_FOUND', message: '请求的资源不存在', details: { method: 'GET', path: '/api/nothing/here' } });
  });

  it('rejects malformed JSON with 400 MALFORMED_BODY', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/orders/0190f6a0-0000-7000-8000-000000000001',
      headers: { 'content-type': 'application/json' },
      payload: '{"skuId": "a", ',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ code: 'MALFORMED_BODY', message: '请求内容不是合法的 JSON' });
  });

  it('rejects an oversized body with 413 before reading it all', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/orders/0190f6a0-0000-7000-8000-000000000001',
      headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ skuId: 'x'.repeat(5000), quantity: 1 }),
    });
    expect(res.statusCode).toBe(413);
    expect(res.json().code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('rejects an unsupported content type with 415', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/orders/0190f6a0-0000-7000-8000-000000000001',
      headers: { 'content-type': 'application/xml' },
      payload: '<order/>',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('names every failing field of an invalid request', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/orders/0190f6a0-0000-7000-8000-000000000001',
      payload: { skuId: '', quantity: 0 },
    });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.details.fields.map((f: { path: string }) => f.path).sort()).toEqual(['quantity', 'skuId']);
    expect(body.details.fields[0].in).toBe('body');
  });

  it('validates path parameters too', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/test/orders/not-a-uuid', payload: { skuId: 'a', quantity: 1 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.fields).toEqual([expect.objectContaining({ in: 'params', path: 'storeId' })]);
  });

  it('serves a valid request with the endpoint status', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/orders/0190f6a0-0000-7000-8000-000000000001',
      payload: { skuId: 'sku-1', quantity: 3 },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toEqual({ storeId: '0190f6a0-0000-7000-8000-000000000001', quantity: 3 });
  });

  it('maps a DomainError to its status, code and details', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/orders/0190f6a0-0000-7000-8000-000000000001',
      payload: { skuId: 'sold-out', quantity: 1 },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toEqual({ code: 'OUT_OF_STOCK', message: '库存不足', details: { skuId: 'sold-out' } });
  });

  it('hides internals of an unexpected error', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/test/orders/0190f6a0-0000-7000-8000-000000000001',
      payload: { skuId: 'boom', quantity: 1 },
    });
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ code: 'INTERNAL', message: '服务器开小差了，请稍后重试' });
    expect(res.body).not.toContain('10.0.0.5');
    expect(res.body).not.toContain('.ts:');
  });

  it('publishes an OpenAPI 3 document generated from the route schemas, and a browsable UI', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    const op = doc.paths['/api/test/orders/{storeId}'].post;
    expect(op.requestBody.content['application/json'].schema.required).toEqual(['skuId', 'quantity']);
    expect(op.parameters[0]).toMatchObject({ name: 'storeId', in: 'path', required: true });
    expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['201', '4XX']));
    expect(doc.paths['/api/system/info'].get.summary).toContain('runtime adapters');
    const ui = await app.inject({ method: 'GET', url: '/api/docs' });
    expect(ui.statusCode).toBe(200);
    expect(ui.headers['content-type']).toContain('text/html');
    expect(ui.body).toContain('swagger-ui');
  });
});

describe('static front ends', () => {
  let ctx: Awaited<ReturnType<typeof testApp>>;
  let root: string;

  beforeAll(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'minimall-static-'));
    const shop = path.join(root, 'h5');
    const admin = path.join(root, 'admin');
    fs.mkdirSync(path.join(shop, 'js'), { recursive: true });
    fs.mkdirSync(path.join(admin, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(shop, 'index.html'), '<!doctype html><title>商城</title>');
    fs.writeFileSync(path.join(shop, 'js', 'app.3f9a8c21.js'), 'console.log("shop")');
    fs.writeFileSync(path.join(admin, 'index.html'), '<!doctype html><title>商家后台</title>');
    fs.writeFileSync(path.join(admin, 'assets', 'index-B2xY9kLm.js'), 'console.log("admin")');
    ctx = await testApp({ env: { SERVE_STATIC: 'true', STOREFRONT_DIR: shop, ADMIN_DIR: admin } });
  });
  afterAll(async () => {
    await ctx.close();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('serves the storefront at / and falls back to it for client-side routes', async () => {
    const home = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('商城');
    expect(home.headers['cache-control']).toBe('no-cache');
    const deep = await ctx.app.inject({ method: 'GET', url: '/pages/mine/index?from=share' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('商城');
  });

  it('serves the admin at /admin/ with its own history fallback', async () => {
    const bare = await ctx.app.inject({ method: 'GET', url: '/admin' });
    expect(bare.statusCode).toBe(301);
    expect(bare.headers.location).toBe('/admin/');
    const index = await ctx.app.inject({ method: 'GET', url: '/admin/' });
    expect(index.body).toContain('商家后台');
    const deep = await ctx.app.inject({ method: 'GET', url: '/admin/products/123/edit' });
    expect(deep.statusCode).toBe(200);
    expect(deep.body).toContain('商家后台');
  });

  it('caches content-hashed assets for a year and 404s missing files instead of returning HTML', async () => {
    const js = await ctx.app.inject({ method: 'GET', url: '/admin/assets/index-B2xY9kLm.js' });
    expect(js.statusCode).toBe(200);
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const shopJs = await ctx.app.inject({ method: 'GET', url: '/js/app.3f9a8c21.js' });
    expect(shopJs.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const missing = await ctx.app.inject({ method: 'GET', url: '/admin/assets/gone-12345678.js' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('NOT_FOUND');
  });

  it('serves uploaded files but never the storage metadata', async () => {
    await ctx.infra.storage.put('avatars/u1.png', Buffer.from([0x89, 0x50, 0x4e, 0x47]), { contentType: 'image/png' });
    const file = await ctx.app.inject({ method: 'GET', url: ctx.infra.storage.publicUrl('avatars/u1.png') });
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    const meta = await ctx.app.inject({ method: 'GET', url: '/uploads/avatars/.u1.png.meta.json' });
    expect(meta.statusCode).toBe(404);
  });
});
