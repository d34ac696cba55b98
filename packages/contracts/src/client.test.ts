import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildPath, buildQuery, createApiClient, type FetchLike } from './client.ts';
import { defineEndpoint } from './endpoint.ts';
import { ApiError } from './errors.ts';

const getProduct = defineEndpoint({
  method: 'GET',
  path: '/api/shop/stores/:storeId/products/:productId',
  auth: 'public',
  summary: 'probe',
  tags: ['test'],
  params: z.object({ storeId: z.string(), productId: z.string() }),
  query: z.object({ fields: z.array(z.string()).optional(), preview: z.boolean().optional() }),
  response: z.object({ id: z.string(), priceFen: z.number().int() }),
});

const addToCart = defineEndpoint({
  method: 'POST',
  path: '/api/shop/cart/items',
  auth: 'customer',
  summary: 'probe',
  tags: ['test'],
  body: z.object({ skuId: z.string(), quantity: z.number().int() }),
  response: z.object({ count: z.number() }),
});

function recorder(status: number, body: string | Error) {
  const calls: { url: string; method: string; headers: Record<string, string>; body?: string }[] = [];
  const fetch: FetchLike = async (url, init) => {
    calls.push({ url, method: init.method, headers: init.headers, body: init.body });
    if (body instanceof Error) throw body;
    return { status, ok: status >= 200 && status < 300, text: async () => body };
  };
  return { calls, fetch };
}

describe('typed API client', () => {
  it('fills and encodes path params and repeats array query values', () => {
    expect(buildPath('/api/x/:a/y/:b', { a: '门店 1', b: 'p/2' })).toBe('/api/x/%E9%97%A8%E5%BA%97%201/y/p%2F2');
    expect(() => buildPath('/api/x/:a', {})).toThrow('missing path parameter a');
    expect(buildQuery({ tag: ['新品', 'hot'], page: 2, skip: undefined })).toBe('?tag=%E6%96%B0%E5%93%81&tag=hot&page=2');
    expect(buildQuery({})).toBe('');
  });

  it('sends the request the endpoint describes and parses the response with its schema', async () => {
    const { calls, fetch } = recorder(200, '{"id":"p1","priceFen":2990,"extra":true}');
    const api = createApiClient({ baseUrl: 'https://shop.example.com', fetch, headers: () => ({ authorization: 'Bearer t' }) });
    const product = await api.call(getProduct, { params: { storeId: 's1', productId: 'p1' }, query: { fields: ['price'], preview: true } });
    expect(product).toEqual({ id: 'p1', priceFen: 2990 });
    expect(calls[0]).toMatchObject({
      url: 'https://shop.example.com/api/shop/stores/s1/products/p1?fields=price&preview=true',
      method: 'GET',
      headers: { accept: 'application/json', authorization: 'Bearer t' },
    });
    expect(calls[0]!.body).toBeUndefined();
  });

  it('sends JSON bodies', async () => {
    const { calls, fetch } = recorder(201, '{"count":3}');
    const api = createApiClient({ baseUrl: '', fetch });
    expect(await api.call(addToCart, { body: { skuId: 'k1', quantity: 3 } })).toEqual({ count: 3 });
    expect(calls[0]!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(calls[0]!.body!)).toEqual({ skuId: 'k1', quantity: 3 });
  });

  it('turns an error body into an ApiError with its code, message and details', async () => {
    const { fetch } = recorder(409, '{"code":"OUT_OF_STOCK","message":"库存不足","details":{"skuId":"k1"}}');
    const api = createApiClient({ baseUrl: '', fetch });
    const err = await api.call(addToCart, { body: { skuId: 'k1', quantity: 1 } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err).toMatchObject({ status: 409, code: 'OUT_OF_STOCK', message: '库存不足', details: { skuId: 'k1' } });
  });

  it('maps a non-JSON failure and a network failure to stable codes', async () => {
    const html = createApiClient({ baseUrl: '', fetch: recorder(502, '<html>Bad Gateway</html>').fetch });
    await expect(html.call(addToCart, { body: { skuId: 'k', quantity: 1 } })).rejects.toMatchObject({ status: 502, code: 'INTERNAL' });
    const offline = createApiClient({ baseUrl: '', fetch: recorder(0, new Error('ECONNREFUSED')).fetch });
    await expect(offline.call(addToCart, { body: { skuId: 'k', quantity: 1 } })).rejects.toMatchObject({ status: 0, code: 'NETWORK', message: '网络异常，请稍后重试' });
  });
});
