import { HttpStatus, Logger } from '@nestjs/common';
import type { z } from 'zod';
import { DomainError } from '../common/domain-error';
import type { Ack } from './contract';
import { safeError } from '../common/safe-error';

const logger = new Logger('SocketAck');

/**
 * Runs a socket handler and turns its outcome into an acknowledgement: a DomainError becomes
 * `{ok:false, code, message}` (the socket twin of a 4xx); anything else is logged and answered
 * with a generic message, never a stack.
 */
export async function socketAck<T extends object>(work: () => Promise<T>): Promise<Ack<T>> {
  try {
    return { ok: true, ...(await work()) };
  } catch (err) {
    if (err instanceof DomainError) return { ok: false, code: err.code, message: err.message };
    logger.error({ msg: 'Socket handler failed', err: safeError(err) });
    return { ok: false, code: 'internal', message: 'Something went wrong on our side. Please try again.' };
  }
}

/** Parses a socket payload or throws a `validation_failed` DomainError naming what was wrong. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'payload';
  const message = issue?.code === 'unrecognized_keys' ? `${issue.message}.` : `${field} ${issue?.message ?? 'is not valid'}.`;
  throw new DomainError('validation_failed', HttpStatus.BAD_REQUEST, message);
}
