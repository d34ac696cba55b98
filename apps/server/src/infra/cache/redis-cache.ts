import type { Redis } from 'ioredis';
import { singleFlight, type Cache } from './cache.ts';

// INCRBY and the first-write PEXPIRE in one step, so a counter can never be left without its TTL.
const INCR_WITH_TTL = `
local v = redis.call('INCRBY', KEYS[1], ARGV[1])
if tonumber(ARGV[2]) > 0 and redis.call('PTTL', KEYS[1]) == -1 then redis.call('PEXPIRE', KEYS[1], ARGV[2]) end
return v`;

/** Redis cache shared by every API process; keys are namespaced by `prefix`. */
export function createRedisCache(redis: Redis, prefix: string): Cache {
  const k = (key: string) => `${prefix}:cache:${key}`;
  const cache: Cache = {
    kind: 'redis',
    async get<T>(key: string) {
      const raw = await redis.get(k(key));
      return raw === null ? undefined : (JSON.parse(raw) as T);
    },
    async set(key, value, ttlMs) {
      const json = JSON.stringify(value);
      if (ttlMs && ttlMs > 0) await redis.set(k(key), json, 'PX', ttlMs);
      else await redis.set(k(key), json);
    },
    async del(...keys) {
      if (keys.length) await redis.del(...keys.map(k));
    },
    async incr(key, by = 1, ttlMs = 0) {
      return Number(await redis.eval(INCR_WITH_TTL, 1, k(key), by, ttlMs));
    },
    async ttl(key) {
      const ms = await redis.pttl(k(key));
      if (ms === -2) return undefined;
      return ms;
    },
    getOrLoad: undefined as unknown as Cache['getOrLoad'],
    async ping() {
      await redis.ping();
    },
    async close() {},
  };
  cache.getOrLoad = singleFlight(cache);
  return cache;
}
