import { ArgumentMetadata, HttpStatus, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError } from './domain-error';

function messages(errors: ValidationError[], prefix = ''): string[] {
  return errors.flatMap((e) => [
    ...Object.values(e.constraints ?? {}).map((m) => (prefix ? `${prefix}${m}` : m)),
    ...messages(e.children ?? [], `${prefix}${e.property}.`),
  ]);
}

/** Whether a value holds a NUL character anywhere (PostgreSQL text cannot store one). */
function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (depth > 32 || !value || typeof value !== 'object') return false;
  return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v, depth + 1));
}

/** What the client sent (never the request object, the session's staff member or other injected values). */
const FROM_CLIENT = new Set<ArgumentMetadata['type']>(['body', 'query', 'param']);

/** The global pipe: a NUL character anywhere in what the client sent is refused before any DTO sees it. */
class AppValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (FROM_CLIENT.has(metadata.type) && hasNul(value)) throw new DomainError('validation_failed', HttpStatus.BAD_REQUEST, 'Text may not contain NUL (\\u0000) characters.');
    return super.transform(value, metadata);
  }
}

/** Every request body and query is validated against its DTO; unknown fields are refused. */
export function createValidationPipe(): ValidationPipe {
  return new AppValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const details = messages(errors);
      return new DomainError('validation_failed', HttpStatus.BAD_REQUEST, details.join('; ') || 'Invalid input.', details);
    },
  });
}
