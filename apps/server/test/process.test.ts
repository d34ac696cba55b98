import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { testDatabase } from './harness.ts';

const serverDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const bin = path.join(serverDir, 'bin/minimall.mjs');

interface Child {
  proc: ChildProcess;
  stdout: string;
  stderr: string;
  exited: Promise<number | null>;
}

function run(args: string[], env: Record<string, string>): Child {
  const proc = spawn(process.execPath, args, {
    cwd: serverDir,
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'warn', NODE_ENV: 'test', SERVE_STATIC: 'false', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const child: Child = { proc, stdout: '', stderr: '', exited: new Promise((r) => proc.on('exit', (code) => r(code))) };
  proc.stdout!.on('data', (d: Buffer) => (child.stdout += d.toString()));
  proc.stderr!.on('data', (d: Buffer) => (child.stderr += d.toString()));
  return child;
}

async function readyUrl(child: Child, timeoutMs = 60_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const m = child.stdout.match(/\{"ready":"([^"]+)"\}/);
    if (m) return m[1]!;
    if (child.proc.exitCode !== null) throw new Error(`server exited early: ${child.stderr}`);
    if (Date.now() > deadline) throw new Error(`server not ready: ${child.stderr}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'minimall-proc-'));
const drops: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const drop of drops) await drop();
  fs.rmSync(tmp, { recursive: true, force: true });
});

/** DATABASE_URL/REDIS_URL for a child process: the integration pass runs it on PostgreSQL + Redis. */
async function backingServices(): Promise<Record<string, string>> {
  if (!process.env.TEST_DATABASE_URL) return {};
  const { database, url, drop } = await testDatabase();
  await database.close();
  drops.push(drop);
  return { DATABASE_URL: url!, ...(process.env.TEST_REDIS_URL ? { REDIS_URL: process.env.TEST_REDIS_URL, REDIS_PREFIX: `p${process.pid}` } : {}) };
}

describe('the minimall process', { timeout: 120_000 }, () => {
  it('on SIGTERM finishes the in-flight request and the running job, then exits 0', async () => {
    // given a running server with a slow request and a slow job in progress
    const marker = path.join(tmp, 'job.done');
    const child = run(['--import', 'tsx', 'test/fixtures/slow-server.ts'], {
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: path.join(tmp, 'graceful'),
      JOB_MARKER_FILE: marker,
      ...(await backingServices()),
    });
    const url = await readyUrl(child);
    const slow = fetch(`${url}/api/test/slow?ms=1500`).then(async (r) => ({ status: r.status, body: await r.json() }));
    const enq = await fetch(`${url}/api/test/slow-job?ms=1200`, { method: 'POST' });
    expect(enq.status).toBe(200);
    await new Promise((r) => setTimeout(r, 300));
    // when
    child.proc.kill('SIGTERM');
    // then the request completes, new connections are refused, the job finishes, and the exit is clean
    expect(await slow).toEqual({ status: 200, body: { done: true } });
    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    expect(await child.exited).toBe(0);
    expect(fs.readFileSync(marker, 'utf8')).toBe('job finished');
    expect(child.stderr).not.toMatch(/Error/);
  });

  it('refuses a second process on the same embedded data directory, naming the holder', async () => {
    const dataDir = path.join(tmp, 'locked');
    const first = run(['--import', 'tsx', 'test/fixtures/slow-server.ts'], { PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, JOB_MARKER_FILE: path.join(tmp, 'x') });
    await readyUrl(first);
    const second = run([bin, 'migrate'], { DATA_DIR: dataDir });
    expect(await second.exited).toBe(2);
    expect(second.stderr).toContain(`in use by process ${first.proc.pid}`);
    first.proc.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    const third = run([bin, 'migrate'], { DATA_DIR: dataDir });
    expect(await third.exited).toBe(0);
    expect(third.stdout).toMatch(/migrated pglite database: \d+ migration\(s\) applied in total/);
  });

  it('rotate-keys runs as a command and reports what it re-encrypted', async () => {
    const child = run([bin, 'rotate-keys'], { DATA_DIR: path.join(tmp, 'rotate') });
    expect(await child.exited).toBe(0);
    expect(child.stdout).toMatch(/re-encrypted 0 value\(s\) under key k1/);
  });

  it('worker refuses to run on PGlite and says why', async () => {
    const child = run([bin, 'worker'], { DATA_DIR: path.join(tmp, 'worker') });
    expect(await child.exited).toBe(2);
    expect(child.stderr).toContain('refuses to run on the embedded PGlite database');
    expect(fs.existsSync(path.join(tmp, 'worker', 'db'))).toBe(false);
  });

  it('rejects invalid configuration with every problem listed and exit code 2', async () => {
    const child = run([bin, 'serve'], { PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    expect(await child.exited).toBe(2);
    expect(child.stderr).toContain('PORT:');
    expect(child.stderr).toContain('DATABASE_URL: must be a postgres:// URL');
  });
});
