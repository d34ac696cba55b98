export interface JobInfo {
  id: string;
  name: string;
  /** 1 on the first run, 2 on the first retry … */
  attempt: number;
}

export type JobHandler<T = unknown> = (data: T, job: JobInfo) => Promise<void>;

export interface JobDefaults {
  /** Total runs before the job is dead-lettered (1 = no retry). */
  attempts?: number;
  /** First retry waits this long, doubling each time. */
  backoffMs?: number;
}

export interface EnqueueOptions extends JobDefaults {
  delayMs?: number;
  /** Natural key: enqueueing the same id again while it is waiting or running adds nothing. */
  jobId?: string;
}

export interface DeadLetter {
  queue: string;
  jobId: string;
  data: unknown;
  attempts: number;
  error: string;
}

export type DeadLetterSink = (record: DeadLetter) => Promise<void>;

/**
 * Background jobs: order timeouts, notifications, outbox delivery. In-process timers in embedded mode,
 * BullMQ on Redis in production (where `minimall worker` processes run the handlers).
 */
export interface JobQueue {
  readonly kind: 'memory' | 'bullmq';
  /** Declares the handler for a job name (concurrency defaults to JOBS_CONCURRENCY); only processes that call start() run it. */
  register<T>(name: string, handler: JobHandler<T>, options?: JobDefaults & { concurrency?: number }): void;
  enqueue<T>(name: string, data: T, options?: EnqueueOptions): Promise<string>;
  /** A job run every `everyMs`, at most one schedule per `key` across all processes. */
  repeat<T>(name: string, data: T, options: { everyMs: number; key: string }): Promise<void>;
  /** Starts running registered handlers. */
  start(): Promise<void>;
  /** Stops taking new jobs and waits for running ones to finish. */
  stop(): Promise<void>;
  close(): Promise<void>;
  ping(): Promise<void>;
}

export const DEFAULT_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 1000;

export interface JobSettings {
  concurrency: number;
  attempts: number;
  backoffMs: number;
}

/** A job name's settings: its registration options over the process-wide defaults. */
export function jobSettings(opts: JobDefaults & { concurrency?: number }, defaultConcurrency = 1): JobSettings {
  return { concurrency: opts.concurrency ?? defaultConcurrency, attempts: opts.attempts ?? DEFAULT_ATTEMPTS, backoffMs: opts.backoffMs ?? DEFAULT_BACKOFF_MS };
}

/** One job's retry policy: what enqueue asked for, else what its name was registered with. */
export function retryPolicy(opts: EnqueueOptions, registered: JobSettings | undefined): { attempts: number; backoffMs: number } {
  return { attempts: opts.attempts ?? registered?.attempts ?? DEFAULT_ATTEMPTS, backoffMs: opts.backoffMs ?? registered?.backoffMs ?? DEFAULT_BACKOFF_MS };
}

export function backoffDelay(baseMs: number, attempt: number): number {
  return baseMs * 2 ** Math.max(0, attempt - 1);
}

export function errorText(err: unknown): string {
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/** BullMQ forbids ':' in queue names and job ids, and integer job ids; both implementations enforce it. */
export function assertJobName(name: string): void {
  if (!/^[A-Za-z0-9._-]{1,100}$/.test(name)) throw new Error(`invalid job name ${JSON.stringify(name)}: use letters, digits, '.', '_' or '-'`);
}

export function assertJobId(id: string): void {
  if (!/^[A-Za-z0-9._-]{1,200}$/.test(id) || /^\d+$/.test(id)) {
    throw new Error(`invalid job id ${JSON.stringify(id)}: letters, digits, '.', '_' or '-', and not only digits`);
  }
}
