import { healthSchema, readinessSchema } from '@minimall/contracts';
import type { FastifyInstance } from 'fastify';
import type { Infra } from '../infra/index.ts';

async function timed(check: () => Promise<void>, timeoutMs: number): Promise<{ ok: boolean; latencyMs: number; error?: string }> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Math.round((performance.now() - started) * 100) / 100 };
  } catch (err) {
    return { ok: false, latencyMs: Math.round((performance.now() - started) * 100) / 100, error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

/** Liveness says the process answers; readiness says its dependencies do (load balancers route on it). */
export async function healthRoutes(app: FastifyInstance, opts: { infra: Infra; isShuttingDown: () => boolean }): Promise<void> {
  const { infra } = opts;
  app.get('/healthz', { schema: { tags: ['system'], summary: 'Liveness', response: { 200: healthSchema } }, logLevel: 'warn' }, async () => ({
    status: 'ok' as const,
  }));

  app.get(
    '/readyz',
    { schema: { tags: ['system'], summary: 'Readiness: database and, when configured, Redis', response: { 200: readinessSchema, 503: readinessSchema } }, logLevel: 'warn' },
    async (_req, reply) => {
      const checks: Record<string, { ok: boolean; latencyMs: number; error?: string }> = {
        database: await timed(() => infra.database.ping(), 2000),
      };
      if (infra.redis) {
        const redis = infra.redis;
        checks.redis = await timed(async () => {
          await redis.ping();
        }, 2000);
      }
      if (opts.isShuttingDown()) checks.shutdown = { ok: false, latencyMs: 0, error: 'shutting down' };
      const ready = Object.values(checks).every((c) => c.ok);
      return reply.status(ready ? 200 : 503).send({ status: ready ? 'ready' : 'not_ready', checks });
    },
  );
}
