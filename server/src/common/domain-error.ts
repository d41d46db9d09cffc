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
  ) {
    super(message);
  }

  static notFound(what: string): DomainError {
    return new DomainError('not_found', HttpStatus.NOT_FOUND, `${what} was not found.`);
  }
}
