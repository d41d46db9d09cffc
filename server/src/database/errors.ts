import { QueryFailedError } from 'typeorm';

/** A unique constraint refused the write (SQLite and PostgreSQL word it differently). */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && /unique|duplicate key/i.test(err.message);
}
