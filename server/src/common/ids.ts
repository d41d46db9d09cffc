import { z } from 'zod';

/** A uuid, as every id of ours is written (any version, any case). */
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Payload atoms for socket schemas. */
export const zUuid = z.string().regex(UUID_PATTERN, 'must be an id');
/** Event ids are 32-bit integers in the database (`events.id`); above that nothing can match. */
export const MAX_EVENT_ID = 2_147_483_647;
/** Whether a string is a possible event id (digits, within the column's range). */
export const isEventId = (value: string) => /^\d{1,10}$/.test(value) && Number(value) <= MAX_EVENT_ID;
/** Event ids travel as strings of digits. */
export const zEventId = z.string().refine(isEventId, 'must be an event id');
