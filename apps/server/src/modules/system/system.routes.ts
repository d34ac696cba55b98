import { systemEndpoints } from '@minimall/contracts';
import type { FastifyInstance } from 'fastify';
import type { Infra } from '../../infra/index.ts';
import { route } from '../../http/route.ts';

export async function systemRoutes(app: FastifyInstance, opts: { infra: Infra }): Promise<void> {
  const { infra } = opts;
  const { config } = infra;
  let schemaVersion: number | undefined;

  route(app, systemEndpoints.info, async () => {
    schemaVersion ??= await infra.database.schemaVersion();
    return {
      name: 'minimall',
      version: config.version,
      environment: config.NODE_ENV,
      runtime: {
        database: infra.database.kind,
        cache: infra.cache.kind,
        queue: infra.queue.kind,
        storage: infra.storage.kind,
        payments: config.PAYMENT_MODE,
      },
      serverTime: infra.clock.now().toISOString(),
      uptimeSec: Math.floor(process.uptime()),
      schemaVersion,
    };
  });
}
