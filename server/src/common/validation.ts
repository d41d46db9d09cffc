import { HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

function messages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => (prefix ? `${prefix}${m}` : m)),
    ...messages(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

/** Every request body and query is validated against its DTO; unknown fields are refused. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = messages(errors);
      return new DomainError('validation_failed', HttpStatus.BAD_REQUEST, details.join('; ') || 'Invalid input.', details);
    },
  });
}
