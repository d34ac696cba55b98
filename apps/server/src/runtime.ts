import type { FastifyInstance } from 'fastify';
import { loadConfig, type Config } from './config.ts';
import { buildApp, type AppOptions } from './http/app.ts';
import { createInfra, type Infra, type InfraOverrides } from './infra/index.ts';
import { createLogger, type Logger } from './infra/logger.ts';
import { modules } from './modules/index.ts';

export async function bootstrapModules(infra: Infra): Promise<void> {
  for (const mod of modules) await mod.bootstrap?.(infra);
}

/** Registers every domain's job handlers and event subscribers on this process's queue. */
export function registerJobs(infra: Infra): void {
  for (const mod of modules) mod.jobs?.(infra);
}

export interface Running {
  app: FastifyInstance | undefined;
  infra: Infra;
  url: string | undefined;
  /** Stop accepting, drain in-flight requests and running jobs, close pools. Idempotent. */
  shutdown(reason: string): Promise<void>;
}

export interface StartOptions extends AppOptions {
  http: boolean;
  jobs: boolean;
  infraOverrides?: InfraOverrides;
}

export async function start(config: Config, log: Logger, options: StartOptions): Promise<Running> {
  const infra = await createInfra(config, log, options.infraOverrides);
  let shuttingDown = false;
  let app: FastifyInstance | undefined;
  let url: string | undefined;
  try {
    const version = await infra.database.migrate();
    log.info({ database: infra.database.kind, schemaVersion: version }, 'database migrated');
    await bootstrapModules(infra);
    if (options.jobs) {
      registerJobs(infra);
      await infra.queue.start();
      infra.events.startRelay();
    }
    if (options.http) {
      app = await buildApp(infra, { ...options, isShuttingDown: () => shuttingDown });
      url = await app.listen({ host: config.HOST, port: config.PORT });
    }
  } catch (err) {
    await app?.close().catch(() => undefined);
    await infra.close().catch(() => undefined);
    throw err;
  }

  let done: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    done ??= (async () => {
      shuttingDown = true;
      log.info({ reason }, 'shutting down: no new connections, draining in-flight work');
      // closing the server first lets in-flight requests finish and enqueue their jobs
      await app?.close();
      await infra.events.stopRelay();
      await infra.queue.stop();
      await infra.close();
      log.info('shutdown complete');
    })();
    return done;
  };
  return { app, infra, url, shutdown };
}

/** Wires SIGTERM/SIGINT to a graceful shutdown with a hard deadline; exit 0 when clean. */
export function exitOnSignals(running: Running, config: Config, log: Logger): void {
  let signals = 0;
  const onSignal = (signal: NodeJS.Signals) => {
    signals += 1;
    if (signals > 1) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    const deadline = setTimeout(() => {
      log.error({ timeoutMs: config.SHUTDOWN_TIMEOUT_MS }, 'shutdown deadline passed: exiting with work unfinished');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    running.shutdown(signal).then(
      () => process.exit(0),
      (err: unknown) => {
        log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', onSignal);
  process.on('SIGINT', onSignal);
}

export function configAndLogger(env: Record<string, string | undefined> = process.env): { config: Config; log: Logger } {
  const config = loadConfig(env);
  return { config, log: createLogger(config) };
}
