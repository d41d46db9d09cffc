import { Logger } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import type { Ack } from './contract';

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
    logger.error({ msg: 'Socket handler failed', err });
    return { ok: false, code: 'internal', message: 'Something went wrong on our side. Please try again.' };
  }
}
