// One error type below the routes, one handler that maps code → HTTP status (DESIGN.md § API).
import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { errorCodes, labelField, type ErrorBody, type ErrorCode, type ErrorDetail } from '@zhibu/contracts';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message?: string,
    readonly details?: ErrorDetail[],
  ) {
    super(message ?? errorCodes[code].message);
  }
}

/** A 400 naming one field: `fail('idNumber', '身份证号校验位错误')`. */
export function invalid(details: ErrorDetail[]): AppError {
  const first = details[0];
  const message = first ? `${labelField(first.field)}：${first.message}` : errorCodes.VALIDATION_FAILED.message;
  return new AppError('VALIDATION_FAILED', message, details);
}

export function invalidField(field: string, message: string): AppError {
  return invalid([{ field, message }]);
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, req, reply) => {
    let body: ErrorBody;
    let status: number;
    if (err instanceof AppError) {
      body = { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) };
      status = errorCodes[err.code].status;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      const details = err.validation.map((v) => {
        const p = v.instancePath.replace(/^\//, '').replaceAll('/', '.');
        const field = p || String((v.params as { issue?: { keys?: string[] } })?.issue?.keys?.[0] ?? '');
        return { field, message: v.message ?? '格式不正确' };
      });
      const first = details[0];
      body = {
        code: 'VALIDATION_FAILED',
        message: first ? (first.field ? `${labelField(first.field)}：${first.message}` : first.message) : '输入有误',
        details,
      };
      status = 400;
    } else if ((err as FastifyError).statusCode === 429) {
      body = { code: 'RATE_LIMITED', message: errorCodes.RATE_LIMITED.message };
      status = 429;
    } else if ((err as FastifyError).code === 'FST_REQ_FILE_TOO_LARGE' || (err as FastifyError).code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      body = { code: 'FILE_TOO_LARGE', message: errorCodes.FILE_TOO_LARGE.message };
      status = 413;
    } else if ((err as FastifyError).statusCode && (err as FastifyError).statusCode! < 500) {
      // fastify's own client errors (malformed JSON, wrong content type…)
      const fe = err as FastifyError;
      body = {
        code: 'VALIDATION_FAILED',
        message: fe.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? '不支持的请求内容类型' : '请求格式不正确',
      };
      status = fe.statusCode === 415 ? 415 : 400;
    } else {
      req.log.error({ err }, 'unhandled error');
      body = { code: 'INTERNAL', message: errorCodes.INTERNAL.message };
      status = 500;
    }
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply.status(404).send({ code: 'NOT_FOUND', message: '接口不存在' } satisfies ErrorBody);
  });
}
