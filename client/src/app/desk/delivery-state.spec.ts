import { anEvent } from '../../testing/timeline';
import type { Outgoing } from './chat-outbox';
import { deliveryLabel, deliveryState, isPendingWechatReply, outgoingEvent } from './delivery-state';

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

describe('deliveryState for WeChat replies', () => {
  const wechatReply = (delivery: unknown) =>
    anEvent('30', { kind: 'wechat.message', channel: 'wechat', author: { type: 'staff', id: 's-1', name: '林晓' }, details: { msgType: 'text', clientId: 'c30', delivery } });

  it('should say sending while the reply waits in the outbox, and sent (not delivered: WeChat does not say) once WeChat took it', () => {
    expect(deliveryState(wechatReply({ status: 'pending' }), null, undefined)).toEqual({ kind: 'sending' });
    expect(deliveryState(wechatReply({ status: 'sent' }), { deliveredUpTo: '0', readUpTo: '0' }, undefined)).toEqual({ kind: 'sent' });
    expect(deliveryLabel(deliveryState(wechatReply({ status: 'sent' }), null, undefined))).toBe('chat.sent');
  });

  it('should tell stored WeChat replies still pending from settled ones and from replies not yet stored', () => {
    expect(isPendingWechatReply(wechatReply({ status: 'pending' }))).toBe(true);
    expect(isPendingWechatReply(wechatReply({ status: 'sent' }))).toBe(false);
    expect(isPendingWechatReply(wechatReply({ status: 'failed', reason: 'uncertain' }))).toBe(false);
    expect(isPendingWechatReply(anEvent('31', { kind: 'wechat.message', channel: 'wechat' }))).toBe(false);
  });

  it("should say undelivered with WeChat's reason and errcode", () => {
    expect(deliveryState(wechatReply({ status: 'failed', reason: 'window_closed', errcode: 45015 }), null, undefined)).toEqual({
      kind: 'undelivered',
      reason: 'window_closed',
      errcode: 45015,
    });
    expect(deliveryLabel(deliveryState(wechatReply({ status: 'failed', reason: 'quota' }), null, undefined))).toBeNull();
  });

  it("should leave the customer's own WeChat messages alone", () => {
    expect(deliveryState(anEvent('31', { kind: 'wechat.message', channel: 'wechat' }), null, undefined)).toBeNull();
  });
});
