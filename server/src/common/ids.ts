import { z } from 'zod';

/** A uuid, as every id of ours is written (any version, any case). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A client-made id that makes a resend the same write (a draft, a message, a form): 8–64 of [A-Za-z0-9_-]. */
export const CLIENT_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const CLIENT_ID_MESSAGE = 'clientId must be 8–64 letters, digits, - or _';

/** Payload atoms for socket schemas. */
export const zUuid = z.string().regex(UUID_PATTERN, 'must be an id');
/** Event ids are 32-bit integers in the database (`events.id`); above that nothing can match. */
export const MAX_EVENT_ID = 2_147_483_647;
/** Whether a string is a possible event id (digits, within the column's range). */
export const isEventId = (value: string) => /^\d{1,10}$/.test(value) && Number(value) <= MAX_EVENT_ID;
/** Event ids travel as strings of digits. */
export const zEventId = z.string().refine(isEventId, 'must be an event id');
