import { useRef } from 'react';
import { useDidShow } from '@tarojs/taro';

/** Calls `reload` each time the page is shown again (e.g. back from an edit page), not on first show. */
export function useReloadOnShow(reload: () => void): void {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) reload();
    shown.current = true;
  });
}
