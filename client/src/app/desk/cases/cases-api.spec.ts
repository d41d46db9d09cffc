import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { firstValueFrom } from 'rxjs';
import { testProviders } from '../../../testing/providers';
import { aCase, aCaseDetail, aGesture, anAllowance } from './cases-fixtures';
import { CasesApi, caseOrder } from './cases-api';

describe(CasesApi.name, () => {
  let api: CasesApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: testProviders() });
    api = TestBed.inject(CasesApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should read a customer’s cases and gestures', async () => {
    const cases = firstValueFrom(api.casesOf('c 1'));
    http.expectOne({ method: 'GET', url: '/api/customers/c%201/cases' }).flush({ cases: [aCase()] });
    expect(await cases).toEqual([aCase()]);
    const gestures = firstValueFrom(api.gesturesOf('c-1'));
    http.expectOne({ method: 'GET', url: '/api/customers/c-1/gestures' }).flush({ gestures: [aGesture()] });
    expect(await gestures).toEqual([aGesture()]);
  });

  it('should open a case with its client id and starting event', async () => {
    const created = firstValueFrom(api.create({ clientId: 'client-123', customerId: 'c-1', title: '屏幕碎了', fromEventId: '42' }));
    const req = http.expectOne({ method: 'POST', url: '/api/cases' });
    expect(req.request.body).toEqual({ clientId: 'client-123', customerId: 'c-1', title: '屏幕碎了', fromEventId: '42' });
    req.flush(aCaseDetail());
    expect((await created).id).toBe('case-1');
  });

  it('should change, attach, detach, reopen and resolve at the case’s own addresses', () => {
    api.update('case-1', { title: '新标题', themes: ['屏幕'] }).subscribe();
    expect(http.expectOne({ method: 'PATCH', url: '/api/cases/case-1' }).request.body).toEqual({ title: '新标题', themes: ['屏幕'] });
    api.attach('case-1', ['7', '9']).subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/cases/case-1/events' }).request.body).toEqual({ eventIds: ['7', '9'] });
    api.detach('case-1', '7').subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/cases/case-1/events/7' });
    api.reopen('case-1').subscribe();
    http.expectOne({ method: 'POST', url: '/api/cases/case-1/reopen' });
    api.resolve('case-1', { expectedVersion: 2, needed: 'a', did: 'b', felt: 'c' }).subscribe();
    expect(http.expectOne({ method: 'PUT', url: '/api/cases/case-1/resolution' }).request.body).toEqual({
      expectedVersion: 2,
      needed: 'a',
      did: 'b',
      felt: 'c',
    });
  });

  it('should say “I’m on it” with PUT and step back with DELETE', () => {
    api.setOnIt('case-1', true).subscribe();
    http.expectOne({ method: 'PUT', url: '/api/cases/case-1/on-it' });
    api.setOnIt('case-1', false).subscribe();
    http.expectOne({ method: 'DELETE', url: '/api/cases/case-1/on-it' });
  });

  it('should record and update gestures and read my allowance', async () => {
    api.createGesture({ clientId: 'client-123', customerId: 'c-1', kind: 'small_gift', note: '一盒茶', costCents: 4550, status: 'planned' }).subscribe();
    expect(http.expectOne({ method: 'POST', url: '/api/gestures' }).request.body.costCents).toBe(4550);
    api.updateGesture('g-1', { status: 'given' }).subscribe();
    expect(http.expectOne({ method: 'PATCH', url: '/api/gestures/g-1' }).request.body).toEqual({ status: 'given' });
    const allowance = firstValueFrom(api.allowance());
    http.expectOne({ method: 'GET', url: '/api/gestures/allowance' }).flush(anAllowance());
    expect((await allowance).leftCents).toBe(12000);
  });

  it('should order open cases first, then resolved ones, newest first', () => {
    const older = aCase({ id: 'a', openedAt: '2026-11-01T00:00:00.000Z' });
    const newer = aCase({ id: 'b', openedAt: '2026-11-05T00:00:00.000Z' });
    const resolved = aCase({ id: 'c', status: 'resolved', openedAt: '2026-11-09T00:00:00.000Z', resolvedAt: '2026-11-09T00:00:00.000Z' });
    expect([resolved, older, newer].sort(caseOrder).map((c) => c.id)).toEqual(['b', 'a', 'c']);
  });
});
