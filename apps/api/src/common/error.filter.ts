import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { DomainError } from '@app/domain';
import { formatSize } from '@app/domain/wording';
import { AppError, AppErrorKind } from '@app/core';

const STATUS: Record<AppErrorKind, number> = {
  bad_request: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
};

export interface ErrorBody {
  error: { status: number; code: string; message: string; details?: unknown };
}

/** One error shape for every failure; never a stack trace to the user. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('Error');

  catch(exception: unknown, host: ArgumentsHost) {
    const response = host.switchToHttp().getResponse<FastifyReply>();
    const body = this.toBody(exception);
    if (body.error.status >= 500) this.logger.error(exception instanceof Error ? exception.stack : String(exception));
    const retryAfter = (body.error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (typeof retryAfter === 'number') response.header('Retry-After', String(retryAfter));
    response.status(body.error.status).send(body);
  }

  toBody(exception: unknown): ErrorBody {
    if (exception instanceof AppError) {
      return {
        error: {
          status: STATUS[exception.kind],
          code: exception.code,
          message: exception.message,
          ...(exception.details ? { details: exception.details } : {}),
        },
      };
    }
    if (exception instanceof DomainError) return { error: { status: 422, code: exception.code, message: exception.message } };
    const limit = bodyLimitOf(exception);
    if (limit !== null)
      return {
        error: {
          status: 413,
          code: 'payload_too_large',
          message: `The request body is larger than the ${formatSize(limit)} limit: send less, or upload long text as a file.`,
        },
      };
    if (exception instanceof HttpException)
      return { error: { status: exception.getStatus(), code: httpCode(exception.getStatus()), message: messageOf(exception) } };
    if (databaseUnavailable(exception))
      return {
        error: {
          status: HttpStatus.SERVICE_UNAVAILABLE,
          code: 'database_unavailable',
          message: 'The database is not answering just now. Nothing was changed; try again in a minute.',
          details: { retryAfterSeconds: 30 },
        },
      };
    return {
      error: {
        status: HttpStatus.INTERNAL_SERVER_ERROR,
        code: 'internal_error',
        message: 'Something went wrong on our side. Nothing was changed; try again, and tell your admin if it keeps happening.',
      },
    };
  }
}

// Connection failures, and PostgreSQL's codes for a server shutting down, starting up or gone (classes 08 and 57P).
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'SQLITE_BUSY',
]);

/** Whether the database could not be reached (down, restarting, the network cut) rather than refusing this request. */
export function databaseUnavailable(exception: unknown): boolean {
  const error = ((exception as { driverError?: unknown } | null)?.driverError ?? exception) as { code?: unknown; message?: unknown } | null;
  if (typeof error?.code === 'string' && UNAVAILABLE_CODES.has(error.code)) return true;
  return typeof error?.message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error/i.test(error.message);
}

/** The largest JSON or urlencoded request body the server reads (file uploads have their own limits). */
export const BODY_LIMIT_BYTES = 100 * 1024;

/** The body limit when Fastify refused a request body as too large (Nest hands its error on as the cause), else null. */
export function bodyLimitOf(exception: unknown): number | null {
  const refusal = ((exception as { cause?: unknown } | null)?.cause ?? exception) as { code?: unknown } | null;
  return refusal?.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? BODY_LIMIT_BYTES : null;
}

function messageOf(exception: HttpException): string {
  const response = exception.getResponse();
  if (typeof response === 'string') return response;
  const message = (response as { message?: unknown }).message;
  return Array.isArray(message) ? message.join('; ') : String(message ?? exception.message);
}

function httpCode(status: number): string {
  const codes: Record<number, string> = {
    400: 'bad_request',
    401: 'unauthenticated',
    403: 'forbidden',
    404: 'not_found',
    405: 'method_not_allowed',
    413: 'payload_too_large',
    415: 'unsupported_media_type',
  };
  return codes[status] ?? 'http_error';
}
