import type { EntityManager } from 'typeorm';
import type { ChatImage, TimelineEvent } from '../realtime/contract';
import type { TimelineService } from '../timeline/timeline.service';
import type { InboxService } from './inbox.service';

export type ChatMessageInput = {
  customerId: string;
  author: { type: 'customer' | 'staff'; id: string; name: string | null };
  sourceId: string;
  clientId: string;
  body: string;
  image: ChatImage | null;
  occurredAt?: Date;
};

/**
 * Writes one web-chat message inside the caller's transaction: the `chat.message` event (through
 * the one door, idempotent on its source id) and the conversation it moves on. The caller
 * publishes after commit. Used by the chat service and the demo seed alike.
 */
export async function appendChatMessage(
  m: EntityManager,
  deps: { timeline: TimelineService; inbox: InboxService },
  msg: ChatMessageInput,
): Promise<{ event: TimelineEvent; created: boolean }> {
  const appended = await deps.timeline.appendWithin(m, {
    customerId: msg.customerId,
    kind: 'chat.message',
    channel: 'chat',
    author: msg.author,
    body: msg.body,
    details: msg.image ? { clientId: msg.clientId, image: msg.image } : { clientId: msg.clientId },
    occurredAt: msg.occurredAt,
    source: 'chat',
    sourceId: msg.sourceId,
  });
  if (appended.created) await deps.inbox.recordMessage(m, appended.event, 'chat');
  return appended;
}
