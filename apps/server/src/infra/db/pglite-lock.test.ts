import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataDirLockedError, lockDataDir } from './pglite-lock.ts';

const tmpDir = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'minimall-lock-')), 'db');

describe('PGlite data-dir lock', () => {
  it('lets one holder in and tells the second who holds it', () => {
    const dir = tmpDir();
    const lock = lockDataDir(dir);
    expect(() => lockDataDir(dir)).toThrow(DataDirLockedError);
    expect(() => lockDataDir(dir)).toThrow(new RegExp(`in use by process ${process.pid}.*DATABASE_URL`));
    lock.release();
    const again = lockDataDir(dir);
    again.release();
    expect(fs.existsSync(`${dir}.lock`)).toBe(false);
  });

  it('takes over a lock left by a process that no longer exists', () => {
    const dir = tmpDir();
    fs.writeFileSync(`${dir}.lock`, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname(), since: '2026-01-01T00:00:00Z' }));
    const lock = lockDataDir(dir);
    expect(JSON.parse(fs.readFileSync(`${dir}.lock`, 'utf8')).pid).toBe(process.pid);
    lock.release();
  });
});
