import type { TimelineEvent } from '../realtime/contract';
import { TimelineEventEntity } from './event.entity';

export function toTimelineEvent(e: TimelineEventEntity): TimelineEvent {
  return {
    id: String(e.id),
    customerId: e.customerId,
    kind: e.kind,
    channel: e.channel,
    author: { type: e.authorType, id: e.authorId, name: e.authorName },
    body: e.body,
    details: e.details,
    occurredAt: e.occurredAt.toISOString(),
    recordedAt: e.recordedAt.toISOString(),
    source: e.source,
    sourceId: e.sourceId,
    caseId: e.caseId,
    internal: e.internal,
    deskOnly: e.deskOnly,
  };
}
