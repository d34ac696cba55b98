import Taro from '@tarojs/taro';
import type { AuthResult, FetchLike } from '@minimall/contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSessionStore } from '../session/session-store';
import { customer as fixtureCustomer, generationTokens, memoryStorage } from '../../test/fixtures';
import { createAuthedClient } from './authed-client';
import { createAvatarUploader } from './upload-avatar';

const customer = { ...fixtureCustomer, id: 'c1', phoneMasked: null };
const tokens = (n: number): AuthResult => generationTokens(n, customer);

type UploadOptions = { url: string; filePath: string; name: string; header: Record<string, string> };
const answer = (statusCode: number, body: unknown) => ({ statusCode, data: JSON.stringify(body), errMsg: 'uploadFile:ok' });

/** A session signed in with `accessToken`, and a refresh endpoint that hands out generation 2. */
function setup(accessToken = 'access-1') {
  const session = createSessionStore(memoryStorage());
  session.signIn({ ...tokens(1), accessToken });
  const refreshes: unknown[] = [];
  const fetch: FetchLike = (url, init) => {
    refreshes.push({ url, body: init.body && JSON.parse(init.body) });
    return Promise.resolve({ status: 200, ok: true, text: () => Promise.resolve(JSON.stringify(tokens(2))) });
  };
  const client = createAuthedClient({ baseUrl: 'https://api.example.com', fetch, session });
  const upload = createAvatarUploader({ baseUrl: 'https://api.example.com', session, client });
  return { session, upload, refreshes };
}

/** Taro.uploadFile answering like the server: only the current access token is accepted. */
function mockServer(respond: (options: UploadOptions) => ReturnType<typeof answer>) {
  // The real UploadTask also has abort() and progress listeners; the uploader awaits the promise only.
  return vi.spyOn(Taro, 'uploadFile').mockImplementation(((options: UploadOptions) => Promise.resolve(respond(options))) as never);
}

const uploaded = { ...customer, avatarUrl: '/uploads/avatars/c1-abc.webp' };

describe('avatar upload', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllGlobals();
  });

  it('sends the file as the `file` part with the access token and stores the new profile', async () => {
    const { session, upload } = setup();
    const uploadFile = mockServer(() => answer(200, uploaded));

    const profile = await upload({ path: 'wxfile://tmp_picked.jpg' });

    expect(profile.avatarUrl).toBe('/uploads/avatars/c1-abc.webp');
    expect(uploadFile).toHaveBeenCalledTimes(1);
    expect(uploadFile.mock.calls[0]?.[0]).toMatchObject({
      url: 'https://api.example.com/api/shop/me/avatar',
      filePath: 'wxfile://tmp_picked.jpg',
      name: 'file',
      header: { Authorization: 'Bearer access-1' },
    });
    expect(session.getState().session?.customer.avatarUrl).toBe('/uploads/avatars/c1-abc.webp');
    expect(session.getState().session?.accessToken).toBe('access-1');
  });

  it('refreshes the tokens once on a 401 and retries the upload once with the new token', async () => {
    const { session, upload, refreshes } = setup('access-stale');
    const uploadFile = mockServer(({ header }) =>
      header.Authorization === 'Bearer access-2' ? answer(200, uploaded) : answer(401, { code: 'UNAUTHENTICATED', message: '请先登录' }),
    );

    await upload({ path: 'wxfile://tmp_1.jpg' });

    expect(refreshes).toEqual([
      { url: 'https://api.example.com/api/shop/auth/refresh', body: { refreshToken: 'refresh-token-number-1' } },
    ]);
    expect(uploadFile.mock.calls.map(([o]) => (o as UploadOptions).header.Authorization)).toEqual([
      'Bearer access-stale',
      'Bearer access-2',
    ]);
    expect(session.getState().session).toMatchObject({ accessToken: 'access-2', customer: { avatarUrl: uploaded.avatarUrl } });
  });

  it('gives up after one retry: a second 401 signs the shopper out', async () => {
    const { session, upload, refreshes } = setup();
    const uploadFile = mockServer(() => answer(401, { code: 'UNAUTHENTICATED', message: '请先登录' }));

    const error = await upload({ path: 'wxfile://tmp_1.jpg' }).catch((err: unknown) => err);

    expect(error).toMatchObject({ status: 401, code: 'UNAUTHENTICATED', message: '请先登录' });
    expect(refreshes).toHaveLength(1);
    expect(uploadFile).toHaveBeenCalledTimes(2);
    expect(session.getState().session).toBeNull();
  });

  it("surfaces the server's message and keeps the stored profile on failure", async () => {
    const { session, upload, refreshes } = setup();
    mockServer(() => answer(400, { code: 'IMAGE_INVALID', message: '图片格式不支持，请选择 JPG、PNG、WebP 或 GIF 图片' }));

    const error = await upload({ path: 'wxfile://tmp_1.txt' }).catch((err: unknown) => err);

    expect(error).toMatchObject({ status: 400, code: 'IMAGE_INVALID', message: '图片格式不支持，请选择 JPG、PNG、WebP 或 GIF 图片' });
    expect(refreshes).toHaveLength(0);
    expect(session.getState().session?.customer.avatarUrl).toBeNull();
  });

  it('explains a 413 even without a JSON body, and a failed upload as a network error', async () => {
    const { upload } = setup();
    vi.spyOn(Taro, 'uploadFile').mockResolvedValueOnce({ statusCode: 413, data: '<html>Too Large</html>', errMsg: 'uploadFile:ok' });
    await expect(upload({ path: 'a.jpg' })).rejects.toMatchObject({ status: 413, message: '图片不能超过 5 MB' });

    vi.spyOn(Taro, 'uploadFile').mockRejectedValueOnce({ errMsg: 'uploadFile:fail timeout' });
    await expect(upload({ path: 'a.jpg' })).rejects.toMatchObject({ status: 0, code: 'NETWORK', message: '网络异常，请稍后重试' });
  });

  it('posts the File itself on H5, as the `file` part of a multipart body', async () => {
    const { session, upload } = setup();
    const fetch = vi.fn((_url: string, _init: RequestInit) => Promise.resolve(new Response(JSON.stringify(uploaded), { status: 200 })));
    vi.stubGlobal('fetch', fetch);
    const uploadFile = vi.spyOn(Taro, 'uploadFile');
    const picked = new File([new Uint8Array([137, 80, 78, 71])], 'me.png', { type: 'image/png' });

    await upload({ path: 'blob:http://localhost/picked', file: picked });

    expect(uploadFile).not.toHaveBeenCalled();
    const [url, init] = fetch.mock.calls[0]!;
    expect(url).toBe('https://api.example.com/api/shop/me/avatar');
    expect(init).toMatchObject({ method: 'POST', headers: { Authorization: 'Bearer access-1' } });
    expect((init.body as FormData).get('file')).toMatchObject({ name: 'me.png', type: 'image/png' });
    expect(session.getState().session?.customer.avatarUrl).toBe(uploaded.avatarUrl);
  });
});
