import { HttpStatus } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { isEventId } from '../common/ids';
import { decodeKeyset, encodeKeyset } from '../common/keyset-cursor';

/** A position on a timeline: (occurred_at, id) of the last event a page ended on. Opaque to clients. */
export type TimelineCursor = { occurredAt: Date; id: number };

export function encodeCursor(c: TimelineCursor): string {
  return encodeKeyset(c.occurredAt, c.id);
}

export function decodeCursor(value: string): TimelineCursor {
  const c = decodeKeyset(value, (id) => isEventId(id) && Number(id) >= 1);
  if (!c) throw new DomainError('timeline.bad_cursor', HttpStatus.BAD_REQUEST, 'The cursor is not valid. Start again without one.');
  return { occurredAt: c.at, id: Number(c.id) };
}
