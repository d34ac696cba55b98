import { and, asc, eq, isNull, lte, sql } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { newId } from '../ids.ts';
import type { Logger } from '../logger.ts';
import type { JobQueue } from '../queue/queue.ts';
import { outboxEvents, processedEvents } from './events.schema.ts';

export interface DomainEvent<T = unknown> {
  id: string;
  topic: string;
  aggregateId: string | null;
  payload: T;
  occurredAt: string;
}

export interface Subscription<T = unknown> {
  topic: string;
  /** Stable name: it keys the idempotency record, so renaming a handler replays old events to it. */
  name: string;
  /** Runs inside a transaction together with the idempotency record: its database effects happen exactly once. */
  handle(event: DomainEvent<T>, tx: Db): Promise<void>;
  attempts?: number;
}

const jobName = (subscriber: string) => `event.${subscriber}`;

/**
 * Transactional outbox. `publish` writes the event in the caller's transaction; the relay (running where
 * jobs run) moves committed events to the queue, one job per subscriber, at least once. Subscribers are
 * made idempotent by `runOnce`, so their effects land exactly once.
 */
export class EventBus {
  private readonly subscriptions = new Map<string, Subscription[]>();
  private relayTimer: NodeJS.Timeout | undefined;
  private relaying: Promise<number> | undefined;

  constructor(private readonly deps: { db: Db; queue: JobQueue; clock: Clock; log: Logger }) {}

  /** Call with the transaction of the change the event describes. */
  async publish<T>(tx: Db, topic: string, payload: T, aggregateId?: string): Promise<string> {
    const id = newId();
    const now = this.deps.clock.now();
    await tx.insert(outboxEvents).values({ id, topic, aggregateId: aggregateId ?? null, payload, createdAt: now, availableAt: now });
    return id;
  }

  subscribe<T>(subscription: Subscription<T>): void {
    const list = this.subscriptions.get(subscription.topic) ?? [];
    if (list.some((s) => s.name === subscription.name)) throw new Error(`duplicate event subscriber ${subscription.name}`);
    list.push(subscription as Subscription);
    this.subscriptions.set(subscription.topic, list);
    this.deps.queue.register<DomainEvent>(
      jobName(subscription.name),
      async (event) => {
        await runOnce(this.deps.db, subscription.name, event.id, this.deps.clock, (tx) => subscription.handle(event as DomainEvent<T>, tx));
      },
      { attempts: subscription.attempts ?? 8, backoffMs: 1000 },
    );
  }

  /** Moves up to `limit` committed events to the queue; returns how many. Safe to run in several processes. */
  relayOnce(limit = 200): Promise<number> {
    // one relay pass at a time per process; concurrent callers share it
    this.relaying ??= this.relay(limit).finally(() => {
      this.relaying = undefined;
    });
    return this.relaying;
  }

  private async relay(limit: number): Promise<number> {
    const { db, queue, clock } = this.deps;
    return db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(outboxEvents)
        .where(and(isNull(outboxEvents.publishedAt), lte(outboxEvents.availableAt, clock.now())))
        .orderBy(asc(outboxEvents.availableAt), asc(outboxEvents.id))
        .limit(limit)
        .for('update', { skipLocked: true });
      for (const row of rows) {
        const event: DomainEvent = {
          id: row.id,
          topic: row.topic,
          aggregateId: row.aggregateId,
          payload: row.payload,
          occurredAt: row.createdAt.toISOString(),
        };
        for (const sub of this.subscriptions.get(row.topic) ?? []) {
          await queue.enqueue(jobName(sub.name), event, { jobId: `${sub.name}.${row.id}` });
        }
        await tx
          .update(outboxEvents)
          .set({ publishedAt: clock.now(), attempts: sql`${outboxEvents.attempts} + 1` })
          .where(eq(outboxEvents.id, row.id));
      }
      return rows.length;
    });
  }

  startRelay(intervalMs = 250): void {
    if (this.relayTimer) return;
    this.relayTimer = setInterval(() => {
      this.relayOnce().catch((err: unknown) => this.deps.log.error({ err }, 'outbox relay failed'));
    }, intervalMs);
  }

  async stopRelay(): Promise<void> {
    if (this.relayTimer) clearInterval(this.relayTimer);
    this.relayTimer = undefined;
    await this.relaying?.catch(() => undefined);
  }
}

/**
 * Idempotency helper for at-least-once delivery: runs `fn` and records (handler, key) in one transaction.
 * A redelivery finds the record and does nothing; a failure rolls back both. Returns whether `fn` ran.
 */
export async function runOnce(db: Db, handler: string, key: string, clock: Clock, fn: (tx: Db) => Promise<void>): Promise<boolean> {
  return db.transaction(async (tx) => {
    const inserted = await tx
      .insert(processedEvents)
      .values({ handler, eventId: key, processedAt: clock.now() })
      .onConflictDoNothing()
      .returning({ handler: processedEvents.handler });
    if (inserted.length === 0) return false;
    await fn(tx as unknown as Db);
    return true;
  });
}
