import { ConfigError } from '../config.ts';
import { openDatabase } from '../infra/db/db.ts';
import { DataDirLockedError } from '../infra/db/pglite-lock.ts';
import { createInfra } from '../infra/index.ts';
import { rotateEncryptedColumns } from '../infra/key-rotation.ts';
import { encryptedColumns } from '../modules/index.ts';
import { configAndLogger, exitOnSignals, start } from '../runtime.ts';

const HELP = `minimall <command> [options]

Commands:
  serve [--no-jobs]   API + storefront + admin on PORT, with job processors in-process (default).
                      --no-jobs runs an API-only process (needs REDIS_URL; workers run the jobs).
  worker              Job processors only, for scale-out. Needs PostgreSQL (DATABASE_URL) and Redis (REDIS_URL).
  migrate             Apply database migrations and exit.
  rotate-keys         Re-encrypt personal data under DATA_KEY_ID (after adding a new key to DATA_KEYS).
  help                This text.

Configuration comes from environment variables; see README.md.`;

export class UsageError extends Error {
  override name = 'UsageError';
}

async function main(argv: string[]): Promise<void> {
  const [command = 'serve', ...flags] = argv;
  if (command === 'help' || command === '--help' || command === '-h') {
    console.log(HELP);
    return;
  }
  const { config, log } = configAndLogger();

  if (command === 'migrate') {
    const database = config.DATABASE_URL
      ? await openDatabase({ kind: 'postgres', url: config.DATABASE_URL, poolMax: 2, log })
      : await openDatabase({ kind: 'pglite', dataDir: config.pgliteDir, log });
    try {
      const version = await database.migrate();
      console.log(`migrated ${database.kind} database: ${version} migration(s) applied in total`);
    } finally {
      await database.close();
    }
    return;
  }

  if (command === 'rotate-keys') {
    const infra = await createInfra(config, log);
    try {
      await infra.database.migrate();
      const started = Date.now();
      const result = await rotateEncryptedColumns(infra.database.db, infra.cipher, encryptedColumns, {
        onProgress: ({ column, done, total }) => {
          const pct = total ? Math.round((done / total) * 100) : 100;
          process.stdout.write(`\r${column.padEnd(36)} ${String(done).padStart(8)} / ${total} (${pct}%)${done === total ? '\n' : ''}`);
        },
      });
      const n = Object.values(result).reduce((a, b) => a + b, 0);
      console.log(`re-encrypted ${n} value(s) under key ${infra.cipher.currentKeyId} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    } finally {
      await infra.close();
    }
    return;
  }

  if (command === 'worker') {
    if (!config.DATABASE_URL) {
      throw new UsageError(
        'minimall worker refuses to run on the embedded PGlite database: PGlite allows only one process per data directory, ' +
          'and `minimall serve` already runs the job processors in-process. Set DATABASE_URL (PostgreSQL) and REDIS_URL to run separate workers.',
      );
    }
    if (!config.REDIS_URL) {
      throw new UsageError('minimall worker needs REDIS_URL: without Redis the job queue lives inside each `serve` process and a worker would receive nothing.');
    }
    const running = await start(config, log, { http: false, jobs: true });
    log.info('worker started: processing jobs and relaying domain events');
    exitOnSignals(running, config, log);
    return;
  }

  if (command === 'serve') {
    const jobs = !flags.includes('--no-jobs');
    if (!jobs && !config.REDIS_URL) {
      throw new UsageError('serve --no-jobs needs REDIS_URL: with the in-process queue nobody else would run this process\'s jobs.');
    }
    const running = await start(config, log, { http: true, jobs });
    log.info({ url: running.url, storefront: `${running.url}/`, admin: `${running.url}/admin/`, docs: `${running.url}/api/docs` }, 'minimall is serving');
    exitOnSignals(running, config, log);
    return;
  }

  throw new UsageError(`unknown command "${command}"\n\n${HELP}`);
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof UsageError || err instanceof DataDirLockedError) {
    console.error(`minimall: ${err.message}`);
    process.exit(2);
  }
  console.error(err);
  process.exit(1);
});
