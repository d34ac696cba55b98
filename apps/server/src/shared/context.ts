import type { FastifyRequest } from 'fastify';
import type { Db } from '../infra/db/db.ts';
import type { Infra } from '../infra/index.ts';
import type { Logger } from '../infra/logger.ts';

/** Who is acting. Identity fills in customers and staff; jobs act as the system. */
export type Actor =
  | { kind: 'anonymous' }
  | { kind: 'system'; job?: string }
  | { kind: 'customer'; customerId: string }
  | {
      kind: 'staff';
      staffId: string;
      name: string;
      permissions: ReadonlySet<string>;
      /** Stores the member is limited to; empty = all stores. */
      storeIds: ReadonlySet<string>;
      /** Until the initial password is changed, only the own-account endpoints answer. */
      mustChangePassword: boolean;
    };

/**
 * What every use case receives first: `db` (the pool, or the open transaction inside withTx), one
 * `now` for the whole use case, the actor, a logger carrying the request id, and the infrastructure.
 */
export interface Ctx {
  db: Db;
  now: Date;
  actor: Actor;
  log: Logger;
  infra: Infra;
  /** True inside withTx: nested use cases join the transaction instead of opening another. */
  inTx: boolean;
  /** Client address of the request (for audit records); undefined for jobs. */
  ip?: string;
}

export function systemCtx(infra: Infra, job?: string): Ctx {
  return { db: infra.database.db, now: infra.clock.now(), actor: { kind: 'system', job }, log: infra.log, infra, inTx: false };
}

export function requestCtx(infra: Infra, req: FastifyRequest, actor: Actor = { kind: 'anonymous' }): Ctx {
  return { db: infra.database.db, now: infra.clock.now(), actor, log: req.log as unknown as Logger, infra, inTx: false, ip: req.ip };
}

/** Opens the use case's one transaction (or joins the caller's) and hands a ctx bound to it to `fn`. */
export async function withTx<T>(ctx: Ctx, fn: (tx: Ctx) => Promise<T>): Promise<T> {
  if (ctx.inTx) return fn(ctx);
  return ctx.db.transaction((db) => fn({ ...ctx, db: db as unknown as Db, inTx: true }));
}
