import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { loadConfig, type Config } from '../src/config.ts';
import { buildApp, type AppOptions } from '../src/http/app.ts';
import type { Clock } from '../src/infra/clock.ts';
import { sql } from 'drizzle-orm';
import { openDatabase, queryRows, type Database } from '../src/infra/db/db.ts';
import { createInfra, type Infra } from '../src/infra/index.ts';
import { bootstrapModules } from '../src/runtime.ts';
import { createLogger } from '../src/infra/logger.ts';
import type { SmsProvider } from '../src/infra/sms.ts';

export const TEST_OWNER_PASSWORD = 'Owner-pass-2026';

export const silentLog = createLogger({ LOG_LEVEL: 'silent', NODE_ENV: 'test' });

export const usingPostgres = Boolean(process.env.TEST_DATABASE_URL);
export const usingRedis = Boolean(process.env.TEST_REDIS_URL);

const suffix = () => randomBytes(5).toString('hex');

let template: Promise<Blob> | undefined;

/**
 * Booting PGlite from scratch (initdb) costs seconds; loading a dump of an already-migrated database
 * is several times faster. The global setup writes the dump once per run; a worker without it makes its own.
 */
function pgliteTemplate(): Promise<Blob> {
  template ??= (async () => {
    const file = process.env.MINIMALL_PGLITE_TEMPLATE;
    if (file && fs.existsSync(file)) return new Blob([fs.readFileSync(file)]);
    const fresh = await openDatabase({ kind: 'pglite', log: silentLog });
    await fresh.migrate();
    const dump = await fresh.dump!();
    await fresh.close();
    return dump;
  })();
  return template;
}

/**
 * A migrated database of its own for one test file: in-memory PGlite by default, or a fresh database
 * on the PostgreSQL server named by TEST_DATABASE_URL (dropped again by `drop`).
 */
export async function testDatabase(): Promise<{ database: Database; url?: string; drop(): Promise<void> }> {
  const adminUrl = process.env.TEST_DATABASE_URL;
  if (!adminUrl) {
    const database = await openDatabase({ kind: 'pglite', loadDataDir: await pgliteTemplate(), log: silentLog });
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const name = `mm_test_${suffix()}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString(), poolMax: 10, log: silentLog });
  await database.migrate();
  return {
    database,
    url: url.toString(),
    async drop() {
      await database.close();
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

/** Config for tests: embedded defaults, a temp DATA_DIR, and Redis when the integration pass provides it. */
export function testConfig(env: Record<string, string> = {}): Config {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minimall-test-'));
  return loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    SERVE_STATIC: 'false',
    REDIS_PREFIX: `t${suffix()}`,
    ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL } : {}),
    ...env,
  });
}

export interface TestContext {
  infra: Infra;
  close(): Promise<void>;
}

export async function testInfra(options: { env?: Record<string, string>; clock?: Clock; sms?: SmsProvider } = {}): Promise<TestContext> {
  const config = testConfig(options.env);
  const { database, drop } = await testDatabase();
  const infra = await createInfra(config, silentLog, { database, clock: options.clock, sms: options.sms });
  return {
    infra,
    async close() {
      await infra.close();
      await drop();
      fs.rmSync(config.DATA_DIR, { recursive: true, force: true });
    },
  };
}

export async function testApp(options: { env?: Record<string, string>; clock?: Clock; sms?: SmsProvider; app?: AppOptions } = {}) {
  const ctx = await testInfra({ ...options, env: { OWNER_INITIAL_PASSWORD: TEST_OWNER_PASSWORD, ...options.env } });
  await bootstrapModules(ctx.infra);
  const app = await buildApp(ctx.infra, options.app);
  await app.ready();
  return {
    ...ctx,
    app,
    async close() {
      await app.close();
      await ctx.close();
    },
  };
}

/** Polls until `check` returns truthy; for asynchronous effects (jobs, relays) without fixed sleeps. */
export async function eventually<T>(check: () => Promise<T> | T, timeoutMs = 10_000, intervalMs = 25): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const value = await check();
      if (value) return value;
    } catch (err) {
      last = err;
    }
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}

/** An SMS provider that keeps what it "sent", so tests can read login codes. */
export function capturingSms(): SmsProvider & { sent: { phone: string; text: string }[]; lastCode(phone: string): string } {
  const sent: { phone: string; text: string }[] = [];
  return {
    kind: 'console',
    sent,
    async send(phone, text) {
      sent.push({ phone, text });
    },
    lastCode(phone) {
      const msg = [...sent].reverse().find((m) => m.phone === phone);
      const code = msg?.text.match(/\d{6}/)?.[0];
      if (!code) throw new Error(`no code sent to ${phone}`);
      return code;
    },
  };
}

/**
 * Data-protection check: every text-like column of every table, searched for `needle`. Returns the
 * "table.column" places where it appears in plaintext.
 */
export async function findPlaintext(db: Database['db'], needle: string): Promise<string[]> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select table_name, column_name from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'jsonb', 'json', 'character')`,
  );
  const hits: string[] = [];
  for (const c of columns) {
    const [row] = await queryRows<{ n: number }>(
      db,
      sql`select count(*)::int as n from ${sql.identifier(c.table_name)} where ${sql.identifier(c.column_name)}::text like ${'%' + needle + '%'}`,
    );
    if (row && row.n > 0) hits.push(`${c.table_name}.${c.column_name}`);
  }
  return hits;
}
