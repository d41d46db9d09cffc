import { z } from 'zod';
import { ChatErrors } from './chat.errors';

// Socket payloads are validated here, once, with the same rules as REST DTOs: unknown keys are
// refused, and a failure becomes a `validation_failed` ack that names the field.

export const MAX_MESSAGE_LENGTH = 4000;

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be an id');
const eventId = z.string().regex(/^\d{1,15}$/, 'must be an event id');
const clientId = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/, 'must be 8–64 letters, digits, - or _');
const body = z.string().max(MAX_MESSAGE_LENGTH, `must be at most ${MAX_MESSAGE_LENGTH} characters`);

export const visitorSendSchema = z.strictObject({ clientId, body: body.optional(), imageId: uuid.optional() });
export const staffSendSchema = visitorSendSchema.extend({ customerId: uuid }).strict();
export const visitorTypingSchema = z.strictObject({ typing: z.boolean() });
export const staffTypingSchema = z.strictObject({ customerId: uuid, typing: z.boolean() });
export const visitorReadSchema = z.strictObject({ upToId: eventId, read: z.boolean() });
export const staffReadSchema = z.strictObject({ customerId: uuid, upToId: eventId });
export const presenceSchema = z.strictObject({ status: z.enum(['online', 'away']) });
export const historySchema = z.strictObject({ before: z.string().max(200).optional(), limit: z.number().int().min(1).max(100).optional() });
export const profileSchema = z.strictObject({
  name: z.string().trim().max(50, 'must be at most 50 characters').optional(),
  phone: z.string().trim().max(30, 'must be at most 30 characters').optional(),
});

/** Parses a socket payload or throws a DomainError naming what was wrong. */
export function parsePayload<T>(schema: z.ZodType<T>, payload: unknown): T {
  const result = schema.safeParse(payload ?? {});
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = issue?.path.join('.') || 'payload';
  throw ChatErrors.invalid(issue?.code === 'unrecognized_keys' ? `${issue.message}.` : `${field} ${issue?.message ?? 'is not valid'}.`);
}
