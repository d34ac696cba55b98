import type { AuditLog } from '@minimall/contracts';
import { and, count, desc, eq, gte, lte, type SQL } from 'drizzle-orm';
import { newId } from '../../infra/ids.ts';
import type { Ctx } from '../../shared/context.ts';
import { auditLogs } from './identity.schema.ts';

export interface AuditEntry {
  action: string;
  targetType: string;
  targetId?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Records a sensitive operation in the caller's transaction, so the record and the change commit together. */
export async function recordAudit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const actor = ctx.actor;
  await ctx.db.insert(auditLogs).values({
    id: newId(),
    at: ctx.now,
    actorId: actor.kind === 'staff' ? actor.staffId : null,
    actorName: actor.kind === 'staff' ? actor.name : actor.kind === 'system' ? '系统' : '访客',
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId ?? null,
    before: entry.before ?? null,
    after: entry.after ?? null,
    ip: ctx.ip ?? null,
  });
}

export async function listAuditLogs(
  ctx: Ctx,
  q: { page: number; pageSize: number; action?: string; actorId?: string; from?: string; to?: string },
): Promise<{ items: AuditLog[]; total: number; page: number; pageSize: number }> {
  const filters: SQL[] = [];
  if (q.action) filters.push(eq(auditLogs.action, q.action));
  if (q.actorId) filters.push(eq(auditLogs.actorId, q.actorId));
  if (q.from) filters.push(gte(auditLogs.at, new Date(q.from)));
  if (q.to) filters.push(lte(auditLogs.at, new Date(q.to)));
  const where = filters.length ? and(...filters) : undefined;
  const [rows, [total]] = await Promise.all([
    ctx.db.select().from(auditLogs).where(where).orderBy(desc(auditLogs.at), desc(auditLogs.id)).limit(q.pageSize).offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(auditLogs).where(where),
  ]);
  return {
    items: rows.map((r) => ({ ...r, at: r.at.toISOString(), before: r.before ?? null, after: r.after ?? null })),
    total: Number(total?.n ?? 0),
    page: q.page,
    pageSize: q.pageSize,
  };
}
