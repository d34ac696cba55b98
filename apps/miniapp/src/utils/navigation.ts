import Taro from '@tarojs/taro';

/** Back to the previous page, or to `fallback` when this page was opened directly (an H5 deep link). */
export function goBack(fallback: string): void {
  if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
  else void Taro.redirectTo({ url: fallback });
}
