import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cache } from './cache.ts';

export interface CacheFixture {
  cache: Cache;
  /** Moves time forward for expiry checks: a fake clock in memory, a real wait on Redis. */
  elapse(ms: number): Promise<void>;
  cleanup(): Promise<void>;
}

/** One behavioural contract, run against every Cache implementation. */
export function cacheContract(name: string, factory: () => Promise<CacheFixture>): void {
  describe(`Cache contract: ${name}`, () => {
    let f: CacheFixture;
    let n = 0;
    const key = (label: string) => `${label}:${++n}`;
    beforeAll(async () => {
      f = await factory();
    });
    afterAll(async () => {
      await f.cleanup();
    });

    it('returns undefined for a key never set', async () => {
      expect(await f.cache.get(key('missing'))).toBeUndefined();
    });

    it('round-trips JSON values and hands out copies, not shared objects', async () => {
      // given
      const k = key('obj');
      const value = { name: '三只松鼠每日坚果', priceFen: 5990, tags: ['坚果', '零食'], stock: 0, active: false };
      // when
      await f.cache.set(k, value);
      const first = await f.cache.get<typeof value>(k);
      first!.tags.push('mutated');
      // then
      expect(await f.cache.get(k)).toEqual(value);
    });

    it('expires a value after its TTL', async () => {
      const k = key('ttl');
      await f.cache.set(k, 'soon gone', 300);
      expect(await f.cache.get(k)).toBe('soon gone');
      const ttl = await f.cache.ttl(k);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(300);
      await f.elapse(450);
      expect(await f.cache.get(k)).toBeUndefined();
      expect(await f.cache.ttl(k)).toBeUndefined();
    });

    it('reports -1 TTL for a value without expiry', async () => {
      const k = key('forever');
      await f.cache.set(k, 1);
      expect(await f.cache.ttl(k)).toBe(-1);
    });

    it('deletes several keys at once', async () => {
      const a = key('del');
      const b = key('del');
      await f.cache.set(a, 1);
      await f.cache.set(b, 2);
      await f.cache.del(a, b);
      expect(await f.cache.get(a)).toBeUndefined();
      expect(await f.cache.get(b)).toBeUndefined();
    });

    it('counts atomically under concurrency and keeps the window TTL from the first increment', async () => {
      const k = key('counter');
      const results = await Promise.all(Array.from({ length: 50 }, () => f.cache.incr(k, 1, 10_000)));
      expect(new Set(results).size).toBe(50);
      expect(Math.max(...results)).toBe(50);
      expect(await f.cache.incr(k, 5)).toBe(55);
      const ttl = await f.cache.ttl(k);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(10_000);
    });

    it('runs the loader once for concurrent misses and serves the cached value afterwards', async () => {
      const k = key('load');
      let calls = 0;
      const loader = async () => {
        calls += 1;
        await new Promise((r) => setTimeout(r, 30));
        return { id: 'p1', priceFen: 100 };
      };
      const values = await Promise.all(Array.from({ length: 10 }, () => f.cache.getOrLoad(k, 5000, loader)));
      expect(values.every((v) => v.priceFen === 100)).toBe(true);
      expect(calls).toBe(1);
      expect(await f.cache.getOrLoad(k, 5000, loader)).toEqual({ id: 'p1', priceFen: 100 });
      expect(calls).toBe(1);
    });

    it('does not cache a failed load', async () => {
      const k = key('fail');
      await expect(f.cache.getOrLoad(k, 5000, async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
      expect(await f.cache.getOrLoad(k, 5000, async () => 'recovered')).toBe('recovered');
    });

    it('answers ping', async () => {
      await expect(f.cache.ping()).resolves.toBeUndefined();
    });
  });
}
