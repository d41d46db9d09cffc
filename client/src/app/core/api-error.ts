import { HttpErrorResponse } from '@angular/common/http';
import type { MessageKey } from './i18n';

/** The server's error body: `{ statusCode, code, message, requestId }`. */
export interface ApiErrorBody {
  readonly statusCode: number;
  readonly code: string;
  readonly message: string | readonly string[];
  readonly requestId: string;
}

function isApiErrorBody(value: unknown): value is ApiErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { code?: unknown }).code === 'string' &&
    typeof (value as { statusCode?: unknown }).statusCode === 'number'
  );
}

/** The domain error code of a failed request (`staff.email_taken`), or null when there is none. */
export function apiErrorCode(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse)) return null;
  return isApiErrorBody(error.error) ? error.error.code : null;
}

/** The HTTP status of a failed request; 0 when the server could not be reached at all. */
export function apiErrorStatus(error: unknown): number {
  return error instanceof HttpErrorResponse ? error.status : 0;
}

/**
 * Picks the message for a failed request: a code-specific one from `byCode` when known, else a
 * general one by status. Network failures and gateway errors read as "can't reach the server".
 */
export function apiErrorMessage(
  error: unknown,
  byCode: Readonly<Partial<Record<string, MessageKey>>> = {},
): MessageKey {
  const code = apiErrorCode(error);
  const known = code && Object.hasOwn(byCode, code) ? byCode[code] : undefined;
  if (known) return known;
  const status = apiErrorStatus(error);
  if (status === 0 || status === 502 || status === 503 || status === 504) return 'error.network';
  if (status === 400) return 'error.validation';
  if (status === 403) return 'error.forbidden';
  if (status === 404) return 'error.notFound';
  if (status === 429) return 'error.rateLimited';
  return 'error.unexpected';
}

/** The server's own words for a failed request (e.g. why an upload was refused), when it sent any. */
export function apiErrorText(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse) || !isApiErrorBody(error.error)) return null;
  const message = error.error.message;
  return typeof message === 'string' ? message : message.join('; ') || null;
}
