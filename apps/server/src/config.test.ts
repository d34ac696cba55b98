import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('defaults to the embedded mode', () => {
    const c = loadConfig({ DATA_DIR: '/tmp/mm-config-test' });
    expect(c).toMatchObject({ PORT: 3000, database: 'pglite', redis: false, STORAGE_DRIVER: 'local', PAYMENT_MODE: 'sandbox', NODE_ENV: 'development' });
    expect(c.pgliteDir).toBe('/tmp/mm-config-test/db');
    expect(c.uploadsDir).toBe('/tmp/mm-config-test/uploads');
  });

  it('switches to PostgreSQL and Redis by URL', () => {
    const c = loadConfig({ DATABASE_URL: 'postgres://shop@db:5432/minimall', REDIS_URL: 'redis://cache:6379' });
    expect(c.database).toBe('postgres');
    expect(c.redis).toBe(true);
  });

  it('names every bad setting at once', () => {
    try {
      loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', STORAGE_DRIVER: 's3' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ConfigError);
      const paths = (err as ConfigError).issues.map((i) => i.path).sort();
      expect(paths).toEqual(['DATABASE_URL', 'PORT']);
    }
    try {
      loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'media' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).issues.map((i) => i.path).sort()).toEqual(['S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY']);
    }
  });

  it('refuses production without data keys or with the sandbox payment provider', () => {
    try {
      loadConfig({ NODE_ENV: 'production' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).issues.map((i) => i.path).sort()).toEqual([
        'AUTH_TOKEN_SECRET',
        'BLIND_INDEX_KEY',
        'DATA_KEYS',
        'DATA_KEY_ID',
        'PAYMENT_MODE',
        'SMS_PROVIDER',
      ]);
      expect((err as ConfigError).message).toContain('sandbox payment provider cannot run in production');
    }
  });

  it('makes demo login impossible to enable in production', () => {
    try {
      loadConfig({ NODE_ENV: 'production', DEMO_LOGIN: 'true' });
      expect.unreachable();
    } catch (err) {
      expect((err as ConfigError).issues.map((i) => i.path)).toContain('DEMO_LOGIN');
    }
    expect(loadConfig({ NODE_ENV: 'development' }).DEMO_LOGIN).toBe(true);
    expect(loadConfig({ NODE_ENV: 'development', DEMO_LOGIN: 'false' }).DEMO_LOGIN).toBe(false);
  });
});
