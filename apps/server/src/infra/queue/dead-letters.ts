import { desc } from 'drizzle-orm';
import type { Clock } from '../clock.ts';
import type { Db } from '../db/db.ts';
import { newId } from '../ids.ts';
import type { DeadLetterSink } from './queue.ts';
import { jobDeadLetters } from './queue.schema.ts';

/** Dead letters go to the database whatever the queue backend, so operators find them in one place. */
export function databaseDeadLetters(db: Db, clock: Clock): DeadLetterSink {
  return async (record) => {
    const values = {
      id: newId(),
      queue: record.queue,
      jobId: record.jobId,
      data: record.data ?? null,
      attempts: record.attempts,
      error: record.error.slice(0, 4000),
      failedAt: clock.now(),
    };
    await db
      .insert(jobDeadLetters)
      .values(values)
      .onConflictDoUpdate({
        target: [jobDeadLetters.queue, jobDeadLetters.jobId],
        set: { data: values.data, attempts: values.attempts, error: values.error, failedAt: values.failedAt, replayedAt: null },
      });
  };
}

export async function listDeadLetters(db: Db, limit = 100) {
  return db.select().from(jobDeadLetters).orderBy(desc(jobDeadLetters.failedAt)).limit(limit);
}
