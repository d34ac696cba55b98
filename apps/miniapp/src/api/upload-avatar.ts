import Taro from '@tarojs/taro';
import { ApiError, CommonErrorCode, errorBodySchema, identityEndpoints, type CustomerProfile } from '@minimall/contracts';
import { session as appSession } from '../session/session';
import type { SessionStore } from '../session/session-store';
import type { AuthedApiClient } from './authed-client';
import { api } from './client';

/** The server's limit; bigger files are refused here without uploading. */
export const AVATAR_MAX_BYTES = 5 * 1024 * 1024;
const UPLOAD_TIMEOUT_MS = 30_000;

export interface AvatarUploaderOptions {
  baseUrl: string;
  session: SessionStore;
  client: Pick<AuthedApiClient, 'renewAfter401'>;
}

/** One picked image (Taro.chooseImage's tempFiles[0]): the temp path, and on H5 the File itself. */
export interface PickedImage {
  path: string;
  file?: Blob;
}

interface Answer {
  status: number;
  json: unknown;
}

function parse(data: unknown): unknown {
  if (typeof data !== 'string') return data;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}

function failure({ status, json }: Answer): ApiError {
  const parsed = errorBodySchema.safeParse(json);
  if (parsed.success) return new ApiError(status, parsed.data);
  // A proxy in front of the server may answer without a JSON body.
  if (status === 413) return new ApiError(413, { code: CommonErrorCode.PAYLOAD_TOO_LARGE, message: '图片不能超过 5 MB' });
  return new ApiError(status, { code: CommonErrorCode.INTERNAL, message: '服务暂时不可用，请稍后重试' });
}

/**
 * Uploads a picked image as the shopper's avatar: multipart, which the contracts client cannot
 * send. Like the API client, a 401 refreshes
 * the tokens once and retries once; a second 401 signs the shopper out. The stored profile is
 * replaced by the server's answer, so every page shows the new picture.
 */
export function createAvatarUploader({ baseUrl, session, client }: AvatarUploaderOptions) {
  const endpoint = identityEndpoints.uploadAvatar;

  /**
   * H5: the picked File goes straight into a FormData. Taro's H5 uploadFile would first read the
   * blob: URL back with an XHR, which the server's CSP (connect-src 'self') blocks, and that
   * XHR has no error handler, so the upload would hang.
   */
  async function sendFile(file: Blob, token: string): Promise<Answer> {
    const form = new FormData();
    form.append('file', file, (file as File).name || 'avatar');
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), UPLOAD_TIMEOUT_MS);
    try {
      const res = await fetch(baseUrl + endpoint.path, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}` },
        body: form,
        signal: controller.signal,
      });
      return { status: res.status, json: parse(await res.text()) };
    } catch (err) {
      throw new ApiError(0, { code: CommonErrorCode.NETWORK, message: '网络异常，请稍后重试', details: String(err) });
    } finally {
      clearTimeout(timer);
    }
  }

  /** Mini-programs: Taro.uploadFile reads the temp file path itself. */
  async function sendPath(filePath: string, token: string): Promise<Answer> {
    let res: Taro.uploadFile.SuccessCallbackResult;
    try {
      res = await Taro.uploadFile({
        url: baseUrl + endpoint.path,
        filePath,
        name: 'file',
        header: { Authorization: `Bearer ${token}` },
        timeout: UPLOAD_TIMEOUT_MS,
        // Alipay's my.uploadFile requires the kind of file; the other platforms ignore it.
        fileType: 'image',
      } as Taro.uploadFile.Option);
    } catch (err) {
      const details = String((err as { errMsg?: string } | undefined)?.errMsg ?? err);
      throw new ApiError(0, { code: CommonErrorCode.NETWORK, message: '网络异常，请稍后重试', details });
    }
    return { status: res.statusCode, json: parse(res.data) };
  }

  const send = (image: PickedImage, token: string) =>
    image.file ? sendFile(image.file, token) : sendPath(image.path, token);

  return async function uploadAvatar(image: PickedImage): Promise<CustomerProfile> {
    const token = session.getState().session?.accessToken;
    if (!token) throw new ApiError(401, { code: CommonErrorCode.UNAUTHENTICATED, message: '请先登录' });
    let answer = await send(image, token);
    if (answer.status === 401) {
      if (!(await client.renewAfter401(token))) throw failure(answer);
      answer = await send(image, session.getState().session!.accessToken);
      if (answer.status === 401) session.signOut();
    }
    if (answer.status < 200 || answer.status >= 300) throw failure(answer);
    const customer = endpoint.response.parse(answer.json);
    session.updateCustomer(customer);
    return customer;
  };
}

/** The app's uploader: the shared session, and the API client's refresh. */
export const uploadAvatar = createAvatarUploader({
  baseUrl: process.env.TARO_APP_API_BASE,
  session: appSession,
  client: api,
});
