import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeadLetter, JobInfo, JobQueue } from './queue.ts';

export interface QueueFixture {
  queue: JobQueue;
  deadLetters: DeadLetter[];
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs = 8000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for the queue');
    await sleep(10);
  }
}

/** One behavioural contract for every JobQueue implementation; each test gets a fresh queue. */
export function queueContract(name: string, factory: () => Promise<QueueFixture>): void {
  describe(`JobQueue contract: ${name}`, () => {
    let f: QueueFixture;
    beforeEach(async () => {
      f = await factory();
    });
    afterEach(async () => {
      await f.cleanup();
    });

    it('runs an enqueued job once with its data', async () => {
      // given
      const seen: { data: unknown; job: JobInfo }[] = [];
      f.queue.register<{ orderNo: string; totalFen: number }>('order.created', async (data, job) => {
        seen.push({ data, job });
      });
      await f.queue.start();
      // when
      const id = await f.queue.enqueue('order.created', { orderNo: 'MM202611210001', totalFen: 12_990 });
      // then
      await until(() => seen.length === 1);
      await sleep(100);
      expect(seen).toHaveLength(1);
      expect(seen[0]!.data).toEqual({ orderNo: 'MM202611210001', totalFen: 12_990 });
      expect(seen[0]!.job).toMatchObject({ id, name: 'order.created', attempt: 1 });
    });

    it('holds a delayed job until its delay has passed', async () => {
      const ranAt: number[] = [];
      f.queue.register('order.timeout', async () => {
        ranAt.push(Date.now());
      });
      await f.queue.start();
      const enqueuedAt = Date.now();
      await f.queue.enqueue('order.timeout', {}, { delayMs: 400 });
      await sleep(200);
      expect(ranAt).toHaveLength(0);
      await until(() => ranAt.length === 1);
      expect(ranAt[0]! - enqueuedAt).toBeGreaterThanOrEqual(380);
    });

    it('retries a failing job and succeeds on a later attempt', async () => {
      const attempts: number[] = [];
      f.queue.register(
        'notify.flaky',
        async (_data, job) => {
          attempts.push(job.attempt);
          if (job.attempt < 3) throw new Error(`transient failure ${job.attempt}`);
        },
        { attempts: 5, backoffMs: 20 },
      );
      await f.queue.start();
      await f.queue.enqueue('notify.flaky', { to: 'customer-1' });
      await until(() => attempts.length === 3);
      await sleep(200);
      expect(attempts).toEqual([1, 2, 3]);
      expect(f.deadLetters).toHaveLength(0);
    });

    it('dead-letters a job after its last attempt, with data and the error', async () => {
      let runs = 0;
      f.queue.register(
        'refund.submit',
        async () => {
          runs += 1;
          throw new Error('provider rejected');
        },
        { attempts: 3, backoffMs: 20 },
      );
      await f.queue.start();
      const id = await f.queue.enqueue('refund.submit', { refundNo: 'RF1', amountFen: 500 });
      await until(() => f.deadLetters.length === 1);
      await sleep(200);
      expect(runs).toBe(3);
      expect(f.deadLetters).toEqual([
        { queue: 'refund.submit', jobId: id, data: { refundNo: 'RF1', amountFen: 500 }, attempts: 3, error: expect.stringContaining('provider rejected') },
      ]);
    });

    it('adds nothing when a job with the same id is still waiting', async () => {
      const seen: string[] = [];
      f.queue.register<{ n: number }>('points.grant', async (data) => {
        seen.push(String(data.n));
      });
      await f.queue.enqueue('points.grant', { n: 1 }, { jobId: 'order-42', delayMs: 150 });
      await f.queue.enqueue('points.grant', { n: 2 }, { jobId: 'order-42', delayMs: 150 });
      await f.queue.start();
      await until(() => seen.length >= 1);
      await sleep(400);
      expect(seen).toEqual(['1']);
    });

    it('runs a repeatable job again and again, one schedule per key', async () => {
      let runs = 0;
      f.queue.register('stats.rollup', async () => {
        runs += 1;
      });
      await f.queue.start();
      await f.queue.repeat('stats.rollup', {}, { everyMs: 150, key: 'rollup' });
      await f.queue.repeat('stats.rollup', {}, { everyMs: 150, key: 'rollup' });
      await sleep(1000);
      // a doubled schedule would run ~12 times
      expect(runs).toBeGreaterThanOrEqual(3);
      expect(runs).toBeLessThanOrEqual(8);
    });

    it('never runs more jobs of a name at once than its concurrency', async () => {
      let running = 0;
      let peak = 0;
      let done = 0;
      f.queue.register(
        'media.resize',
        async () => {
          running += 1;
          peak = Math.max(peak, running);
          await sleep(60);
          running -= 1;
          done += 1;
        },
        { concurrency: 2 },
      );
      await f.queue.start();
      await Promise.all(Array.from({ length: 6 }, (_, i) => f.queue.enqueue('media.resize', { i })));
      await until(() => done === 6);
      expect(peak).toBe(2);
    });

    it('rejects names and ids the Redis backend cannot store', async () => {
      expect(() => f.queue.register('order:created', async () => {})).toThrow(/invalid job name/);
      await expect(f.queue.enqueue('order.created', {}, { jobId: 'order:1' })).rejects.toThrow(/invalid job id/);
      await expect(f.queue.enqueue('order.created', {}, { jobId: '42' })).rejects.toThrow(/invalid job id/);
    });

    it('stop() waits for a running job to finish', async () => {
      let finished = false;
      let started = false;
      f.queue.register('export.orders', async () => {
        started = true;
        await sleep(400);
        finished = true;
      });
      await f.queue.start();
      await f.queue.enqueue('export.orders', {});
      await until(() => started);
      await f.queue.stop();
      expect(finished).toBe(true);
    });
  });
}
