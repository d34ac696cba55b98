// Stand-in for @tarojs/taro in unit tests: just the APIs the storefront touches. Tests that
// exercise the network spy on `request` or `uploadFile`; anything else calling them fails
// loudly. Storage is an in-memory map that `resetTaroMock()` empties between tests.
import { useEffect } from 'react';

const storage = new Map<string, unknown>();
let routerParams: Record<string, string> = {};

type Ok = Promise<{ errMsg: string }>;
const ok = (api: string): Ok => Promise.resolve({ errMsg: `${api}:ok` });

const Taro = {
  request(_options: Record<string, unknown>): Promise<unknown> & { abort(): void } {
    throw new Error('Taro.request is not mocked in this test');
  },
  uploadFile(_options: Record<string, unknown>): Promise<{ statusCode: number; data: string; errMsg: string }> {
    throw new Error('Taro.uploadFile is not mocked in this test');
  },
  chooseImage(_options: Record<string, unknown>): Promise<{ tempFilePaths: string[]; tempFiles: { path: string; size: number }[] }> {
    throw new Error('Taro.chooseImage is not mocked in this test');
  },
  showLoading(_options: { title: string; mask?: boolean }): Ok {
    return ok('showLoading');
  },
  hideLoading(): Ok {
    return ok('hideLoading');
  },
  login(): Promise<{ code: string; errMsg: string }> {
    throw new Error('Taro.login is not mocked in this test');
  },
  chooseAddress(): Promise<Record<string, string>> {
    throw new Error('Taro.chooseAddress is not mocked in this test');
  },
  setNavigationBarTitle(_options: { title: string }): Ok {
    return ok('setNavigationBarTitle');
  },
  showToast(_options: { title: string; icon?: string }): Ok {
    return ok('showToast');
  },
  showModal(_options: { title?: string; content?: string }): Promise<{ confirm: boolean; cancel: boolean }> {
    return Promise.resolve({ confirm: true, cancel: false });
  },
  navigateTo(_options: { url: string }): Ok {
    return ok('navigateTo');
  },
  navigateBack(_options?: { delta?: number }): Ok {
    return ok('navigateBack');
  },
  redirectTo(_options: { url: string }): Ok {
    return ok('redirectTo');
  },
  getCurrentPages(): unknown[] {
    return [{}, {}];
  },
  getStorageSync(key: string): unknown {
    // Mini-programs answer '' for a missing key.
    return storage.has(key) ? structuredClone(storage.get(key)) : '';
  },
  setStorageSync(key: string, value: unknown): void {
    storage.set(key, structuredClone(value));
  },
  removeStorageSync(key: string): void {
    storage.delete(key);
  },
};

/** Runs on mount, the way a page is shown the first time. */
export function useDidShow(callback: () => void): void {
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => callback(), []);
}

export function useRouter(): { params: Record<string, string>; path: string } {
  return { params: routerParams, path: '' };
}

export function setRouterParams(params: Record<string, string>): void {
  routerParams = params;
}

export function resetTaroMock(): void {
  storage.clear();
  routerParams = {};
}

export default Taro;
