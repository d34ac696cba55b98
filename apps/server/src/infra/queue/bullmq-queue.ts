import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { newId } from '../ids.ts';
import type { Logger } from '../logger.ts';
import {
  assertJobId,
  assertJobName,
  errorText,
  jobSettings,
  retryPolicy,
  type DeadLetterSink,
  type EnqueueOptions,
  type JobHandler,
  type JobQueue,
  type JobSettings,
} from './queue.ts';

interface Registration extends JobSettings {
  handler: JobHandler;
}

/**
 * Production queue: one BullMQ queue per job name on Redis, so API processes enqueue and any number of
 * `minimall worker` processes consume. `connection` must be created with maxRetriesPerRequest: null.
 */
export function createBullmqQueue(options: { connection: Redis; prefix: string; deadLetters: DeadLetterSink; log: Logger; defaultConcurrency?: number }): JobQueue {
  const queues = new Map<string, Queue>();
  const registrations = new Map<string, Registration>();
  const workers: Worker[] = [];
  const deadLetterWrites = new Set<Promise<void>>();
  const prefix = `${options.prefix}:bull`;

  const queueFor = (name: string): Queue => {
    let q = queues.get(name);
    if (!q) {
      q = new Queue(name, { connection: options.connection, prefix });
      q.on('error', (err) => options.log.error({ err, queue: name }, 'queue error'));
      queues.set(name, q);
    }
    return q;
  };

  return {
    kind: 'bullmq',
    register(name, handler, opts = {}) {
      assertJobName(name);
      registrations.set(name, { handler: handler as JobHandler, ...jobSettings(opts, options.defaultConcurrency) });
    },
    async enqueue(name, data, opts: EnqueueOptions = {}) {
      const { attempts, backoffMs } = retryPolicy(opts, registrations.get(name));
      assertJobName(name);
      const jobId = opts.jobId ?? newId();
      assertJobId(jobId);
      await queueFor(name).add(name, data, {
        jobId,
        delay: opts.delayMs && opts.delayMs > 0 ? opts.delayMs : undefined,
        attempts,
        backoff: { type: 'exponential', delay: backoffMs },
        removeOnComplete: { age: 3600, count: 1000 },
        removeOnFail: { age: 7 * 24 * 3600 },
      });
      return jobId;
    },
    async repeat(name, data, { everyMs, key }) {
      assertJobName(name);
      assertJobId(key);
      await queueFor(name).upsertJobScheduler(key, { every: everyMs }, { name, data, opts: { removeOnComplete: true, removeOnFail: 100 } });
    },
    async start() {
      if (workers.length) return;
      for (const [name, reg] of registrations) {
        const worker = new Worker(
          name,
          async (job: Job) => {
            await reg.handler(job.data, { id: String(job.id), name, attempt: job.attemptsMade + 1 });
          },
          { connection: options.connection, prefix, concurrency: reg.concurrency },
        );
        worker.on('failed', (job, err) => {
          if (!job) return;
          const attempts = job.opts.attempts ?? 1;
          if (job.attemptsMade < attempts) {
            options.log.warn({ job: name, jobId: job.id, attempt: job.attemptsMade, err }, 'job failed, will retry');
            return;
          }
          options.log.error({ job: name, jobId: job.id, attempt: job.attemptsMade, err }, 'job failed permanently');
          const write = options
            .deadLetters({ queue: name, jobId: String(job.id), data: job.data, attempts: job.attemptsMade, error: errorText(err) })
            .catch((e: unknown) => options.log.error({ err: e }, 'dead-letter write failed'));
          deadLetterWrites.add(write);
          void write.finally(() => deadLetterWrites.delete(write));
        });
        worker.on('error', (err) => options.log.error({ err, queue: name }, 'worker error'));
        workers.push(worker);
      }
      await Promise.all(workers.map((w) => w.waitUntilReady()));
    },
    async stop() {
      await Promise.all(workers.map((w) => w.close()));
      workers.length = 0;
      await Promise.allSettled([...deadLetterWrites]);
    },
    async close() {
      await this.stop();
      await Promise.all([...queues.values()].map((q) => q.close()));
      queues.clear();
    },
    async ping() {
      await options.connection.ping();
    },
  };
}
