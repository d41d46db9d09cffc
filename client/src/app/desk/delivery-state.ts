import type { ChatMessageDetails, TimelineEvent } from '@hearth/contract';
import { compareIds } from './customer';
import type { Outgoing } from './chat-outbox';

/** How far a staff chat reply got: 发送中 → 已发送 (stored) → 已送达 → 已读, or failed. */
export type Delivery =
  | { readonly kind: 'sending' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'sent' | 'delivered' | 'read' };

/** Up to which event the customer's chat client has received / read the conversation. */
export interface Receipts {
  readonly deliveredUpTo: string;
  readonly readUpTo: string;
}

const PENDING = 'pending:';

export function isPendingId(id: string): boolean {
  return id.startsWith(PENDING);
}

/** The clientId a chat message carries (`details.clientId`), if any. */
export function chatClientId(event: TimelineEvent): string | null {
  const value = event.details?.['clientId'];
  return typeof value === 'string' ? value : null;
}

/**
 * The delivery state of a staff chat reply; null for anything else. A reply not yet stored is
 * `sending` (or `failed`, with the reason); a stored one is delivered / read once the customer's
 * receipts reach its id. Ids only grow, so "up to" is a comparison of ids.
 */
export function deliveryState(
  event: TimelineEvent,
  receipts: Receipts | null,
  outgoing: Outgoing | undefined,
): Delivery | null {
  if (event.kind !== 'chat.message' || event.author.type !== 'staff') return null;
  if (isPendingId(event.id)) {
    return outgoing?.status === 'failed' ? { kind: 'failed', reason: outgoing.error ?? '' } : { kind: 'sending' };
  }
  if (receipts && receipts.readUpTo && compareIds(event.id, receipts.readUpTo) <= 0) return { kind: 'read' };
  if (receipts && receipts.deliveredUpTo && compareIds(event.id, receipts.deliveredUpTo) <= 0) return { kind: 'delivered' };
  return { kind: 'sent' };
}

/** A reply on its way out, drawn on the timeline like the stored message it will become. */
export function outgoingEvent(entry: Outgoing): TimelineEvent {
  const image = entry.image ?? (entry.preview ? previewImage(entry) : undefined);
  const details: ChatMessageDetails = { clientId: entry.clientId, ...(image ? { image } : {}) };
  return {
    id: `${PENDING}${entry.clientId}`,
    customerId: entry.customerId,
    kind: 'chat.message',
    channel: 'chat',
    author: { type: 'staff', id: entry.staffId, name: entry.staffName },
    body: entry.body,
    details,
    occurredAt: entry.createdAt,
    recordedAt: entry.createdAt,
    source: 'chat',
    sourceId: entry.clientId,
    caseId: null,
    internal: false,
  };
}

function previewImage(entry: Outgoing): ChatMessageDetails['image'] {
  return { id: '', url: entry.preview!, thumbUrl: entry.preview!, width: 0, height: 0, mime: '' };
}
