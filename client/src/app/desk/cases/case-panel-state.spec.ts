import { FakeRealtime } from '../../../testing/realtime';
import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { apiError, signInAs, testProviders } from '../../../testing/providers';
import { aStaff } from '../../../testing/staff';
import { anEvent } from '../../../testing/timeline';
import { Realtime } from '../../core/realtime';
import { CasePanelState, isCaseOwnEvent } from './case-panel-state';
import { aCase, aCaseDetail, aGesture } from './cases-fixtures';

describe(CasePanelState.name, () => {
  let state: CasePanelState;
  let http: HttpTestingController;
  let realtime: FakeRealtime;

  beforeEach(async () => {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [...testProviders(), CasePanelState, { provide: Realtime, useValue: realtime }],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(aStaff({ id: 'me', displayName: '林晓' }));
    state = TestBed.inject(CasePanelState);
    state.load('case-1');
    http.expectOne('/api/cases/case-1').flush(aCaseDetail({ eventIds: ['5'], events: [anEvent(5)] }));
  });

  afterEach(() => http.verify());

  it('should load the case in full', () => {
    expect(state.state()).toBe('ready');
    expect(state.detail()!.events.map((e) => e.id)).toEqual(['5']);
  });

  it('should say “I’m on it” and step back, pressed only while I am on it', () => {
    expect(state.onIt()).toBe(false);
    state.setOnIt(true);
    expect(state.busy()).toBe(true);
    http.expectOne({ method: 'PUT', url: '/api/cases/case-1/on-it' }).flush(aCaseDetail({ onIt: [{ id: 'me', name: '林晓' }] }));
    expect(state.onIt()).toBe(true);
    expect(state.busy()).toBe(false);
    state.setOnIt(false);
    http.expectOne({ method: 'DELETE', url: '/api/cases/case-1/on-it' }).flush(aCaseDetail({ onIt: [] }));
    expect(state.onIt()).toBe(false);
  });

  it('should attach and detach events', () => {
    state.attach(['9']);
    http
      .expectOne({ method: 'POST', url: '/api/cases/case-1/events' })
      .flush(aCaseDetail({ eventIds: ['5', '9'], events: [anEvent(5), anEvent(9)] }));
    expect(state.detail()!.events.map((e) => e.id)).toEqual(['5', '9']);
    state.detach('5');
    http.expectOne({ method: 'DELETE', url: '/api/cases/case-1/events/5' }).flush(aCaseDetail({ eventIds: ['9'], events: [anEvent(9)] }));
    expect(state.detail()!.eventIds).toEqual(['9']);
  });

  it('should say why a change failed, in the reader’s language', () => {
    state.attach(['9']);
    const { body, opts } = apiError(409, 'case.event_in_other_case', 'That event already belongs to the case “退货”.');
    http.expectOne({ method: 'POST', url: '/api/cases/case-1/events' }).flush({ ...body, otherCaseTitle: '退货' }, opts);
    expect(state.error()).toContain('这条记录已经在案例「退货」里了');
    expect(state.detail()!.eventIds).toEqual(['5']);
  });

  it('should show a colleague’s change at once, then read the case again', () => {
    realtime.caseChanged$.next(aCase({ title: '屏幕碎了（两块）', onIt: [{ id: 's-2', name: '王磊' }], eventIds: [] }));
    expect(state.detail()!.title).toBe('屏幕碎了（两块）');
    expect(state.detail()!.onIt.map((s) => s.name)).toEqual(['王磊']);
    // A detached event leaves the list at once.
    expect(state.detail()!.events).toEqual([]);
    http.expectOne('/api/cases/case-1').flush(aCaseDetail({ title: '屏幕碎了（两块）', status: 'resolved' }));
    expect(state.detail()!.status).toBe('resolved');
  });

  it('should keep refreshing after a read fails', () => {
    realtime.caseChanged$.next(aCase({ title: '屏幕碎了（两块）' }));
    http.expectOne('/api/cases/case-1').flush(null, { status: 0, statusText: 'Network error' });
    expect(state.detail()!.title).toBe('屏幕碎了（两块）');

    realtime.caseChanged$.next(aCase({ title: '屏幕碎了（三块）' }));
    http.expectOne('/api/cases/case-1').flush(aCaseDetail({ title: '屏幕碎了（三块）', status: 'resolved' }));
    expect(state.detail()!.status).toBe('resolved');
  });

  it('should read the case again after the socket reconnects', () => {
    realtime.connect$.next();
    http.expectOne('/api/cases/case-1').flush(aCaseDetail({ status: 'resolved' }));
    expect(state.detail()!.status).toBe('resolved');
  });

  it('should try loading again after reconnecting when the first load failed', () => {
    state.load('case-2');
    http.expectOne('/api/cases/case-2').flush(null, { status: 0, statusText: 'Network error' });
    expect(state.state()).toBe('error');
    realtime.connect$.next();
    http.expectOne('/api/cases/case-2').flush(aCaseDetail({ id: 'case-2' }));
    expect(state.state()).toBe('ready');
  });

  it('should ignore other cases’ changes', () => {
    realtime.caseChanged$.next(aCase({ id: 'case-2', title: '别的' }));
    http.expectNone('/api/cases/case-2');
    expect(state.detail()!.title).toBe('屏幕碎了');
  });

  it('should follow this case’s gestures live', () => {
    realtime.gestureChanged$.next(aGesture({ id: 'g-1', caseId: 'case-1' }));
    realtime.gestureChanged$.next(aGesture({ id: 'g-9', caseId: null }));
    expect(state.detail()!.gestures.map((g) => g.id)).toEqual(['g-1']);
    realtime.gestureChanged$.next(aGesture({ id: 'g-1', caseId: 'case-1', status: 'given' }));
    expect(state.detail()!.gestures).toEqual([expect.objectContaining({ id: 'g-1', status: 'given' })]);
  });

  it('should keep the case’s own events attached', () => {
    expect(isCaseOwnEvent(anEvent(1, { kind: 'case.opened' }), 'case-1')).toBe(true);
    expect(isCaseOwnEvent(anEvent(1, { kind: 'gesture', details: { caseId: 'case-1' } }), 'case-1')).toBe(true);
    expect(isCaseOwnEvent(anEvent(1, { kind: 'gesture', details: { caseId: null } }), 'case-1')).toBe(false);
    expect(isCaseOwnEvent(anEvent(1, { kind: 'store.visit' }), 'case-1')).toBe(false);
  });
});
