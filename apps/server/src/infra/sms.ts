import type { Logger } from './logger.ts';

/** Text messages (login codes, later notifications). Real providers (Aliyun, Tencent Cloud) plug in here. */
export interface SmsProvider {
  readonly kind: 'console' | 'none';
  send(phone: string, text: string): Promise<void>;
}

/** Development only (config refuses it in production): the message goes to the log, masked phone included. */
export function consoleSms(log: Logger): SmsProvider {
  return {
    kind: 'console',
    async send(phone, text) {
      log.info({ to: `${phone.slice(0, 3)}****${phone.slice(-4)}` }, `[短信] ${text}`);
    },
  };
}

export class SmsUnavailableError extends Error {
  override name = 'SmsUnavailableError';
}

export const noSms: SmsProvider = {
  kind: 'none',
  async send() {
    throw new SmsUnavailableError('no SMS provider is configured');
  },
};
