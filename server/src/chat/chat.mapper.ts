import type { ChatImage, ChatMessage, InboxItem, TimelineEvent } from '../realtime/contract';
import type { Conversation } from './conversation.entity';

export function toChatMessage(event: TimelineEvent): ChatMessage {
  const details = (event.details ?? {}) as { clientId?: string; image?: ChatImage };
  return {
    id: event.id,
    clientId: details.clientId ?? '',
    from: event.author.type === 'customer' ? 'customer' : 'staff',
    staffName: event.author.type === 'customer' ? null : event.author.name,
    body: event.body,
    image: details.image ?? null,
    at: event.occurredAt,
  };
}

export function toInboxItem(
  c: Conversation,
  displayName: string,
  suggested: { id: string; displayName: string } | null,
): Omit<InboxItem, 'readUpTo'> {
  return {
    customerId: c.customerId,
    displayName,
    channel: c.channel,
    waitingSince: c.waitingSince ? c.waitingSince.toISOString() : null,
    lastMessage: {
      id: String(c.lastMessageId),
      body: c.lastMessagePreview,
      hasImage: c.lastMessageHasImage,
      from: c.lastFrom,
      at: c.lastMessageAt.toISOString(),
    },
    lastCustomerMessageId: String(c.lastCustomerMessageId),
    suggestedCustomer: suggested,
  };
}

/** The first line of a message, short enough for an inbox row. */
export function previewOf(body: string): string {
  const line = body.trim().split('\n')[0] ?? '';
  return [...line].length > 120 ? `${[...line].slice(0, 119).join('')}…` : line;
}
