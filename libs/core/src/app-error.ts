/** Errors a user can act on. The API maps `kind` to an HTTP status in one place (the error filter). */
export type AppErrorKind =
  | 'bad_request'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'unprocessable'
  | 'too_many_requests'
  | 'payload_too_large'
  | 'unsupported_media_type';

export class AppError extends Error {
  constructor(
    readonly kind: AppErrorKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('not_found', 'not_found', `${what} not found`);
export const badRequest = (code: string, message: string, details?: unknown) => new AppError('bad_request', code, message, details);
export const forbidden = (message = 'Your role does not allow this') => new AppError('forbidden', 'forbidden', message);
export const unprocessable = (code: string, message: string) => new AppError('unprocessable', code, message);
