import type { ThemeConfig } from 'antd';

/** The merchant's brand colour; a shop setting will override it once settings exist. */
export const DEFAULT_BRAND_COLOR = '#e4393c';

export function createTheme(brandColor: string = DEFAULT_BRAND_COLOR): ThemeConfig {
  return {
    token: {
      colorPrimary: brandColor,
      colorLink: brandColor,
      borderRadius: 6,
      fontFamily:
        '-apple-system, BlinkMacSystemFont, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Helvetica Neue", Arial, sans-serif',
    },
  };
}
