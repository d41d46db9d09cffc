import type { EntityManager } from 'typeorm';
import type { InboxService } from '../chat/inbox.service';
import type { TimelineEvent } from '../realtime/contract';
import type { TimelineService } from '../timeline/timeline.service';
import type { InboundMessage } from './wechat-inbound';

/**
 * Writes one message from WeChat inside the caller's transaction: the `wechat.message` event
 * (through the one door, idempotent on MsgId or sender + time) and, for a message rather than an
 * event such as subscribe, the conversation waiting for a reply. The caller publishes after
 * commit. Used by the callback and the demo seed alike.
 */
export async function appendWeChatMessage(
  m: EntityManager,
  deps: { timeline: TimelineService; inbox: InboxService },
  customerId: string,
  msg: InboundMessage,
): Promise<{ event: TimelineEvent; created: boolean }> {
  const appended = await deps.timeline.appendWithin(m, {
    customerId,
    kind: 'wechat.message',
    channel: 'wechat',
    author: { type: 'customer', id: msg.openId, name: null },
    body: msg.body,
    details: msg.details,
    occurredAt: msg.occurredAt,
    source: 'wechat',
    sourceId: msg.sourceId,
  });
  if (appended.created && msg.isMessage) await deps.inbox.recordMessage(m, appended.event, 'wechat');
  return appended;
}
