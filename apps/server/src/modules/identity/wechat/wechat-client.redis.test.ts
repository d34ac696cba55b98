import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeWechat } from '../../../../test/fakes/wechat.ts';
import { startFakeWechat } from '../../../../test/fakes/wechat.ts';
import type { Cache } from '../../../infra/cache/cache.ts';
import { createRedisCache } from '../../../infra/cache/redis-cache.ts';
import { ManualClock } from '../../../infra/clock.ts';
import type { WechatClient } from './wechat-client.ts';
import { createWechatClient } from './wechat-client.ts';

const app = { appId: 'wx8f2c1a7d3b9e0c41', appSecret: '3f7b9c2e8a1d4f6b0c5e7a9d2b4f6c8e' };

describe('WeChat access token on Redis', () => {
  let clock: ManualClock;
  let fake: FakeWechat;
  let prefix: string;
  let connections: Redis[];

  /** One API process: its own Redis connection and client, sharing the keyspace with the others. */
  const apiProcess = (): { client: WechatClient; cache: Cache } => {
    const redis = new Redis(process.env.TEST_REDIS_URL!);
    connections.push(redis);
    const cache = createRedisCache(redis, prefix);
    return { client: createWechatClient({ ...app, baseUrl: fake.url, cache, clock }), cache };
  };

  beforeEach(async () => {
    clock = new ManualClock('2026-03-02T01:30:00.000Z');
    fake = await startFakeWechat({ ...app, clock });
    prefix = `t${randomBytes(4).toString('hex')}`;
    connections = [];
  });

  afterEach(async () => {
    const [redis] = connections;
    const keys = redis ? await redis.keys(`${prefix}:*`) : [];
    if (redis && keys.length) await redis.del(...keys);
    await Promise.all(connections.map((c) => c.quit()));
    await fake.close();
  });

  it('is fetched once, shared by two processes and kept until 300 s before expiry', async () => {
    // Given two API processes on one Redis
    const first = apiProcess();
    const second = apiProcess();

    // When the first fetches the token and the second asks for it afterwards
    const token = await first.client.getAccessToken();
    const seenBySecond = await second.client.getAccessToken();

    // Then WeChat was asked once, and Redis keeps the token per app id for 7200 − 300 s
    expect(seenBySecond).toBe(token);
    expect(fake.calls.stable_token).toBe(1);
    const ttl = await second.cache.ttl(`wechat:access-token:${app.appId}`);
    expect(ttl).toBeGreaterThan((7200 - 300) * 1000 - 5000);
    expect(ttl).toBeLessThanOrEqual((7200 - 300) * 1000);
  });

  it('fetches once for ten concurrent phone calls in one process, and racing processes get the same stable token', async () => {
    // Given two processes with nothing cached
    const first = apiProcess();
    const second = apiProcess();

    // When each fetches ten phone numbers at the same moment
    const calls = [first, second].flatMap(({ client }) =>
      Array.from({ length: 10 }, (_, i) => client.getPhoneNumber(fake.issuePhoneCode({ phone: `1390000000${i}` }))),
    );
    await Promise.all(calls);

    // Then each process fetched the token at most once, and both ended up with one token
    expect(fake.calls.stable_token).toBeLessThanOrEqual(2);
    expect(fake.calls.getuserphonenumber).toBe(20);
    expect(await first.client.getAccessToken()).toBe(await second.client.getAccessToken());
  });

  it('replaces a token WeChat expired for every process after one retry', async () => {
    // Given a shared token that WeChat has since expired
    const first = apiProcess();
    const second = apiProcess();
    const stale = await first.client.getAccessToken();
    fake.expireAccessTokens();

    // When one process fetches a phone number
    const phone = await first.client.getPhoneNumber(fake.issuePhoneCode({ phone: '13700137000' }));

    // Then it retried once with a fresh token, which the other process now uses without fetching
    expect(phone.countryCode).toBe('86');
    expect(fake.calls.getuserphonenumber).toBe(2);
    const fresh = await second.client.getAccessToken();
    expect(fresh).not.toBe(stale);
    expect(fake.calls.stable_token).toBe(2);
  });

  it('shares a forced refresh with every process', async () => {
    // Given a shared token
    const first = apiProcess();
    const second = apiProcess();
    const old = await second.client.getAccessToken();

    // When one process forces a refresh
    const forced = await first.client.getAccessToken({ forceRefresh: true });

    // Then the other process uses the new token
    expect(forced).not.toBe(old);
    expect(await second.client.getAccessToken()).toBe(forced);
    expect(fake.calls.stable_token).toBe(2);
  });
});
