import { CommonErrorCode, type ErrorBody } from '@minimall/contracts';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { DomainError } from '../shared/errors.ts';

interface Mapped {
  status: number;
  body: ErrorBody;
}

const byFastifyCode: Record<string, Omit<Mapped, 'body'> & { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { status: 400, code: CommonErrorCode.MALFORMED_BODY, message: '请求内容不是合法的 JSON' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { status: 400, code: CommonErrorCode.MALFORMED_BODY, message: '请求内容为空' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { status: 400, code: CommonErrorCode.MALFORMED_BODY, message: '请求长度与内容不符' },
  FST_ERR_CTP_BODY_TOO_LARGE: { status: 413, code: CommonErrorCode.PAYLOAD_TOO_LARGE, message: '请求内容过大' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { status: 415, code: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, message: '不支持的内容类型' },
};

const byStatus: Record<number, { code: string; message: string }> = {
  400: { code: CommonErrorCode.VALIDATION_FAILED, message: '请求参数有误' },
  401: { code: CommonErrorCode.UNAUTHENTICATED, message: '请先登录' },
  403: { code: CommonErrorCode.FORBIDDEN, message: '没有权限执行此操作' },
  404: { code: CommonErrorCode.NOT_FOUND, message: '请求的资源不存在' },
  405: { code: CommonErrorCode.METHOD_NOT_ALLOWED, message: '不支持的请求方法' },
  409: { code: CommonErrorCode.CONFLICT, message: '请求与当前状态冲突' },
  413: { code: CommonErrorCode.PAYLOAD_TOO_LARGE, message: '请求内容过大' },
  415: { code: CommonErrorCode.UNSUPPORTED_MEDIA_TYPE, message: '不支持的内容类型' },
  429: { code: CommonErrorCode.RATE_LIMITED, message: '操作太频繁，请稍后再试' },
  503: { code: CommonErrorCode.SERVICE_UNAVAILABLE, message: '服务暂时不可用，请稍后重试' },
};

export function mapError(err: FastifyError | Error): Mapped {
  if (err instanceof DomainError) {
    return { status: err.status, body: { code: err.code, message: err.message, ...(err.details === undefined ? {} : { details: err.details }) } };
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const fields = err.validation.map((v) => ({
      in: err.validationContext ?? 'body',
      path: v.instancePath.replace(/^\//, '').replace(/\//g, '.'),
      message: v.message ?? 'invalid',
    }));
    return { status: 400, body: { code: CommonErrorCode.VALIDATION_FAILED, message: '请求参数有误', details: { fields } } };
  }
  if (isResponseSerializationError(err)) {
    return { status: 500, body: { code: CommonErrorCode.INTERNAL, message: '服务器开小差了，请稍后重试' } };
  }
  const fe = err as FastifyError;
  const known = fe.code ? byFastifyCode[fe.code] : undefined;
  if (known) return { status: known.status, body: { code: known.code, message: known.message } };
  if (err instanceof SyntaxError && fe.statusCode === 400) {
    return { status: 400, body: { code: CommonErrorCode.MALFORMED_BODY, message: '请求内容不是合法的 JSON' } };
  }
  const status = fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500 ? fe.statusCode : 500;
  if (status < 500) {
    const generic = byStatus[status] ?? { code: CommonErrorCode.VALIDATION_FAILED, message: '请求有误' };
    return { status, body: generic };
  }
  return { status: 500, body: { code: CommonErrorCode.INTERNAL, message: '服务器开小差了，请稍后重试' } };
}

/** One error handler for the whole API: stable codes, Chinese messages, no stack traces, 5xx logged. */
export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError, req: FastifyRequest, reply: FastifyReply) => {
    const { status, body } = mapError(err);
    const retryAfter = (body.details as { retryAfterSec?: unknown } | undefined)?.retryAfterSec;
    if (status === 429 && typeof retryAfter === 'number') void reply.header('retry-after', String(retryAfter));
    if (status >= 500) req.log.error({ err }, 'unhandled error');
    else req.log.info({ code: body.code, status, detail: err.message }, 'request rejected');
    void reply.status(status).send(body);
  });
}

export function notFoundBody(method: string, url: string): ErrorBody {
  return { code: CommonErrorCode.NOT_FOUND, message: '请求的资源不存在', details: { method, path: url.split('?')[0] } };
}
