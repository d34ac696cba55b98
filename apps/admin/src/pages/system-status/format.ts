import type { SystemInfo } from '@minimall/contracts';

/** 7500 → "2 小时 5 分": the two largest units, zero parts dropped. */
export function formatUptime(totalSec: number): string {
  const sec = Math.max(0, Math.floor(totalSec));
  const units: Array<[value: number, label: string]> = [
    [Math.floor(sec / 86_400), '天'],
    [Math.floor((sec % 86_400) / 3_600), '小时'],
    [Math.floor((sec % 3_600) / 60), '分'],
    [sec % 60, '秒'],
  ];
  const first = units.findIndex(([value]) => value > 0);
  if (first === -1) return '0 秒';
  return units
    .slice(first, first + 2)
    .filter(([value]) => value > 0)
    .map(([value, label]) => `${value} ${label}`)
    .join(' ');
}

type Runtime = SystemInfo['runtime'];

export const RUNTIME_LABELS: { [K in keyof Runtime]: { title: string; values: Record<Runtime[K], string> } } = {
  database: { title: '数据库', values: { pglite: 'PGlite 内置', postgres: 'PostgreSQL' } },
  cache: { title: '缓存', values: { memory: '进程内', redis: 'Redis' } },
  queue: { title: '队列', values: { memory: '进程内', bullmq: 'BullMQ' } },
  storage: { title: '存储', values: { local: '本地磁盘', s3: 'S3 对象存储' } },
  payments: { title: '支付', values: { sandbox: '沙箱', live: '正式' } },
};

export const ENVIRONMENT_LABELS: Record<SystemInfo['environment'], string> = {
  development: '开发',
  test: '测试',
  production: '生产',
};

const CHECK_LABELS: Record<string, string> = {
  database: '数据库',
  redis: 'Redis',
  cache: '缓存',
  queue: '队列',
  storage: '存储',
  shutdown: '停机',
};

/** Chinese name of a readiness check; unknown checks keep the server's name. */
export function checkLabel(name: string): string {
  return CHECK_LABELS[name] ?? name;
}
