import { fireEvent, waitFor } from '@testing-library/react';
import type { AuthResult, CustomerProfile, Endpoint } from '@minimall/contracts';
import type { KeyValueStorage } from '../src/session/session-store';

export const customer: CustomerProfile = {
  id: '0193a6f0-0000-7000-8000-000000000001',
  nickname: '小林',
  avatarUrl: null,
  gender: 'unknown',
  birthday: null,
  phoneMasked: '138****8000',
  createdAt: '2025-11-21T15:18:05.000Z',
};

export function authResult(overrides: Partial<CustomerProfile> = {}, isNewCustomer = false): AuthResult {
  return {
    accessToken: 'access-token',
    accessTokenExpiresAt: '2025-11-21T15:33:05.000Z',
    refreshToken: 'refresh-token-0123456789',
    refreshTokenExpiresAt: '2025-12-21T15:18:05.000Z',
    customer: { ...customer, ...overrides },
    isNewCustomer,
  };
}

/** What a rotating refresh endpoint hands out at generation `n`: access-n / refresh-token-number-n. */
export function generationTokens(n: number, signedIn: CustomerProfile = customer): AuthResult {
  return { ...authResult(), accessToken: `access-${n}`, refreshToken: `refresh-token-number-${n}`, customer: signedIn };
}

/** Session storage kept in a Map the test can inspect. */
export function memoryStorage(): KeyValueStorage & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (k) => data.get(k), set: (k, v) => data.set(k, v), remove: (k) => data.delete(k) };
}

type Handler = (input: unknown) => unknown;

/**
 * Answers a mocked `api.call` by endpoint path ("POST /api/shop/auth/sms-code"); a handler may
 * return a value, a promise, or throw. Unknown endpoints fail the test loudly.
 */
export function routeCalls(handlers: Record<string, Handler>) {
  return async (endpoint: Endpoint, input?: unknown) => {
    const key = `${endpoint.method} ${endpoint.path}`;
    const handler = handlers[key];
    if (!handler) throw new Error(`unexpected call ${key}`);
    return handler(input);
  };
}

/**
 * The inner field of the Taro <Input>/<Textarea> with this placeholder. The H5 web component draws
 * it on the next animation frame, hence the wait.
 */
export function drawnField(placeholder: string): Promise<HTMLInputElement | HTMLTextAreaElement> {
  const selector = `input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`;
  return waitFor(() => {
    const found = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(selector);
    if (!found) throw new Error(`no input with placeholder ${placeholder}`);
    return found;
  });
}

/** Types into the Taro <Input>/<Textarea> with this placeholder. */
export async function typeInto(placeholder: string, value: string): Promise<void> {
  const input = await drawnField(placeholder);
  input.value = value;
  fireEvent.input(input);
}

/** The Taro <Button> (H5 web component) with this text. */
export function button(text: string): HTMLElement & { disabled?: boolean } {
  const match = [...document.querySelectorAll<HTMLElement>('taro-button-core')].find((b) => b.textContent?.trim() === text);
  if (!match) throw new Error(`no button ${text}; buttons: ${[...document.querySelectorAll('taro-button-core')].map((b) => b.textContent).join(' | ')}`);
  return match;
}

/** A corner of the real region tree, in the API's compact shape. */
export const regionTree: { provinces: [string, string, [string, string, [string, string][]][]][] } = {
  provinces: [
    ['11', '北京市', [['1101', '北京市', [['110101', '东城区'], ['110105', '朝阳区']]]]],
    [
      '33',
      '浙江省',
      [
        ['3301', '杭州市', [['330102', '上城区'], ['330106', '西湖区'], ['330110', '余杭区']]],
        ['3302', '宁波市', [['330203', '海曙区']]],
      ],
    ],
  ],
};
