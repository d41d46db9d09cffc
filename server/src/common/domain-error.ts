import { HttpStatus } from '@nestjs/common';

/**
 * An expected failure with a stable code the client can translate ("staff.email_taken").
 * Features throw these; the exception filter turns them into HTTP answers at the edge.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly status: HttpStatus,
    message: string,
    /** Several messages at once, e.g. one per invalid field. */
    readonly details?: string[],
    /** Extra fields for the error body (e.g. where a merged customer went). */
    readonly extra?: Record<string, string>,
    /** Response headers, e.g. Location for a redirect. */
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }

  static notFound(what: string): DomainError {
    return new DomainError('not_found', HttpStatus.NOT_FOUND, `${what} was not found.`);
  }
}
