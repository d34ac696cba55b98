import Taro from '@tarojs/taro';
import { createSessionStore, type KeyValueStorage } from './session-store';

const taroStorage: KeyValueStorage = {
  // Missing keys read as '' on mini-programs.
  get: (key) => Taro.getStorageSync(key) || undefined,
  set: (key, value) => Taro.setStorageSync(key, value),
  remove: (key) => Taro.removeStorageSync(key),
};

/** The app's one session: every page reads the shopper from here. */
export const session = createSessionStore(taroStorage);
