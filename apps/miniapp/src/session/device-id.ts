import Taro from '@tarojs/taro';

const DEVICE_ID_KEY = 'mm.deviceId';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A random id kept in storage, so demo login returns the same demo shopper on this device.
 * Math.random is enough: it names a demo account, it does not protect anything.
 */
export function deviceId(): string {
  const stored: unknown = Taro.getStorageSync(DEVICE_ID_KEY);
  if (typeof stored === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(stored)) return stored;
  let id = '';
  for (let i = 0; i < 24; i++) id += ALPHABET[Math.floor(Math.random() * ALPHABET.length)];
  Taro.setStorageSync(DEVICE_ID_KEY, id);
  return id;
}
