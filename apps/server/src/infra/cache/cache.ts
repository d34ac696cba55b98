/**
 * Key-value cache for hot reads (products, home layout) and counters (rate limits). Values are JSON, so
 * both implementations behave the same: a cached object is a copy, never shared mutable state.
 */
export interface Cache {
  readonly kind: 'memory' | 'redis';
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown, ttlMs?: number): Promise<void>;
  del(...keys: string[]): Promise<void>;
  /** Atomic add; the TTL is set when the counter is created, so a window expires as a whole. */
  incr(key: string, by?: number, ttlMs?: number): Promise<number>;
  /** Remaining life of a key in ms: undefined when missing, -1 when it never expires. */
  ttl(key: string): Promise<number | undefined>;
  /** Cache-aside with in-process single flight: concurrent misses for one key run the loader once. */
  getOrLoad<T>(key: string, ttlMs: number, loader: () => Promise<T>): Promise<T>;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Shared single-flight + cache-aside on top of get/set, used by both implementations. */
export function singleFlight(cache: Pick<Cache, 'get' | 'set'>): Cache['getOrLoad'] {
  const inflight = new Map<string, Promise<unknown>>();
  return async <T>(key: string, ttlMs: number, loader: () => Promise<T>): Promise<T> => {
    const hit = await cache.get<T>(key);
    if (hit !== undefined) return hit;
    const running = inflight.get(key);
    if (running) return running as Promise<T>;
    const p = (async () => {
      try {
        const value = await loader();
        if (value !== undefined) await cache.set(key, value, ttlMs);
        return value;
      } finally {
        inflight.delete(key);
      }
    })();
    inflight.set(key, p);
    return p;
  };
}
