import { newId } from '../ids.ts';
import type { Logger } from '../logger.ts';
import {
  assertJobId,
  assertJobName,
  backoffDelay,
  errorText,
  jobSettings,
  retryPolicy,
  type DeadLetterSink,
  type EnqueueOptions,
  type JobHandler,
  type JobQueue,
  type JobSettings,
} from './queue.ts';

interface Job {
  id: string;
  name: string;
  data: unknown;
  attempt: number;
  attempts: number;
  backoffMs: number;
}

interface Registration extends JobSettings {
  handler: JobHandler;
  ready: Job[];
  running: number;
}

/**
 * Embedded-mode queue: timers and promises in this process. Jobs do not survive a restart, which is
 * the trade the embedded mode makes; production uses BullMQ.
 */
export function createMemoryQueue(options: { deadLetters: DeadLetterSink; log: Logger; defaultConcurrency?: number }): JobQueue {
  const registrations = new Map<string, Registration>();
  const known = new Set<string>();
  const timers = new Set<NodeJS.Timeout>();
  const intervals = new Map<string, { name: string; data: unknown; everyMs: number; timer?: NodeJS.Timeout }>();
  const active = new Set<Promise<void>>();
  const backlog: Job[] = [];
  let started = false;
  let stopping = false;

  const later = (ms: number, fn: () => void) => {
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const dispatch = (job: Job) => {
    const reg = registrations.get(job.name);
    if (!started || stopping || !reg) {
      backlog.push(job);
      return;
    }
    reg.ready.push(job);
    pump(reg);
  };

  const pump = (reg: Registration) => {
    while (!stopping && reg.running < reg.concurrency && reg.ready.length) {
      const job = reg.ready.shift()!;
      reg.running += 1;
      const run = (async () => {
        try {
          await reg.handler(job.data, { id: job.id, name: job.name, attempt: job.attempt });
          known.delete(job.id);
        } catch (err) {
          if (job.attempt < job.attempts) {
            options.log.warn({ job: job.name, jobId: job.id, attempt: job.attempt, err }, 'job failed, will retry');
            later(backoffDelay(job.backoffMs, job.attempt), () => dispatch({ ...job, attempt: job.attempt + 1 }));
          } else {
            known.delete(job.id);
            options.log.error({ job: job.name, jobId: job.id, attempt: job.attempt, err }, 'job failed permanently');
            await options
              .deadLetters({ queue: job.name, jobId: job.id, data: job.data, attempts: job.attempt, error: errorText(err) })
              .catch((e: unknown) => options.log.error({ err: e }, 'dead-letter write failed'));
          }
        } finally {
          reg.running -= 1;
        }
      })();
      active.add(run);
      void run.finally(() => {
        active.delete(run);
        pump(reg);
      });
    }
  };

  const scheduleInterval = (key: string) => {
    const s = intervals.get(key);
    if (!s || !started || stopping) return;
    s.timer = setInterval(() => {
      void queue.enqueue(s.name, s.data, { jobId: `repeat.${key}.${Date.now()}` });
    }, s.everyMs);
  };

  const queue: JobQueue = {
    kind: 'memory',
    register(name, handler, opts = {}) {
      assertJobName(name);
      registrations.set(name, { handler: handler as JobHandler, ...jobSettings(opts, options.defaultConcurrency), ready: [], running: 0 });
    },
    async enqueue(name, data, opts: EnqueueOptions = {}) {
      assertJobName(name);
      const id = opts.jobId ?? newId();
      assertJobId(id);
      if (known.has(id)) return id;
      known.add(id);
      const job: Job = { id, name, data: JSON.parse(JSON.stringify(data ?? null)), attempt: 1, ...retryPolicy(opts, registrations.get(name)) };
      if (opts.delayMs && opts.delayMs > 0) later(opts.delayMs, () => dispatch(job));
      else dispatch(job);
      return id;
    },
    async repeat(name, data, { everyMs, key }) {
      assertJobName(name);
      assertJobId(key);
      const prev = intervals.get(key);
      if (prev?.timer) clearInterval(prev.timer);
      intervals.set(key, { name, data, everyMs });
      scheduleInterval(key);
    },
    async start() {
      if (started) return;
      started = true;
      for (const key of intervals.keys()) scheduleInterval(key);
      for (const job of backlog.splice(0)) dispatch(job);
    },
    async stop() {
      stopping = true;
      for (const s of intervals.values()) if (s.timer) clearInterval(s.timer);
      for (const t of timers) clearTimeout(t);
      timers.clear();
      while (active.size) await Promise.allSettled([...active]);
    },
    async close() {
      await queue.stop();
    },
    async ping() {},
  };
  return queue;
}
