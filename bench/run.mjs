#!/usr/bin/env node
// Baseline HTTP throughput of a real `minimall serve` (embedded mode unless DATABASE_URL/REDIS_URL
// are set): a fixed number of keep-alive requests at fixed concurrency, from a separate process.
// Reports requests/s and latency percentiles, plus each route's ratio to /healthz (the ratios are
// what to compare across machines), and records them in bench/results/.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 5000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 50);
const PORT = Number(process.env.BENCH_PORT ?? 3999);
const routes = ['/healthz', '/readyz', '/api/system/info'];

function get(agent, url) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    http
      .get(url, { agent }, (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode, ms: Number(process.hrtime.bigint() - started) / 1e6 }));
      })
      .on('error', reject);
  });
}

async function load(url) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
  const latencies = [];
  let errors = 0;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        next += 1;
        const r = await get(agent, url);
        if (r.status !== 200) errors += 1;
        latencies.push(r.ms);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const pct = (p) => Number(latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))].toFixed(2));
  return { requests: latencies.length, errors, rps: Math.round(latencies.length / seconds), p50: pct(50), p99: pct(99) };
}

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minimall-bench-'));
const server = spawn(process.execPath, [path.join(root, 'apps/server/bin/minimall.mjs'), 'serve'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATA_DIR: dataDir, LOG_LEVEL: 'warn', LOG_FORMAT: 'json' },
  stdio: 'inherit',
});
try {
  const base = `http://127.0.0.1:${PORT}`;
  for (let i = 0; ; i += 1) {
    try {
      if ((await get(undefined, `${base}/readyz`)).status === 200) break;
    } catch {
      if (i > 600) throw new Error('server did not start');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  const results = {};
  for (const route of routes) {
    await load(`${base}${route}`); // warm-up pass, discarded
    results[route] = await load(`${base}${route}`);
  }
  for (const route of routes) results[route].ratioToHealthz = Number((results[route].rps / results['/healthz'].rps).toFixed(3));
  const record = {
    date: new Date().toISOString(),
    machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, node: process.version },
    mode: { database: process.env.DATABASE_URL ? 'postgres' : 'pglite', redis: Boolean(process.env.REDIS_URL) },
    requests: REQUESTS,
    concurrency: CONCURRENCY,
    results,
  };
  console.table(Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v])));
  fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
  const file = path.join(root, 'bench/results', `http-baseline-${record.mode.database}${record.mode.redis ? '-redis' : ''}.json`);
  fs.writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  console.log(`recorded ${path.relative(root, file)}`);
} finally {
  server.kill('SIGTERM');
  await new Promise((r) => server.on('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
