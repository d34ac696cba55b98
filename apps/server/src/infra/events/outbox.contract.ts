import { eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventually, silentLog, testDatabase } from '../../../test/harness.ts';
import { systemClock } from '../clock.ts';
import type { Database } from '../db/db.ts';
import type { JobQueue } from '../queue/queue.ts';
import { EventBus, runOnce, type DomainEvent } from './event-bus.ts';
import { outboxEvents, processedEvents } from './events.schema.ts';

export interface QueueMaker {
  make(): Promise<{ queue: JobQueue; cleanup(): Promise<void> }>;
}

/** Outbox → queue delivery, run on each queue backend over the test database. */
export function outboxContract(name: string, queues: QueueMaker): void {
  describe(`Transactional outbox over ${name}`, () => {
    let database: Database;
    let drop: () => Promise<void>;
    let queue: JobQueue;
    let cleanupQueue: () => Promise<void>;
    let bus: EventBus;

    beforeEach(async () => {
      ({ database, drop } = await testDatabase());
      ({ queue, cleanup: cleanupQueue } = await queues.make());
      bus = new EventBus({ db: database.db, queue, clock: systemClock, log: silentLog });
    });
    afterEach(async () => {
      await bus.stopRelay();
      await cleanupQueue();
      await drop();
    });

    it('delivers a committed event to every subscriber of its topic, once each', async () => {
      // given two subscribers of order.paid and one of another topic
      const got: Record<string, DomainEvent[]> = { points: [], commission: [], other: [] };
      bus.subscribe({ topic: 'order.paid', name: 'points.on-order-paid', handle: async (e) => void got.points!.push(e) });
      bus.subscribe({ topic: 'order.paid', name: 'commission.on-order-paid', handle: async (e) => void got.commission!.push(e) });
      bus.subscribe({ topic: 'order.cancelled', name: 'stock.on-order-cancelled', handle: async (e) => void got.other!.push(e) });
      await queue.start();
      // when the event is written in a committed transaction and relayed
      const id = await database.db.transaction((tx) => bus.publish(tx, 'order.paid', { orderNo: 'MM1', paidFen: 9900 }, 'order-1'));
      expect(await bus.relayOnce()).toBe(1);
      // then
      await eventually(() => got.points!.length === 1 && got.commission!.length === 1);
      expect(got.points![0]).toMatchObject({ id, topic: 'order.paid', aggregateId: 'order-1', payload: { orderNo: 'MM1', paidFen: 9900 } });
      expect(got.other).toHaveLength(0);
      expect(await bus.relayOnce()).toBe(0);
      const [row] = await database.db.select().from(outboxEvents).where(eq(outboxEvents.id, id));
      expect(row!.publishedAt).toBeInstanceOf(Date);
    });

    it('never delivers an event whose transaction rolled back', async () => {
      const got: DomainEvent[] = [];
      bus.subscribe({ topic: 'order.paid', name: 'points.on-order-paid', handle: async (e) => void got.push(e) });
      await queue.start();
      await expect(
        database.db.transaction(async (tx) => {
          await bus.publish(tx, 'order.paid', { orderNo: 'MM2' });
          throw new Error('payment amount mismatch');
        }),
      ).rejects.toThrow('payment amount mismatch');
      expect(await bus.relayOnce()).toBe(0);
      await new Promise((r) => setTimeout(r, 200));
      expect(got).toHaveLength(0);
    });

    it('applies a redelivered event once (handler idempotency)', async () => {
      let applied = 0;
      bus.subscribe({
        topic: 'order.paid',
        name: 'points.on-order-paid',
        handle: async () => {
          applied += 1;
        },
      });
      await queue.start();
      const id = await database.db.transaction((tx) => bus.publish(tx, 'order.paid', { orderNo: 'MM3' }));
      await bus.relayOnce();
      await eventually(async () => (await database.db.select().from(processedEvents)).length === 1);
      // when the relay crashes after enqueueing and relays the same row again (at-least-once)
      await database.db.update(outboxEvents).set({ publishedAt: null }).where(eq(outboxEvents.id, id));
      expect(await bus.relayOnce()).toBe(1);
      await new Promise((r) => setTimeout(r, 300));
      // then
      expect(applied).toBe(1);
    });

    it('retries a failing subscriber and rolls back its partial effects on each failure', async () => {
      let calls = 0;
      bus.subscribe({
        topic: 'order.paid',
        name: 'flaky.on-order-paid',
        attempts: 4,
        handle: async (event, tx) => {
          calls += 1;
          await tx.execute(sql`select 1`);
          if (calls < 3) throw new Error('downstream unavailable');
          expect(event.payload).toEqual({ orderNo: 'MM4' });
        },
      });
      await queue.start();
      await database.db.transaction((tx) => bus.publish(tx, 'order.paid', { orderNo: 'MM4' }));
      await bus.relayOnce();
      await eventually(async () => (await database.db.select().from(processedEvents)).length === 1, 15_000);
      expect(calls).toBe(3);
    });

    it('relays continuously once started', async () => {
      const got: string[] = [];
      bus.subscribe<{ n: number }>({ topic: 'member.signed-in', name: 'growth.on-sign-in', handle: async (e) => void got.push(String(e.payload.n)) });
      await queue.start();
      bus.startRelay(50);
      for (let n = 1; n <= 5; n += 1) await database.db.transaction((tx) => bus.publish(tx, 'member.signed-in', { n }));
      await eventually(() => got.length === 5);
      expect(got.sort()).toEqual(['1', '2', '3', '4', '5']);
    });

    it('runOnce lets exactly one of many concurrent deliveries take effect', async () => {
      const key = '0190f6a0-0000-7000-8000-000000000001';
      let effects = 0;
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          runOnce(database.db, 'commission.settle', key, systemClock, async () => {
            effects += 1;
            await new Promise((r) => setTimeout(r, 20));
          }),
        ),
      );
      expect(results.filter(Boolean)).toHaveLength(1);
      expect(effects).toBe(1);
    });
  });
}
