import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addressSchema, regionTreeSchema } from '@minimall/contracts';
import { findPlaintext, testApp } from '../../../test/harness.ts';

describe('address book', () => {
  let t: Awaited<ReturnType<typeof testApp>>;
  let app: FastifyInstance;
  let alice: Record<string, string>;
  let bob: Record<string, string>;

  const login = async (deviceId: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/shop/auth/demo-login', payload: { deviceId } });
    return { authorization: `Bearer ${res.json().accessToken}` };
  };
  const home = { recipient: '林小满', phone: '13812345678', districtCode: '330106', detail: '文三路 90 号 3 幢 501 室', tag: '家' };

  beforeAll(async () => {
    t = await testApp();
    app = t.app;
    alice = await login('device-alice001');
    bob = await login('device-bob00001');
  });
  afterAll(async () => {
    await t.close();
  });

  it('serves the region tree for the picker, long-cached', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/shop/regions' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=86400');
    const tree = regionTreeSchema.parse(res.json());
    const zj = tree.provinces.find(([, name]) => name === '浙江省')!;
    const hz = zj[2].find(([, name]) => name === '杭州市')!;
    expect(hz[2]).toContainEqual(['330106', '西湖区']);
  });

  it('adds an address from a district code, fills in province and city, and makes the first one default', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/shop/me/addresses', headers: alice, payload: home });
    expect(res.statusCode).toBe(201);
    expect(addressSchema.parse(res.json())).toMatchObject({
      recipient: '林小满',
      phone: '13812345678',
      provinceCode: '33',
      cityCode: '3301',
      districtCode: '330106',
      province: '浙江省',
      city: '杭州市',
      district: '西湖区',
      detail: '文三路 90 号 3 幢 501 室',
      tag: '家',
      isDefault: true,
    });
  });

  it('keeps exactly one default as addresses are added, switched and deleted', async () => {
    const work = await app.inject({
      method: 'POST',
      url: '/api/shop/me/addresses',
      headers: alice,
      payload: { ...home, recipient: '林小满', districtCode: '310115', detail: '张江路 88 号', tag: '公司', isDefault: true },
    });
    expect(work.json()).toMatchObject({ province: '上海市', city: '上海市', isDefault: true });
    let list = (await app.inject({ method: 'GET', url: '/api/shop/me/addresses', headers: alice })).json();
    expect(list.map((a: { tag: string; isDefault: boolean }) => [a.tag, a.isDefault])).toEqual([
      ['公司', true],
      ['家', false],
    ]);
    const homeId = list[1].id;
    await app.inject({ method: 'POST', url: `/api/shop/me/addresses/${homeId}/default`, headers: alice });
    list = (await app.inject({ method: 'GET', url: '/api/shop/me/addresses', headers: alice })).json();
    expect(list[0]).toMatchObject({ id: homeId, isDefault: true });
    expect(list.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
    await app.inject({ method: 'DELETE', url: `/api/shop/me/addresses/${homeId}`, headers: alice });
    list = (await app.inject({ method: 'GET', url: '/api/shop/me/addresses', headers: alice })).json();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ tag: '公司', isDefault: true });
  });

  it('rejects an unknown district and a malformed phone with field errors', async () => {
    const bad = await app.inject({ method: 'POST', url: '/api/shop/me/addresses', headers: alice, payload: { ...home, districtCode: '339999' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'REGION_INVALID', details: { fields: [{ path: 'districtCode' }] } });
    const phone = await app.inject({ method: 'POST', url: '/api/shop/me/addresses', headers: alice, payload: { ...home, phone: '0571-1234' } });
    expect(phone.json().details.fields[0].path).toBe('phone');
  });

  it("never shows or changes another shopper's address (404, not 403)", async () => {
    const mine = (await app.inject({ method: 'POST', url: '/api/shop/me/addresses', headers: bob, payload: { ...home, recipient: '王大锤' } })).json();
    expect((await app.inject({ method: 'GET', url: '/api/shop/me/addresses', headers: alice })).json().map((a: { id: string }) => a.id)).not.toContain(mine.id);
    const put = await app.inject({ method: 'PUT', url: `/api/shop/me/addresses/${mine.id}`, headers: alice, payload: { ...home, recipient: '黑客' } });
    expect(put.statusCode).toBe(404);
    expect((await app.inject({ method: 'DELETE', url: `/api/shop/me/addresses/${mine.id}`, headers: alice })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: `/api/shop/me/addresses/${mine.id}/default`, headers: alice })).statusCode).toBe(404);
    const still = (await app.inject({ method: 'GET', url: '/api/shop/me/addresses', headers: bob })).json();
    expect(still[0]).toMatchObject({ id: mine.id, recipient: '王大锤' });
    expect((await app.inject({ method: 'GET', url: '/api/shop/me/addresses' })).statusCode).toBe(401);
  });

  it('makes exactly one default when a new shopper adds two addresses at once', async () => {
    const carol = await login('device-carol001');
    const both = await Promise.all(
      ['家', '公司'].map((tag) => app.inject({ method: 'POST', url: '/api/shop/me/addresses', headers: carol, payload: { ...home, tag } })),
    );
    expect(both.map((r) => r.statusCode)).toEqual([201, 201]);
    const list = (await app.inject({ method: 'GET', url: '/api/shop/me/addresses', headers: carol })).json();
    expect(list.filter((a: { isDefault: boolean }) => a.isDefault)).toHaveLength(1);
  });

  it('stores no plaintext recipient, phone or street', async () => {
    const db = t.infra.database.db;
    expect(await findPlaintext(db, '13812345678')).toEqual([]);
    expect(await findPlaintext(db, '文三路')).toEqual([]);
    expect(await findPlaintext(db, '林小满')).toEqual([]);
  });
});
