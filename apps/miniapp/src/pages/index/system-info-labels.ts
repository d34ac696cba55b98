import type { SystemInfo } from '@minimall/contracts';

type Runtime = SystemInfo['runtime'];

export const databaseLabel: Record<Runtime['database'], string> = {
  pglite: 'PGlite 内置',
  postgres: 'PostgreSQL',
};

export const cacheLabel: Record<Runtime['cache'], string> = {
  memory: '进程内缓存',
  redis: 'Redis',
};

export const queueLabel: Record<Runtime['queue'], string> = {
  memory: '进程内队列',
  bullmq: 'BullMQ',
};

export const storageLabel: Record<Runtime['storage'], string> = {
  local: '本地磁盘',
  s3: 'S3 对象存储',
};

export const paymentsLabel: Record<Runtime['payments'], string> = {
  sandbox: '沙箱（测试，不扣款）',
  live: '正式',
};

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/**
 * "2025-11-21 23:18:05" in Beijing time (UTC+8, no daylight saving), whatever the
 * device's time zone, so every shopper and test sees the same clock as the shop.
 */
export function formatBeijingTime(iso: string): string {
  const date = new Date(Date.parse(iso) + BEIJING_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return (
    `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ` +
    `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
  );
}
