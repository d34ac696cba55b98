#!/usr/bin/env node
// `npm start`: build whichever front end is missing, then run `minimall serve` (which migrates first).
import { spawnSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

const frontEnds = [
  { name: '店铺前台 (H5 storefront)', index: 'apps/miniapp/dist/h5/index.html', script: 'build:h5', workspace: 'apps/miniapp' },
  { name: '商家后台 (admin)', index: 'apps/admin/dist/index.html', script: 'build', workspace: 'apps/admin' },
];

const missing = frontEnds.filter((f) => !fs.existsSync(path.join(root, f.index)));
missing.forEach((f, i) => {
  console.log(`[${i + 1}/${missing.length}] building ${f.name} — first start only, about a minute…`);
  const started = Date.now();
  const res = spawnSync(npm, ['run', f.script, '-w', f.workspace], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (res.status !== 0) {
    console.error(`build of ${f.name} failed (npm run ${f.script} -w ${f.workspace}); fix it and run npm start again`);
    process.exit(res.status ?? 1);
  }
  console.log(`    done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
});

const server = spawn(process.execPath, [path.join(root, 'apps/server/bin/minimall.mjs'), 'serve', ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
