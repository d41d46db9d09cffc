import type { TimelineEvent } from '@hearth/contract';
import type { Customer } from '../app/desk/customer';

/** A timeline event as the server would send one; override what the test cares about. */
export function anEvent(id: number | string, overrides: Partial<TimelineEvent> = {}): TimelineEvent {
  return {
    id: String(id),
    customerId: 'c-1',
    kind: 'chat.message',
    channel: 'chat',
    author: { type: 'customer', id: null, name: '王芳' },
    body: `message ${id}`,
    details: null,
    occurredAt: new Date(Date.UTC(2026, 10, 1, 8, 0, Number(id) || 0)).toISOString(),
    recordedAt: new Date(Date.UTC(2026, 10, 1, 8, 0, Number(id) || 0)).toISOString(),
    source: 'test',
    sourceId: `src-${id}`,
    caseId: null,
    internal: false,
    ...overrides,
  };
}

export function aCustomer(overrides: Partial<Customer> = {}): Customer {
  return {
    id: 'c-1',
    displayName: '王芳',
    phone: '+8613900001111',
    notes: '',
    identities: [],
    lastEventAt: null,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

export { FakeRealtime } from './realtime';
