import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { Realtime } from '../core/realtime';
import { apiError, signInAs, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import { ChatOutbox } from './chat-outbox';
import { FakeRealtime, anEvent } from '../../testing/timeline';
import { TimelineStore } from './timeline-store';

const flushMicrotasks = () => new Promise((resolve) => setTimeout(resolve));

describe(TimelineStore.name, () => {
  let store: TimelineStore;
  let http: HttpTestingController;
  let realtime: FakeRealtime;

  beforeEach(() => {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [...testProviders(), TimelineStore, { provide: Realtime, useValue: realtime }],
    });
    store = TestBed.inject(TimelineStore);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  function openWith(events = [anEvent(3), anEvent(2), anEvent(1)], nextCursor: string | null = null): void {
    store.open('c-1');
    http.expectOne((r) => r.url === '/api/customers/c-1/timeline').flush({ events, nextCursor });
  }

  const ids = () => store.events().map((e) => e.id);

  it('should watch from the highest id it has loaded', () => {
    openWith();
    expect(realtime.watches).toEqual([expect.objectContaining({ customerId: 'c-1', afterId: '3' })]);
  });

  it('should merge missed and live events once each, newest first', async () => {
    openWith();
    realtime.watches[0].resolve([anEvent(4), anEvent(5)]);
    await flushMicrotasks();
    realtime.timelineEvent$.next(anEvent(5)); // already received as missed
    realtime.timelineEvent$.next(anEvent(6));
    realtime.timelineEvent$.next(anEvent(3)); // already loaded
    expect(ids()).toEqual(['6', '5', '4', '3', '2', '1']);
  });

  it('should re-watch after a reconnect from the latest id seen', async () => {
    openWith();
    realtime.timelineEvent$.next(anEvent(10));
    realtime.connect$.next();
    expect(realtime.watches[1].afterId).toBe('10');
  });

  it('should ignore events of other customers', () => {
    openWith();
    realtime.timelineEvent$.next(anEvent(9, { customerId: 'c-2' }));
    expect(ids()).toEqual(['3', '2', '1']);
  });

  it('should load older pages with the cursor and stop at the end', () => {
    openWith([anEvent(3)], 'cursor-1');
    expect(store.complete()).toBe(false);
    store.loadMore();
    store.loadMore(); // one request at a time
    const req = http.expectOne((r) => r.url === '/api/customers/c-1/timeline' && r.params.get('before') === 'cursor-1');
    req.flush({ events: [anEvent(2), anEvent(1)], nextCursor: null });
    expect(ids()).toEqual(['3', '2', '1']);
    expect(store.complete()).toBe(true);
    store.loadMore();
    http.expectNone('/api/customers/c-1/timeline');
  });

  it('should filter by channel on the server and live events on the client', () => {
    openWith();
    store.setChannel('wechat');
    const req = http.expectOne((r) => r.url === '/api/customers/c-1/timeline');
    expect(req.request.params.get('channels')).toBe('wechat');
    req.flush({ events: [anEvent(2, { channel: 'wechat', kind: 'wechat.message' })], nextCursor: null });
    realtime.timelineEvent$.next(anEvent(7, { channel: 'chat' }));
    realtime.timelineEvent$.next(anEvent(8, { channel: 'wechat', kind: 'wechat.message' }));
    expect(ids()).toEqual(['8', '2']);
  });

  it('should show a note as pending, then replace it with the saved event', () => {
    openWith();
    let saved = false;
    store.addNote('Called back', 'client-1').subscribe(() => (saved = true));
    expect(ids()[0]).toBe('pending:client-1');
    expect(store.pendingIds().has('pending:client-1')).toBe(true);
    const req = http.expectOne('/api/customers/c-1/notes');
    expect(req.request.body).toEqual({ body: 'Called back', clientId: 'client-1' });
    req.flush({ event: anEvent(11, { kind: 'note', channel: 'desk', body: 'Called back' }) }, { status: 201, statusText: 'Created' });
    expect(saved).toBe(true);
    expect(ids()).toEqual(['11', '3', '2', '1']);
    expect(store.pendingIds().size).toBe(0);
  });

  it('should show a note once when the socket brings it back before the POST answers', () => {
    openWith();
    store.addNote('Called back', 'client-1').subscribe();
    realtime.timelineEvent$.next(anEvent(11, { kind: 'note', channel: 'desk', sourceId: 'staff-1:client-1' }));
    expect(ids()).toEqual(['11', '3', '2', '1']);
    http.expectOne('/api/customers/c-1/notes').flush({ event: anEvent(11, { kind: 'note', channel: 'desk', sourceId: 'staff-1:client-1' }) });
    expect(ids()).toEqual(['11', '3', '2', '1']);
  });

  it('should drop the pending note when saving fails', () => {
    openWith();
    store.addNote('Called back', 'client-1').subscribe({ error: () => undefined });
    const { body, opts } = apiError(500, 'internal');
    http.expectOne('/api/customers/c-1/notes').flush(body, opts);
    expect(ids()).toEqual(['3', '2', '1']);
  });

  it('should unwatch the customer when left', () => {
    openWith();
    TestBed.resetTestingModule();
    expect(realtime.unwatched).toEqual(['c-1']);
  });

  it('should reload the newest page instead of catching up when too much was missed', async () => {
    openWith();
    realtime.watches[0].resolve([anEvent(4)], true);
    await flushMicrotasks();
    const req = http.expectOne((r) => r.url === '/api/customers/c-1/timeline' && !r.params.has('before'));
    req.flush({ events: [anEvent(900), anEvent(899)], nextCursor: 'older' });
    expect(ids()).toEqual(['900', '899']);
    expect(realtime.watches[1].afterId).toBe('900');
  });

  it('should know the newest event id, whatever the filter', () => {
    openWith();
    realtime.timelineEvent$.next(anEvent(12, { channel: 'store', kind: 'store.visit' }));
    expect(store.newestId()).toBe('12');
  });
  it('should mark the events a case holds and unmark the ones it let go', () => {
    openWith([anEvent(3), anEvent(2, { caseId: 'case-1' }), anEvent(1, { caseId: 'case-2' })]);
    const summary = {
      id: 'case-1',
      customerId: 'c-1',
      title: '屏幕碎了',
      status: 'open' as const,
      themes: [],
      openedBy: { id: 's-1', name: '林晓' },
      openedAt: '2026-11-01T08:00:00.000Z',
      resolvedAt: null,
      onIt: [],
      eventIds: ['3'],
    };
    const before = store.events();
    store.applyCase(summary);
    expect(store.events().map((e) => e.caseId)).toEqual(['case-1', null, 'case-2']);
    // Nothing changed: the same list (no needless re-render).
    const after = store.events();
    store.applyCase(summary);
    expect(store.events()).toBe(after);
    expect(after).not.toBe(before);
  });

  it('should show a WeChat reply on its way out under the 微信 filter, and not under 聊天', async () => {
    sessionStorage.clear();
    await signInAs(aStaff({ id: 'staff-me', displayName: '林晓' }));
    openWith();
    TestBed.inject(ChatOutbox).send('c-1', '您好，微信', 'wechat');
    expect(store.events()[0]).toMatchObject({ id: expect.stringMatching(/^pending:/), channel: 'wechat', body: '您好，微信' });
    store.setChannel('wechat');
    http.expectOne((r) => r.url === '/api/customers/c-1/timeline').flush({ events: [], nextCursor: null });
    expect(ids()).toEqual([expect.stringMatching(/^pending:/)]);
    store.setChannel('chat');
    http.expectOne((r) => r.url === '/api/customers/c-1/timeline').flush({ events: [], nextCursor: null });
    expect(ids()).toEqual([]);
    sessionStorage.clear();
  });

  it('should read WeChat replies still shown as pending again after a reconnect, and replace only those', () => {
    const reply = (id: number, status: string) =>
      anEvent(id, { kind: 'wechat.message', channel: 'wechat', author: { type: 'staff', id: 's', name: '林晓' }, details: { msgType: 'text', delivery: { status } } });
    openWith([reply(3, 'pending'), reply(2, 'sent'), anEvent(1)]);
    realtime.connect$.next();
    const req = http.expectOne((r) => r.url === '/api/customers/c-1/timeline');
    expect(req.request.params.get('channels')).toBe('wechat');
    req.flush({ events: [reply(3, 'failed'), reply(2, 'failed'), reply(9, 'sent')], nextCursor: null });
    const delivery = (id: string) => (store.events().find((e) => e.id === id)?.details as { delivery?: { status: string } } | null)?.delivery?.status;
    expect([delivery('3'), delivery('2')]).toEqual(['failed', 'sent']);
    expect(ids()).toEqual(['3', '2', '1']);
    // Nothing pending: nothing to read again.
    realtime.connect$.next();
    http.expectNone((r) => r.url === '/api/customers/c-1/timeline');
  });
});
