import { randomUUID } from 'node:crypto';
import { pino, type Logger } from 'pino';
import type { Config } from '../config.ts';

export type { Logger };

/** Structured JSON logs; secrets and personal data are redacted at the logger, not by each caller. */
export function createLogger(config: Pick<Config, 'LOG_LEVEL' | 'NODE_ENV'> & { LOG_FORMAT?: Config['LOG_FORMAT'] }): Logger {
  const pretty = config.LOG_FORMAT === 'pretty';
  return pino({
    level: config.LOG_LEVEL,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service' } } } : {}),
    base: { service: 'minimall' },
    redact: {
      paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.phone', '*.token', '*.secret'],
      censor: '[redacted]',
    },
  });
}

/** Honour a caller's X-Request-Id when it is sane, otherwise mint one. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._-]{1,64}$/.test(value) ? value : randomUUID();
}
