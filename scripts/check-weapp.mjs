#!/usr/bin/env node
// Checks a weapp (or alipay) build: app.json lists the pages, each page's files exist, and the main
// package stays under WeChat's 2 MB limit. Prints the sizes; exits 1 on any violation.
import fs from 'node:fs';
import path from 'node:path';

const dir = path.resolve(process.argv[2] ?? 'apps/miniapp/dist/weapp');
const LIMIT = 2 * 1024 * 1024;
const templateExt = { weapp: '.wxml', alipay: '.axml' }[path.basename(dir)] ?? '.wxml';
const problems = [];

const appJsonPath = path.join(dir, 'app.json');
if (!fs.existsSync(appJsonPath)) {
  console.error(`no app.json in ${dir}: build it first (npm run build:weapp)`);
  process.exit(1);
}
const app = JSON.parse(fs.readFileSync(appJsonPath, 'utf8'));
const pages = app.pages ?? [];
if (pages.length === 0) problems.push('app.json lists no pages');
for (const page of pages) {
  for (const ext of ['.js', '.json', templateExt]) {
    if (!fs.existsSync(path.join(dir, page + ext))) problems.push(`page ${page} has no ${page + ext}`);
  }
}
const subRoots = (app.subPackages ?? app.subpackages ?? []).map((s) => path.join(dir, s.root));

function size(p) {
  const st = fs.statSync(p);
  if (!st.isDirectory()) return st.size;
  return fs.readdirSync(p).reduce((sum, name) => {
    const child = path.join(p, name);
    return subRoots.some((r) => child === r || child.startsWith(r + path.sep)) ? sum : sum + size(child);
  }, 0);
}
const main = size(dir);
if (main > LIMIT) problems.push(`main package is ${(main / 1024).toFixed(0)} KiB, over the 2048 KiB limit`);

console.log(`${path.basename(dir)}: ${pages.length} pages (${pages.join(', ')}), main package ${(main / 1024).toFixed(0)} KiB of 2048 KiB`);
if (problems.length) {
  for (const p of problems) console.error(`  ✗ ${p}`);
  process.exit(1);
}
