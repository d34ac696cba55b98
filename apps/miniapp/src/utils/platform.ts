export type Platform = 'weapp' | 'alipay' | 'h5';

/**
 * The build target. Taro inlines `process.env.TARO_ENV`, so branches for other platforms are
 * dropped from each bundle; tests stub the variable to render another platform.
 */
export function currentPlatform(): Platform {
  const env = process.env.TARO_ENV;
  return env === 'weapp' || env === 'alipay' ? env : 'h5';
}
