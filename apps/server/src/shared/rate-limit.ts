import type { Cache } from '../infra/cache/cache.ts';
import { DomainError } from './errors.ts';

export interface Limit {
  /** What is limited and for whom, e.g. `sms:phone:<blind index>`. */
  key: string;
  max: number;
  windowMs: number;
  message?: string;
}

/**
 * Fixed-window counters in the shared cache (Redis in production, so limits hold across API
 * processes). Every limit is counted, then the first exceeded one is reported with Retry-After.
 */
export async function enforceLimits(cache: Cache, limits: Limit[]): Promise<void> {
  for (const limit of limits) {
    const count = await cache.incr(`ratelimit:${limit.key}`, 1, limit.windowMs);
    if (count > limit.max) {
      const ttl = await cache.ttl(`ratelimit:${limit.key}`);
      const retryAfterSec = Math.max(1, Math.ceil((ttl && ttl > 0 ? ttl : limit.windowMs) / 1000));
      throw new DomainError('RATE_LIMITED', limit.message ?? '操作太频繁，请稍后再试', 429, { retryAfterSec });
    }
  }
}

/** Read-only check, for counters that only failures increment (e.g. wrong codes). */
export async function isOverLimit(cache: Cache, limit: Omit<Limit, 'message'>): Promise<boolean> {
  return ((await cache.get<number>(`ratelimit:${limit.key}`)) ?? 0) >= limit.max;
}

export async function countFailure(cache: Cache, limit: Omit<Limit, 'message'>): Promise<number> {
  return cache.incr(`ratelimit:${limit.key}`, 1, limit.windowMs);
}
