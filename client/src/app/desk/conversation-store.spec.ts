import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { aConversation } from '../../testing/chat';
import { signInAs, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aStaff } from '../../testing/staff';
import { Realtime } from '../core/realtime';
import { ConversationStore, TYPING_FADE_MS } from './conversation-store';

describe(ConversationStore.name, () => {
  let realtime: FakeRealtime;
  let store: ConversationStore;
  let http: HttpTestingController;

  beforeEach(async () => {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [...testProviders(), ConversationStore, { provide: Realtime, useValue: realtime }],
    });
    await signInAs(aStaff({ id: 'me' }));
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(ConversationStore);
  });

  function open(conversation = aConversation()): void {
    store.open('c-1');
    http.expectOne('/api/customers/c-1/conversation').flush(conversation);
  }

  it('should offer a reply box only when replies can go out by chat', () => {
    open(aConversation({ replyChannel: null }));
    expect(store.canReply()).toBe(false);
    store.reload();
    http.expectOne('/api/customers/c-1/conversation').flush(aConversation());
    expect(store.canReply()).toBe(true);
  });

  it('should move receipts forward from chat.read, never back', () => {
    open(aConversation({ deliveredUpTo: '10', readUpTo: '8' }));
    realtime.chatRead$.next({ customerId: 'c-1', deliveredUpTo: '12', readUpTo: '12' });
    expect(store.receipts()).toEqual({ deliveredUpTo: '12', readUpTo: '12' });
    realtime.chatRead$.next({ customerId: 'c-1', deliveredUpTo: '9', readUpTo: '9' });
    realtime.chatRead$.next({ customerId: 'c-2', deliveredUpTo: '99', readUpTo: '99' });
    expect(store.receipts()).toEqual({ deliveredUpTo: '12', readUpTo: '12' });
  });

  it('should mark read for me only when there is something newer', async () => {
    open();
    store.markRead('20');
    store.markRead('20');
    store.markRead('19');
    store.markRead('100');
    expect(realtime.reads).toEqual([
      { customerId: 'c-1', upToId: '20' },
      { customerId: 'c-1', upToId: '100' },
    ]);
  });

  it('should load the state again after a reconnect', () => {
    open(aConversation({ visitorOnline: false }));
    realtime.reconnect();
    http.expectOne('/api/customers/c-1/conversation').flush(aConversation({ visitorOnline: true }));
    expect(store.visitorOnline()).toBe(true);
  });

  it('should let a typing signal fade when its "stopped" never comes', () => {
    open();
    jest.useFakeTimers();
    try {
      realtime.chatTyping$.next({ customerId: 'c-1', by: { type: 'staff', id: 's-3', name: '林晓' }, typing: true });
      realtime.chatTyping$.next({ customerId: 'c-1', by: { type: 'customer' }, typing: true });
      expect(store.typingStaff()).toEqual([{ id: 's-3', name: '林晓' }]);
      jest.advanceTimersByTime(TYPING_FADE_MS);
      expect(store.typingStaff()).toEqual([]);
      expect(store.isCustomerTyping()).toBe(false);
    } finally {
      jest.useRealTimers();
    }
  });
});
