import { z } from 'zod';

/** A uuid, as every id of ours is written (any version, any case). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Payload atoms for socket schemas. */
export const zUuid = z.string().regex(UUID_PATTERN, 'must be an id');
/** Event ids travel as strings of digits (integers beyond 2^53 never occur). */
export const zEventId = z.string().regex(/^\d{1,15}$/, 'must be an event id');
