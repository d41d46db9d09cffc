import type { ChatMessageDetails, TimelineEvent, WeChatDelivery, WeChatFailureReason } from '@hearth/contract';
import type { MessageKey } from '../core/i18n';
import { compareIds } from './customer';
import type { Outgoing } from './chat-outbox';

/**
 * How far a staff reply got. Web chat: 发送中 → 已发送 (stored) → 已送达 → 已读, or failed (not
 * stored; retry). WeChat: stored and queued (发送中) → accepted by WeChat (已发送: WeChat does not
 * tell whether the customer received it), or undelivered with the reason (stays on the timeline;
 * nothing to retry from here).
 */
export type Delivery =
  | { readonly kind: 'sending' }
  | { readonly kind: 'failed'; readonly reason: string }
  | { readonly kind: 'undelivered'; readonly reason: WeChatFailureReason; readonly errcode: number | null }
  | { readonly kind: 'sent' | 'delivered' | 'read' };

/** Up to which event the customer's chat client has received / read the conversation. */
export interface Receipts {
  readonly deliveredUpTo: string;
  readonly readUpTo: string;
}

const PENDING = 'pending:';

const DELIVERY_LABELS: Readonly<Record<'sending' | 'sent' | 'delivered' | 'read', MessageKey>> = {
  sending: 'chat.sending',
  sent: 'chat.sent',
  delivered: 'chat.delivered',
  read: 'chat.read',
};

/** The words under a reply for how far it got; null when it failed (shown with its reason instead). */
export function deliveryLabel(delivery: Delivery | null): MessageKey | null {
  return delivery && delivery.kind !== 'failed' && delivery.kind !== 'undelivered' ? DELIVERY_LABELS[delivery.kind] : null;
}

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
  if (event.kind === 'wechat.message' && event.author.type === 'staff') return wechatDelivery(event);
  if (event.kind !== 'chat.message' || event.author.type !== 'staff') return null;
  if (isPendingId(event.id)) {
    return outgoing?.status === 'failed' ? { kind: 'failed', reason: outgoing.error ?? '' } : { kind: 'sending' };
  }
  if (receipts && receipts.readUpTo && compareIds(event.id, receipts.readUpTo) <= 0) return { kind: 'read' };
  if (receipts && receipts.deliveredUpTo && compareIds(event.id, receipts.deliveredUpTo) <= 0) return { kind: 'delivered' };
  return { kind: 'sent' };
}

/** A stored reply to WeChat: queued, accepted by WeChat (sent, not known to be received), or finally not delivered (with the reason). */
function wechatDelivery(event: TimelineEvent): Delivery {
  const delivery = event.details?.['delivery'] as Partial<WeChatDelivery> | undefined;
  if (delivery?.status === 'sent') return { kind: 'sent' };
  if (delivery?.status === 'failed') {
    return { kind: 'undelivered', reason: delivery.reason ?? 'rejected', errcode: typeof delivery.errcode === 'number' ? delivery.errcode : null };
  }
  return { kind: 'sending' };
}

/** A stored reply to WeChat whose outcome is not known yet (the server tells later). */
export function isPendingWechatReply(event: TimelineEvent): boolean {
  return event.kind === 'wechat.message' && event.author.type === 'staff' && !isPendingId(event.id) && wechatDelivery(event).kind === 'sending';
}

/**
 * A reply on its way out, drawn on the timeline like the stored message it will become (as a chat
 * message, with its retry; on the channel it goes out on, so a channel filter shows it).
 */
export function outgoingEvent(entry: Outgoing): TimelineEvent {
  const image = entry.image ?? (entry.preview ? previewImage(entry) : undefined);
  const details: ChatMessageDetails = { clientId: entry.clientId, ...(image ? { image } : {}) };
  return {
    id: `${PENDING}${entry.clientId}`,
    customerId: entry.customerId,
    kind: 'chat.message',
    channel: entry.via ?? 'chat',
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
