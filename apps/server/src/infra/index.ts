import { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { createMemoryCache } from './cache/memory-cache.ts';
import { createRedisCache } from './cache/redis-cache.ts';
import type { Cache } from './cache/cache.ts';
import { systemClock, type Clock } from './clock.ts';
import { BlindIndexer, FieldCipher, parseKeyring } from './crypto.ts';
import { openDatabase, type Database } from './db/db.ts';
import { EventBus } from './events/event-bus.ts';
import type { Logger } from './logger.ts';
import { createBullmqQueue } from './queue/bullmq-queue.ts';
import { databaseDeadLetters } from './queue/dead-letters.ts';
import { createMemoryQueue } from './queue/memory-queue.ts';
import type { JobQueue } from './queue/queue.ts';
import { resolveSecrets } from './secrets.ts';
import { consoleSms, noSms, type SmsProvider } from './sms.ts';
import { createLocalStorage } from './storage/local-storage.ts';
import { createS3Storage } from './storage/s3-storage.ts';
import type { ObjectStorage } from './storage/storage.ts';

/** Everything a use case may touch besides its own code; built once per process from config. */
export interface Infra {
  config: Config;
  log: Logger;
  clock: Clock;
  database: Database;
  cache: Cache;
  queue: JobQueue;
  events: EventBus;
  storage: ObjectStorage;
  cipher: FieldCipher;
  blindIndex: BlindIndexer;
  /** HMAC key for access tokens. */
  tokenSecret: Buffer;
  sms: SmsProvider;
  redis: Redis | undefined;
  close(): Promise<void>;
}

export interface InfraOverrides {
  clock?: Clock;
  database?: Database;
  storage?: ObjectStorage;
  sms?: SmsProvider;
}

export async function createInfra(config: Config, log: Logger, overrides: InfraOverrides = {}): Promise<Infra> {
  const clock = overrides.clock ?? systemClock;
  const secrets = resolveSecrets(config);
  const cipher = new FieldCipher(parseKeyring(secrets.dataKeys, secrets.dataKeyId));
  const blindIndex = new BlindIndexer(secrets.blindIndexKey);

  const database =
    overrides.database ??
    (config.DATABASE_URL
      ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX, log })
      : await openDatabase({ kind: 'pglite', dataDir: config.pgliteDir, log }));

  let redis: Redis | undefined;
  let queueRedis: Redis | undefined;
  if (config.REDIS_URL) {
    redis = new Redis(config.REDIS_URL, { lazyConnect: false, maxRetriesPerRequest: 3 });
    // BullMQ requires a connection that retries forever rather than failing commands
    queueRedis = new Redis(config.REDIS_URL, { maxRetriesPerRequest: null });
    for (const c of [redis, queueRedis]) c.on('error', (err) => log.error({ err }, 'redis connection error'));
  }

  const cache = redis ? createRedisCache(redis, config.REDIS_PREFIX) : createMemoryCache({ clock });
  const deadLetters = databaseDeadLetters(database.db, clock);
  const queue = queueRedis
    ? createBullmqQueue({ connection: queueRedis, prefix: config.REDIS_PREFIX, deadLetters, log, defaultConcurrency: config.JOBS_CONCURRENCY })
    : createMemoryQueue({ deadLetters, log, defaultConcurrency: config.JOBS_CONCURRENCY });
  const events = new EventBus({ db: database.db, queue, clock, log });

  const storage =
    overrides.storage ??
    (config.STORAGE_DRIVER === 's3'
      ? createS3Storage({
          endpoint: config.S3_ENDPOINT,
          region: config.S3_REGION,
          bucket: config.S3_BUCKET!,
          accessKeyId: config.S3_ACCESS_KEY_ID!,
          secretAccessKey: config.S3_SECRET_ACCESS_KEY!,
          forcePathStyle: config.S3_FORCE_PATH_STYLE,
          publicBaseUrl: config.S3_PUBLIC_URL,
        })
      : createLocalStorage({ rootDir: config.uploadsDir }));

  return {
    config,
    log,
    clock,
    database,
    cache,
    queue,
    events,
    storage,
    cipher,
    blindIndex,
    tokenSecret: Buffer.from(secrets.authTokenSecret, 'base64'),
    sms: overrides.sms ?? (config.SMS_PROVIDER === 'console' ? consoleSms(log) : noSms),
    redis,
    async close() {
      await events.stopRelay();
      await queue.close();
      await cache.close();
      await storage.close();
      await Promise.all([redis?.quit().catch(() => undefined), queueRedis?.quit().catch(() => undefined)]);
      await database.close();
    },
  };
}
