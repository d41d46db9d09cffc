import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { isUniqueViolation } from '../database/errors';
import { currentRequestId } from '../logging/logger';
import { DomainError } from './domain-error';
import { safeError } from './safe-error';

/** The one error shape every client sees: `{ statusCode, code, message, requestId }`. */
export type ErrorBody = { statusCode: number; code: string; message: string | string[]; requestId?: string };

const CODE_BY_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'auth.required',
  403: 'auth.forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

/** Errors raised by Express's body parser carry a `type`; they are the client's fault, not ours. */
type BodyParserError = { type: string; status?: number; statusCode?: number; message: string };
const BODY_PARSER_MESSAGES: Record<string, [number, string]> = {
  'entity.parse.failed': [400, 'The request body is not valid JSON.'],
  'entity.too.large': [413, 'The request body is too large.'],
  'encoding.unsupported': [415, 'The request body encoding is not supported.'],
  'charset.unsupported': [415, 'The request body charset is not supported.'],
  'request.aborted': [400, 'The request was aborted.'],
};

export function toErrorBody(err: unknown): ErrorBody {
  if (err instanceof DomainError) {
    return { statusCode: err.status, code: err.code, message: err.details ?? err.message, ...err.extra };
  }
  if (err instanceof HttpException) {
    const status = err.getStatus();
    const response = err.getResponse();
    const message =
      typeof response === 'object' && response !== null && 'message' in response
        ? (response as { message: string | string[] }).message
        : err.message;
    return { statusCode: status, code: CODE_BY_STATUS[status] ?? (status < 500 ? 'bad_request' : 'internal'), message };
  }
  if (isBodyParserError(err)) {
    const [status, message] = BODY_PARSER_MESSAGES[err.type] ?? [err.status ?? err.statusCode ?? 400, err.message];
    return { statusCode: status, code: CODE_BY_STATUS[status] ?? 'bad_request', message };
  }
  if (isUniqueViolation(err)) {
    // A race the service check could not see (two requests at once): a conflict, not a crash.
    return { statusCode: 409, code: 'conflict', message: 'This record already exists.' };
  }
  return { statusCode: 500, code: 'internal', message: 'Something went wrong on our side. It has been logged.' };
}

function isBodyParserError(err: unknown): err is BodyParserError {
  if (typeof err !== 'object' || err === null || typeof (err as BodyParserError).type !== 'string') return false;
  const status = (err as BodyParserError).status ?? (err as BodyParserError).statusCode;
  return typeof status === 'number' && status >= 400 && status < 500;
}

@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger(HttpErrorFilter.name);

  catch(err: unknown, host: ArgumentsHost) {
    if (host.getType() !== 'http') throw err;
    const res = host.switchToHttp().getResponse<Response>();
    const req = host.switchToHttp().getRequest<Request>();
    const body = { ...toErrorBody(err), requestId: currentRequestId() };
    if (body.statusCode >= 500) {
      this.logger.error({ msg: 'Unhandled error', method: req.method, path: req.path, err: safeError(err) });
    }
    if (res.headersSent) return;
    if (err instanceof DomainError && err.headers) res.set(err.headers);
    res.status(body.statusCode).json(body);
  }
}

/** The same answer for errors that happen in Express middleware, before Nest routes a request. */
export function expressErrorHandler(err: unknown, _req: Request, res: Response, next: (err?: unknown) => void) {
  if (res.headersSent) return next(err);
  const body = { ...toErrorBody(err), requestId: currentRequestId() };
  res.status(body.statusCode).json(body);
}

export { HttpStatus };
