import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export class DataDirLockedError extends Error {
  override name = 'DataDirLockedError';
}

interface LockInfo {
  pid: number;
  host: string;
  since: string;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * PGlite has no multi-process support: two processes on one data dir silently corrupt it. Hold an
 * exclusive lock file beside the data dir for the life of the process; a lock left by a dead process on
 * this host is taken over.
 */
export function lockDataDir(dataDir: string): { release(): void } {
  const lockPath = `${dataDir}.lock`;
  fs.mkdirSync(path.dirname(lockPath), { recursive: true });
  const mine: LockInfo = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      fs.writeFileSync(lockPath, JSON.stringify(mine), { flag: 'wx' });
      let released = false;
      return {
        release() {
          if (released) return;
          released = true;
          try {
            const holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
            if (holder.pid === mine.pid && holder.host === mine.host) fs.unlinkSync(lockPath);
          } catch {
            // already gone: nothing to release
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder: LockInfo | undefined;
      try {
        holder = JSON.parse(fs.readFileSync(lockPath, 'utf8')) as LockInfo;
      } catch {
        holder = undefined;
      }
      const stale = !holder || (holder.host === mine.host && !alive(holder.pid));
      if (!stale) {
        throw new DataDirLockedError(
          `the embedded database at ${dataDir} is in use by process ${holder!.pid} on ${holder!.host} (since ${holder!.since}). ` +
            'PGlite allows one process per data directory: stop the other minimall process, or set DATABASE_URL to use PostgreSQL.',
        );
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new DataDirLockedError(`could not take the lock ${lockPath}`);
}
