import { anEvent } from '../../testing/timeline';
import type { Outgoing } from './chat-outbox';
import { deliveryState, outgoingEvent } from './delivery-state';

const staffReply = (id: string) => anEvent(id, { author: { type: 'staff', id: 's-1', name: '林晓' }, details: { clientId: `c${id}` } });
const outgoing = (overrides: Partial<Outgoing> = {}): Outgoing => ({
  clientId: 'client-1',
  customerId: 'c-1',
  staffId: 's-1',
  staffName: '林晓',
  body: '您好',
  image: null,
  preview: null,
  status: 'sending',
  error: null,
  createdAt: '2026-11-20T08:00:00.000Z',
  ...overrides,
});

describe('deliveryState', () => {
  it('should say sent for a stored reply the customer has not received yet', () => {
    expect(deliveryState(staffReply('12'), { deliveredUpTo: '11', readUpTo: '0' }, undefined)).toEqual({ kind: 'sent' });
  });

  it('should say delivered once the receipt reaches the reply', () => {
    expect(deliveryState(staffReply('12'), { deliveredUpTo: '12', readUpTo: '9' }, undefined)).toEqual({ kind: 'delivered' });
    expect(deliveryState(staffReply('12'), { deliveredUpTo: '40', readUpTo: '9' }, undefined)).toEqual({ kind: 'delivered' });
  });

  it('should say read once the read receipt reaches it, comparing ids as numbers', () => {
    expect(deliveryState(staffReply('12'), { deliveredUpTo: '100', readUpTo: '100' }, undefined)).toEqual({ kind: 'read' });
    // '9' < '12' as ids, though not as text
    expect(deliveryState(staffReply('12'), { deliveredUpTo: '12', readUpTo: '9' }, undefined)?.kind).toBe('delivered');
  });

  it('should say sent when no receipts are known', () => {
    expect(deliveryState(staffReply('12'), null, undefined)).toEqual({ kind: 'sent' });
  });

  it('should say sending for a reply not yet acknowledged, and failed with the reason', () => {
    expect(deliveryState(outgoingEvent(outgoing()), null, outgoing())).toEqual({ kind: 'sending' });
    expect(deliveryState(outgoingEvent(outgoing()), null, outgoing({ status: 'waiting' }))).toEqual({ kind: 'sending' });
    const failed = outgoing({ status: 'failed', error: 'Too long' });
    expect(deliveryState(outgoingEvent(failed), null, failed)).toEqual({ kind: 'failed', reason: 'Too long' });
  });

  it('should have nothing to say about customer messages or other kinds', () => {
    expect(deliveryState(anEvent('5'), { deliveredUpTo: '9', readUpTo: '9' }, undefined)).toBeNull();
    expect(deliveryState(anEvent('5', { kind: 'note', author: { type: 'staff', id: 's-1', name: '林晓' } }), null, undefined)).toBeNull();
  });
});
