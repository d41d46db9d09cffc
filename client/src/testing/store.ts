import type { StoreVisitDetails, TimelineEvent, TodayVisits } from '@hearth/contract';
import { anEvent } from './timeline';

export const A_STORE = { id: 'store-sh', name: '上海静安店', city: '上海' } as const;

/** A `store.visit` event as the server would send one. */
export function aVisitEvent(id: number | string, details: Partial<StoreVisitDetails> = {}, overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  const full: StoreVisitDetails = {
    clientId: `client-${id}`,
    storeId: A_STORE.id,
    storeName: A_STORE.name,
    staffName: '王磊',
    reasons: ['repair'],
    reasonText: '',
    actions: '',
    outcome: 'solved',
    followUpNote: null,
    images: [],
    ...details,
  };
  return anEvent(id, {
    kind: 'store.visit',
    channel: 'store',
    author: { type: 'staff', id: 'staff-wang', name: full.staffName },
    body: `${full.storeName}：维修`,
    details: full,
    ...overrides,
  });
}

/** `GET /api/visits/today` with these visits (newest first). */
export function todayWith(...visits: { event: TimelineEvent; name: string }[]): TodayVisits {
  return {
    store: A_STORE,
    visits: visits.map(({ event, name }) => ({ event, customer: { id: event.customerId, displayName: name, phone: null } })),
  };
}
