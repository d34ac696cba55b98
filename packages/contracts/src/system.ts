import { z } from 'zod';
import { defineEndpoint } from './endpoint.ts';

export const runtimeInfoSchema = z
  .object({
    database: z.enum(['pglite', 'postgres']),
    cache: z.enum(['memory', 'redis']),
    queue: z.enum(['memory', 'bullmq']),
    storage: z.enum(['local', 's3']),
    payments: z.enum(['sandbox', 'live']),
  })
  .meta({ id: 'RuntimeInfo' });

export const systemInfoSchema = z
  .object({
    name: z.string(),
    version: z.string(),
    environment: z.enum(['development', 'test', 'production']),
    runtime: runtimeInfoSchema,
    serverTime: z.iso.datetime({ offset: true }),
    uptimeSec: z.number().int().nonnegative(),
    schemaVersion: z.number().int().nonnegative(),
  })
  .meta({ id: 'SystemInfo' });
export type SystemInfo = z.infer<typeof systemInfoSchema>;

export const healthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });

export const readinessSchema = z
  .object({
    status: z.enum(['ready', 'not_ready']),
    checks: z.record(z.string(), z.object({ ok: z.boolean(), latencyMs: z.number(), error: z.string().optional() })),
  })
  .meta({ id: 'Readiness' });

export const systemEndpoints = {
  info: defineEndpoint({
    method: 'GET',
    path: '/api/system/info',
    auth: 'public',
    summary: 'Shop platform name, version and which runtime adapters are active',
    tags: ['system'],
    response: systemInfoSchema,
  }),
};
