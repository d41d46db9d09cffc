import { FakeRealtime } from '../../../testing/realtime';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { testProviders } from '../../../testing/providers';
import { anEvent } from '../../../testing/timeline';
import { Realtime } from '../../core/realtime';
import { TimelineStore } from '../timeline-store';
import { CaseStore } from './case-store';
import { aCase, aCaseDetail, aGesture } from './cases-fixtures';

describe(CaseStore.name, () => {
  let store: CaseStore;
  let timeline: TimelineStore;
  let http: HttpTestingController;
  let realtime: FakeRealtime;

  beforeEach(() => {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [...testProviders(), TimelineStore, CaseStore, { provide: Realtime, useValue: realtime }],
    });
    http = TestBed.inject(HttpTestingController);
    timeline = TestBed.inject(TimelineStore);
    store = TestBed.inject(CaseStore);
    timeline.open('c-1');
    http.expectOne((r) => r.url === '/api/customers/c-1/timeline').flush({ events: [anEvent(3), anEvent(2)], nextCursor: null });
    store.open('c-1');
    http.expectOne('/api/customers/c-1/cases').flush({ cases: [aCase({ eventIds: ['2'] })] });
    http.expectOne('/api/customers/c-1/gestures').flush({ gestures: [] });
  });

  afterEach(() => http.verify());

  const caseIds = () => timeline.events().map((e) => e.caseId);

  it('should mark the timeline’s events with their cases once loaded', () => {
    expect(store.state()).toBe('ready');
    expect(caseIds()).toEqual([null, 'case-1']);
    expect(store.titles().get('case-1')).toBe('屏幕碎了');
  });

  it('should follow case.changed: the list and the chips on the timeline', () => {
    realtime.caseChanged$.next(aCase({ eventIds: ['3'], title: '屏幕碎了（两块）' }));
    expect(caseIds()).toEqual(['case-1', null]);
    expect(store.cases().map((c) => c.title)).toEqual(['屏幕碎了（两块）']);
    realtime.caseChanged$.next(aCase({ id: 'case-x', customerId: 'c-2' }));
    expect(store.cases()).toHaveLength(1);
  });

  it('should take our own answers without waiting for the socket', () => {
    store.apply(
      aCaseDetail({ id: 'case-2', title: '退货', openedAt: '2026-11-05T08:00:00.000Z', eventIds: ['3'], gestures: [aGesture({ caseId: 'case-2' })] }),
    );
    expect(store.openCases().map((c) => c.id)).toEqual(['case-2', 'case-1']);
    expect(caseIds()).toEqual(['case-2', 'case-1']);
    expect(store.gestures().map((g) => g.id)).toEqual(['g-1']);
  });

  it('should follow gesture.changed, newest first, once each', () => {
    realtime.gestureChanged$.next(aGesture({ id: 'g-1', createdAt: '2026-11-01T09:00:00.000Z' }));
    realtime.gestureChanged$.next(aGesture({ id: 'g-2', createdAt: '2026-11-02T09:00:00.000Z' }));
    realtime.gestureChanged$.next(aGesture({ id: 'g-1', status: 'given', createdAt: '2026-11-01T09:00:00.000Z' }));
    expect(store.gestures().map((g) => `${g.id}:${g.status}`)).toEqual(['g-2:planned', 'g-1:given']);
  });

  it('should read the lists again after a reconnect', () => {
    realtime.reconnect();
    http.expectOne('/api/customers/c-1/cases').flush({ cases: [] });
    http.expectOne('/api/customers/c-1/gestures').flush({ gestures: [] });
    // The timeline re-watches on reconnect too; nothing else is asked.
    expect(store.cases()).toEqual([]);
  });
});
