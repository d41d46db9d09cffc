import type { EntityManager } from 'typeorm';
import type { InboxService } from '../chat/inbox.service';
import { rawSql } from '../database/raw-sql';
import type { StoreVisitDetails, TimelineEvent, VisitOutcome, VisitReason } from '../realtime/contract';
import type { TimelineService } from '../timeline/timeline.service';

const REASON_TEXT: Record<VisitReason, string> = { repair: '维修', return: '退换货', question: '咨询', purchase: '购买', pickup: '取货', other: '其他' };
const OUTCOME_TEXT: Record<VisitOutcome, string> = { solved: '当场解决', repair: '送修', follow_up: '需要回访', browsing: '随便看看' };

/**
 * Writes one visit inside the caller's transaction: the `store.visit` event (through the one door),
 * its row in the stores' diary index, and, for a follow-up, the person waiting in the inbox. The
 * caller publishes the event after commit. Used by the API and the demo seed alike.
 */
export async function appendVisit(
  m: EntityManager,
  deps: { timeline: TimelineService; inbox: InboxService },
  visit: { customerId: string; staff: { id: string; displayName: string }; details: StoreVisitDetails; occurredAt?: Date },
): Promise<{ event: TimelineEvent; created: boolean }> {
  const { details } = visit;
  const appended = await deps.timeline.appendWithin(m, {
    customerId: visit.customerId,
    kind: 'store.visit',
    channel: 'store',
    author: { type: 'staff', id: visit.staff.id, name: visit.staff.displayName },
    body: summary(details),
    details,
    occurredAt: visit.occurredAt,
    source: 'store.visit',
    sourceId: `${visit.staff.id}:${details.clientId}`,
  });
  if (appended.created) {
    await rawSql(m, 'INSERT INTO store_visits (event_id, store_id, customer_id, occurred_at) VALUES ($1, $2, $3, $4)', [
      Number(appended.event.id),
      details.storeId,
      visit.customerId,
      new Date(appended.event.occurredAt),
    ]);
    if (details.followUpNote) await deps.inbox.recordFollowUp(m, appended.event, details.followUpNote);
  }
  return appended;
}

/** Plain text of a visit, for search and for anywhere that shows only a body. */
function summary(d: StoreVisitDetails): string {
  const why = [...d.reasons.map((r) => REASON_TEXT[r]), d.reasonText].filter(Boolean).join('、');
  return [`${d.storeName}：${why}`, d.actions, OUTCOME_TEXT[d.outcome], d.followUpNote ? `回访：${d.followUpNote}` : ''].filter(Boolean).join('。');
}
