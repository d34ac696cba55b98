import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { cacheContract } from './cache.contract.ts';
import { createRedisCache } from './redis-cache.ts';

cacheContract('Redis', async () => {
  const redis = new Redis(process.env.TEST_REDIS_URL!);
  const prefix = `t${randomBytes(4).toString('hex')}`;
  return {
    cache: createRedisCache(redis, prefix),
    elapse: (ms) => new Promise((r) => setTimeout(r, ms)),
    cleanup: async () => {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length) await redis.del(...keys);
      await redis.quit();
    },
  };
});
