import { index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/** Jobs that exhausted their retries, kept for an operator to inspect and replay. */
export const jobDeadLetters = pgTable(
  'job_dead_letters',
  {
    id: uuid('id').primaryKey(),
    queue: text('queue').notNull(),
    jobId: text('job_id').notNull(),
    data: jsonb('data').notNull(),
    attempts: integer('attempts').notNull(),
    error: text('error').notNull(),
    failedAt: timestamp('failed_at', { withTimezone: true }).notNull(),
    replayedAt: timestamp('replayed_at', { withTimezone: true }),
  },
  (t) => [uniqueIndex('job_dead_letters_queue_job_uq').on(t.queue, t.jobId), index('job_dead_letters_failed_at_idx').on(t.failedAt)],
);
