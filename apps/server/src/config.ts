import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const optionalUrl = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();

/** Every setting comes from the environment; the defaults are the zero-setup embedded mode. Documented in README.md. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    HOST: z.string().default('0.0.0.0'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** json for log collectors; pretty for a person at a terminal (the default when stdout is a TTY outside production). */
    LOG_FORMAT: z.enum(['json', 'pretty']).optional(),
    DATA_DIR: z.string().default(path.join(repoRoot, 'data')),
    PGLITE_DIR: z.string().optional(),
    DATABASE_URL: optionalUrl.pipe(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL').optional()),
    DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
    REDIS_URL: optionalUrl.pipe(z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL').optional()),
    REDIS_PREFIX: z.string().regex(/^[a-z0-9_-]+$/i).default('mm'),
    STORAGE_DRIVER: z.enum(['local', 's3']).default('local'),
    UPLOADS_DIR: z.string().optional(),
    S3_ENDPOINT: optionalUrl,
    S3_REGION: z.string().default('us-east-1'),
    S3_BUCKET: z.string().optional(),
    S3_ACCESS_KEY_ID: z.string().optional(),
    S3_SECRET_ACCESS_KEY: z.string().optional(),
    S3_FORCE_PATH_STYLE: bool.default(true),
    S3_PUBLIC_URL: optionalUrl,
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1024 * 1024),
    SHUTDOWN_TIMEOUT_MS: z.coerce.number().int().min(100).default(25_000),
    JOBS_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(4),
    DATA_KEYS: z.string().optional(),
    DATA_KEY_ID: z.string().optional(),
    BLIND_INDEX_KEY: z.string().optional(),
    PAYMENT_MODE: z.enum(['sandbox', 'live']).default('sandbox'),
    AUTH_TOKEN_SECRET: z.string().min(32).optional(),
    ACCESS_TOKEN_TTL_SEC: z.coerce.number().int().min(60).max(86_400).default(900),
    REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** A one-tap demo shopper for trying the H5 storefront without WeChat; refused in production. */
    DEMO_LOGIN: bool.optional(),
    WECHAT_APP_ID: z.string().optional(),
    WECHAT_APP_SECRET: z.string().optional(),
    WECHAT_API_BASE: z.string().url().default('https://api.weixin.qq.com'),
    ALIPAY_APP_ID: z.string().optional(),
    ALIPAY_PRIVATE_KEY: z.string().optional(),
    ALIPAY_PUBLIC_KEY: z.string().optional(),
    ALIPAY_GATEWAY: z.string().url().default('https://openapi.alipay.com/gateway.do'),
    /** The first owner's password (automation); otherwise one is generated and printed once at first start. */
    OWNER_INITIAL_PASSWORD: z.string().min(10).optional(),
    /** console prints codes to the log (development only). */
    SMS_PROVIDER: z.enum(['console', 'none']).default('console'),
    SERVE_STATIC: bool.default(true),
    /** Behind nginx/SLB: true, a hop count, or comma-separated proxy addresses/CIDRs, so req.ip is the shopper's. */
    TRUST_PROXY: z.string().optional(),
    /** Extra origins allowed to call the API from a browser (the storefront and admin are same-origin). */
    CORS_ORIGINS: z
      .string()
      .optional()
      .transform((v) => (v ? v.split(',').map((o) => o.trim()).filter(Boolean) : [])),
    /** Serve HTTPS directly (with HSTS) instead of behind a TLS-terminating proxy. */
    TLS_CERT_FILE: z.string().optional(),
    TLS_KEY_FILE: z.string().optional(),
    STOREFRONT_DIR: z.string().default(path.join(repoRoot, 'apps/miniapp/dist/h5')),
    ADMIN_DIR: z.string().default(path.join(repoRoot, 'apps/admin/dist')),
  })
  .superRefine((c, ctx) => {
    if (Boolean(c.TLS_CERT_FILE) !== Boolean(c.TLS_KEY_FILE)) {
      ctx.addIssue({ code: 'custom', path: [c.TLS_CERT_FILE ? 'TLS_KEY_FILE' : 'TLS_CERT_FILE'], message: 'set both TLS_CERT_FILE and TLS_KEY_FILE' });
    }
    for (const origin of c.CORS_ORIGINS) {
      if (!/^https?:\/\/[^/]+$/.test(origin)) ctx.addIssue({ code: 'custom', path: ['CORS_ORIGINS'], message: `not an origin: ${origin}` });
    }
    if (c.STORAGE_DRIVER === 's3') {
      for (const key of ['S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required when STORAGE_DRIVER=s3' });
      }
    }
    if (c.NODE_ENV === 'production') {
      for (const key of ['DATA_KEYS', 'DATA_KEY_ID', 'BLIND_INDEX_KEY', 'AUTH_TOKEN_SECRET'] as const) {
        if (!c[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'required in production (embedded mode generates them under DATA_DIR)' });
      }
      if (c.DEMO_LOGIN) {
        ctx.addIssue({ code: 'custom', path: ['DEMO_LOGIN'], message: 'demo login cannot be enabled in production' });
      }
      if (c.SMS_PROVIDER === 'console') {
        ctx.addIssue({ code: 'custom', path: ['SMS_PROVIDER'], message: 'the console SMS provider prints codes to the log; set a real provider or none in production' });
      }
      if (c.PAYMENT_MODE === 'sandbox') {
        ctx.addIssue({ code: 'custom', path: ['PAYMENT_MODE'], message: 'the sandbox payment provider cannot run in production' });
      }
    }
  });

export type RawConfig = z.infer<typeof configSchema>;

export interface Config extends RawConfig {
  pgliteDir: string;
  uploadsDir: string;
  database: 'pglite' | 'postgres';
  redis: boolean;
  version: string;
  wechat: { appId: string; appSecret: string } | undefined;
  alipay: { appId: string; privateKey: string; alipayPublicKey: string } | undefined;
}

export class ConfigError extends Error {
  constructor(readonly issues: { path: string; message: string }[]) {
    super(`invalid configuration:\n${issues.map((i) => `  ${i.path}: ${i.message}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const APP_VERSION = '0.1.0';

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })));
  }
  const c = parsed.data;
  c.LOG_FORMAT ??= process.stdout.isTTY && c.NODE_ENV !== 'production' ? 'pretty' : 'json';
  c.DEMO_LOGIN ??= c.NODE_ENV !== 'production';
  const dataDir = path.resolve(c.DATA_DIR);
  return {
    ...c,
    DATA_DIR: dataDir,
    pgliteDir: path.resolve(c.PGLITE_DIR ?? path.join(dataDir, 'db')),
    uploadsDir: path.resolve(c.UPLOADS_DIR ?? path.join(dataDir, 'uploads')),
    database: c.DATABASE_URL ? 'postgres' : 'pglite',
    redis: Boolean(c.REDIS_URL),
    version: APP_VERSION,
    wechat: c.WECHAT_APP_ID && c.WECHAT_APP_SECRET ? { appId: c.WECHAT_APP_ID, appSecret: c.WECHAT_APP_SECRET } : undefined,
    alipay:
      c.ALIPAY_APP_ID && c.ALIPAY_PRIVATE_KEY && c.ALIPAY_PUBLIC_KEY
        ? { appId: c.ALIPAY_APP_ID, privateKey: c.ALIPAY_PRIVATE_KEY, alipayPublicKey: c.ALIPAY_PUBLIC_KEY }
        : undefined,
  };
}
