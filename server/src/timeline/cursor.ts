import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { MAX_EVENT_ID } from '../common/ids';

/** A position on a timeline: (occurred_at, id) of the last event a page ended on. Opaque to clients. */
export type TimelineCursor = { occurredAt: Date; id: number };

export function encodeCursor(c: TimelineCursor): string {
  return Buffer.from(`${c.occurredAt.toISOString()}|${c.id}`).toString('base64url');
}

export function decodeCursor(value: string): TimelineCursor {
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const occurredAt = new Date(iso ?? '');
  const n = Number(id);
  if (!iso || Number.isNaN(occurredAt.getTime()) || !Number.isSafeInteger(n) || n < 1 || n > MAX_EVENT_ID) {
    throw new DomainError('timeline.bad_cursor', HttpStatus.BAD_REQUEST, 'The cursor is not valid. Start again without one.');
  }
  return { occurredAt, id: n };
}
