import { LRUCache } from 'lru-cache';
import type { Clock } from '../clock.ts';
import { systemClock } from '../clock.ts';
import { singleFlight, type Cache } from './cache.ts';

interface Entry {
  json: string;
  expiresAt: number | undefined;
}

/** In-process LRU for embedded mode; expiry follows the injected clock so tests can move time. */
export function createMemoryCache(options: { maxEntries?: number; clock?: Clock } = {}): Cache {
  const clock = options.clock ?? systemClock;
  const lru = new LRUCache<string, Entry>({ max: options.maxEntries ?? 10_000 });
  const live = (key: string): Entry | undefined => {
    const e = lru.get(key);
    if (!e) return undefined;
    if (e.expiresAt !== undefined && e.expiresAt <= clock.now().getTime()) {
      lru.delete(key);
      return undefined;
    }
    return e;
  };
  const expiry = (ttlMs?: number) => (ttlMs && ttlMs > 0 ? clock.now().getTime() + ttlMs : undefined);

  const cache: Cache = {
    kind: 'memory',
    async get<T>(key: string) {
      const e = live(key);
      return e ? (JSON.parse(e.json) as T) : undefined;
    },
    async set(key, value, ttlMs) {
      lru.set(key, { json: JSON.stringify(value), expiresAt: expiry(ttlMs) });
    },
    async del(...keys) {
      for (const k of keys) lru.delete(k);
    },
    async incr(key, by = 1, ttlMs) {
      const e = live(key);
      const next = (e ? Number(JSON.parse(e.json)) : 0) + by;
      lru.set(key, { json: JSON.stringify(next), expiresAt: e ? e.expiresAt : expiry(ttlMs) });
      return next;
    },
    async ttl(key) {
      const e = live(key);
      if (!e) return undefined;
      return e.expiresAt === undefined ? -1 : e.expiresAt - clock.now().getTime();
    },
    getOrLoad: undefined as unknown as Cache['getOrLoad'],
    async ping() {},
    async close() {
      lru.clear();
    },
  };
  cache.getOrLoad = singleFlight(cache);
  return cache;
}
