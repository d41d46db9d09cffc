import { z } from 'zod';
import { CLIENT_ID_PATTERN, zEventId, zUuid } from '../common/ids';

// Chat socket payloads, validated once (parsePayload in realtime/socket-ack.ts): unknown keys are
// refused, and a failure becomes a `validation_failed` ack that names the field.

export const MAX_MESSAGE_LENGTH = 4000;

const clientId = z.string().regex(CLIENT_ID_PATTERN, 'must be 8–64 letters, digits, - or _');
const body = z.string().max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`);

export const visitorSendSchema = z.strictObject({ clientId, body: body.optional(), imageId: zUuid.optional() });
export const staffSendSchema = visitorSendSchema.extend({ customerId: zUuid }).strict();
export const visitorTypingSchema = z.strictObject({ typing: z.boolean() });
export const staffTypingSchema = z.strictObject({ customerId: zUuid, typing: z.boolean() });
export const visitorReadSchema = z.strictObject({ upToId: zEventId, read: z.boolean() });
export const staffReadSchema = z.strictObject({ customerId: zUuid, upToId: zEventId });
export const presenceSchema = z.strictObject({ status: z.enum(['online', 'away']) });
export const historySchema = z.strictObject({ before: z.string().max(200).optional(), limit: z.number().int().min(1).max(100).optional() });
export const profileSchema = z.strictObject({
  name: z.string().trim().max(50, 'must be at most 50 characters').optional(),
  phone: z.string().trim().max(30, 'must be at most 30 characters').optional(),
});
