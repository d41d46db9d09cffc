import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { anInboxItem } from '../../testing/chat';
import { apiError, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { Realtime } from '../core/realtime';
import { InboxStore } from './inbox-store';


describe(InboxStore.name, () => {
  let store: InboxStore;
  let http: HttpTestingController;
  let realtime: FakeRealtime;

  beforeEach(() => {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [...testProviders(), InboxStore, { provide: Realtime, useValue: realtime }],
    });
    http = TestBed.inject(HttpTestingController);
    store = TestBed.inject(InboxStore);
  });

  afterEach(() => http.verify());

  function answer(view: 'waiting' | 'recent', items = [anInboxItem('a')], nextCursor: string | null = null): void {
    http
      .expectOne((r) => r.url === '/api/inbox' && r.params.get('view') === view && !r.params.has('cursor'))
      .flush({ items, nextCursor });
  }

  const ids = (rows: { rows: readonly { item: { customerId: string } }[] }) => rows.rows.map((r) => r.item.customerId);
  const since = (minute: number) => new Date(Date.UTC(2026, 10, 20, 2, minute)).toISOString();
  const waitingItem = (id: string, minute: number, lastId = String(100 + minute)) =>
    anInboxItem(id, {
      waitingSince: since(minute),
      lastMessage: { id: lastId, body: 'hi', hasImage: false, from: 'customer', at: since(minute) },
      lastCustomerMessageId: lastId,
    });
  const answeredItem = (id: string, minute: number) =>
    anInboxItem(id, {
      waitingSince: null,
      lastMessage: { id: String(200 + minute), body: '好的', hasImage: false, from: 'staff', at: since(minute) },
      lastCustomerMessageId: String(100 + minute),
      readUpTo: String(100 + minute),
    });

  it('should show both views loading, then as the server ordered them', () => {
    expect(store.waiting().load).toBe('loading');
    answer('waiting', [waitingItem('a', 1), waitingItem('b', 5)]);
    answer('recent', [answeredItem('c', 9), answeredItem('d', 3)]);
    expect(ids(store.waiting())).toEqual(['a', 'b']);
    expect(ids(store.recent())).toEqual(['c', 'd']);
  });

  it('should put a newly waiting customer in order, oldest first', () => {
    answer('waiting', [waitingItem('a', 1), waitingItem('b', 5)]);
    answer('recent', []);
    realtime.inboxChanged$.next(waitingItem('n', 3));
    expect(ids(store.waiting())).toEqual(['a', 'n', 'b']);
  });

  it('should move an answered conversation from waiting to the top of recent', () => {
    answer('waiting', [waitingItem('a', 1), waitingItem('b', 5)]);
    answer('recent', [answeredItem('c', 9)]);
    realtime.inboxChanged$.next(answeredItem('a', 12));
    expect(ids(store.waiting())).toEqual(['b']);
    expect(ids(store.recent())).toEqual(['a', 'c']);
  });

  it('should move a conversation back to waiting when the customer writes again', () => {
    answer('waiting', []);
    answer('recent', [answeredItem('c', 9), answeredItem('d', 3)]);
    realtime.inboxChanged$.next(waitingItem('d', 20));
    expect(ids(store.waiting())).toEqual(['d']);
    expect(ids(store.recent())).toEqual(['c']);
  });

  it('should leave a change past the loaded end for a later page', () => {
    answer('waiting', [waitingItem('a', 1), waitingItem('b', 5)], 'next');
    answer('recent', []);
    realtime.inboxChanged$.next(waitingItem('late', 30));
    expect(ids(store.waiting())).toEqual(['a', 'b']);
    store.loadMore('waiting');
    http
      .expectOne((r) => r.url === '/api/inbox' && r.params.get('cursor') === 'next')
      .flush({ items: [waitingItem('b', 5), waitingItem('late', 30)], nextCursor: null });
    expect(ids(store.waiting())).toEqual(['a', 'b', 'late']);
  });

  it('should mark a conversation unread when the customer wrote after what I read', () => {
    answer('waiting', [
      { ...waitingItem('a', 1, '101'), readUpTo: '101' },
      { ...waitingItem('b', 2, '102'), readUpTo: '90' },
    ]);
    answer('recent', []);
    expect(store.waiting().rows.map((r) => r.unread)).toEqual([false, true]);
  });

  it('should clear the unread marker when I read it on any device', () => {
    answer('waiting', [waitingItem('b', 2, '102')]);
    answer('recent', []);
    expect(store.waiting().rows[0].unread).toBe(true);
    realtime.inboxRead$.next({ customerId: 'b', readUpTo: '102' });
    expect(store.waiting().rows[0].unread).toBe(false);
  });

  it('should keep what I read across live changes, and mark it unread on a new customer message', () => {
    answer('waiting', [{ ...waitingItem('a', 1, '101'), readUpTo: '101' }]);
    answer('recent', []);
    realtime.inboxChanged$.next(answeredItem('a', 4)); // I answered: lastCustomerMessageId 104 > 101 read
    realtime.inboxRead$.next({ customerId: 'a', readUpTo: '204' });
    expect(store.recent().rows[0].unread).toBe(false);
    realtime.inboxChanged$.next(waitingItem('a', 8, '300'));
    expect(store.waiting().rows[0].unread).toBe(true);
  });

  it('should show an error with a retry when a view fails to load', () => {
    const { body, opts } = apiError(503, 'unavailable');
    http.expectOne((r) => r.params.get('view') === 'waiting').flush(body, opts);
    answer('recent', []);
    expect(store.waiting().load).toBe('error');
    store.load('waiting');
    expect(store.waiting().load).toBe('loading');
    answer('waiting', []);
    expect(store.waiting().load).toBe('ready');
  });

  it('should catch up with a fresh first page after a reconnect', () => {
    answer('waiting', [waitingItem('a', 1)]);
    answer('recent', []);
    realtime.reconnect();
    answer('waiting', [waitingItem('a', 1), waitingItem('z', 2)]);
    answer('recent', []);
    expect(ids(store.waiting())).toEqual(['a', 'z']);
  });

  const storeItem = (id: string, minute: number) =>
    anInboxItem(id, {
      channel: 'store',
      waitingSince: since(minute),
      lastMessage: { id: String(300 + minute), body: '请回电确认维修进度', hasImage: false, from: 'staff', at: since(minute) },
      lastCustomerMessageId: '0',
    });
  const handled = (id: string) => http.expectOne({ method: 'POST', url: `/api/inbox/${id}/handled` });

  it('should move a followed-up person out of waiting once the server agrees', () => {
    answer('waiting', [waitingItem('a', 1), storeItem('s', 3)]);
    answer('recent', [answeredItem('c', 2)]);
    store.markHandled('s');
    expect(store.waiting().rows.find((r) => r.item.customerId === 's')!.handling).toBe('sending');
    handled('s').flush(null, { status: 204, statusText: 'No Content' });
    expect(ids(store.waiting())).toEqual(['a']);
    expect(ids(store.recent())).toEqual(['s', 'c']);
    // The server's own word comes after: still once, still out of waiting.
    realtime.inboxChanged$.next({ ...storeItem('s', 3), waitingSince: null });
    expect(ids(store.waiting())).toEqual(['a']);
    expect(ids(store.recent())).toEqual(['s', 'c']);
  });

  it('should keep the person waiting with a retry when marking fails', () => {
    answer('waiting', [storeItem('s', 3)]);
    answer('recent', []);
    store.markHandled('s');
    const { body, opts } = apiError(503, 'unavailable');
    handled('s').flush(body, opts);
    expect(store.waiting().rows[0].handling).toBe('failed');
    store.markHandled('s');
    handled('s').flush(null, { status: 204, statusText: 'No Content' });
    expect(ids(store.waiting())).toEqual([]);
  });

  it('should leave someone who is waiting again to the server', () => {
    answer('waiting', [storeItem('s', 3)]);
    answer('recent', []);
    store.markHandled('s');
    realtime.inboxChanged$.next(waitingItem('s', 9)); // they wrote in the chat meanwhile
    handled('s').flush(null, { status: 204, statusText: 'No Content' });
    expect(ids(store.waiting())).toEqual(['s']);
  });

  it('should flag the row of a person whose reply from me did not get through, until something newer is said', () => {
    answer('waiting', [waitingItem('a', 1, '120')]);
    answer('recent', []);
    // To colleagues watching the customer (no name): no flag in my inbox.
    realtime.wechatDelivery$.next({ customerId: 'a', eventId: '130', delivery: { status: 'failed', reason: 'quota' } });
    expect(store.waiting().rows[0].undelivered).toBeNull();
    realtime.wechatDelivery$.next({ customerId: 'a', eventId: '130', delivery: { status: 'failed', reason: 'window_closed', errcode: 45015 }, customerName: '微信用户 3F2A', body: '可以的' });
    expect(store.waiting().rows[0].undelivered).toBe('可以的');
    // The same row again (the server's inbox.changed for the renewed wait): still flagged.
    realtime.inboxChanged$.next(waitingItem('a', 1, '130'));
    expect(store.waiting().rows[0].undelivered).toBe('可以的');
    // A newer message: the flag has done its job.
    realtime.inboxChanged$.next(waitingItem('a', 1, '140'));
    expect(store.waiting().rows[0].undelivered).toBeNull();
  });
});
