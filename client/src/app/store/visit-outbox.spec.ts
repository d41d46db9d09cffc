import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { NewVisit } from '@hearth/contract';
import { apiError, signInAs, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aStaff } from '../../testing/staff';
import { aVisitEvent } from '../../testing/store';
import { Auth } from '../core/auth';
import { Realtime } from '../core/realtime';
import type { Staff } from '../core/staff';
import { VISITS_KEY_PREFIX, VisitOutbox } from './visit-outbox';

const customer = { id: 'c-1', displayName: '王芳', phone: '+8613812345678' };

describe(VisitOutbox.name, () => {
  let http: HttpTestingController;
  let realtime: FakeRealtime;
  const wang = aStaff({ role: 'store', displayName: '王磊', storeId: 'store-sh', storeName: '上海静安店' });

  /** A fresh app over the same localStorage, as after a page reload. */
  async function start(staff: Staff = wang): Promise<VisitOutbox> {
    TestBed.resetTestingModule();
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideRouter([]), { provide: Realtime, useValue: realtime }],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(staff);
    return TestBed.inject(VisitOutbox);
  }

  function fill(outbox: VisitOutbox): void {
    outbox.update({ customer });
    outbox.update({ reasons: ['repair'], actions: '换了屏幕', outcome: 'solved' });
  }

  const visitPost = (): TestRequest => http.expectOne({ method: 'POST', url: '/api/visits' });
  const offline = (req: TestRequest) => req.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  it('should keep the form on this device as it is typed', async () => {
    const outbox = await start();
    fill(outbox);
    const stored = JSON.parse(localStorage.getItem(VISITS_KEY_PREFIX + wang.id)!);
    expect(stored.draft).toMatchObject({ clientId: outbox.draft().clientId, customer, actions: '换了屏幕' });
  });

  it('should send the visit, confirm it, and start a fresh form with a new clientId', async () => {
    const outbox = await start();
    fill(outbox);
    const clientId = outbox.draft().clientId;
    const saved: string[] = [];
    outbox.saved$.subscribe((event) => saved.push(event.id));

    const submitted = outbox.submit();
    const req = visitPost();
    expect(req.request.body).toEqual<NewVisit>({
      clientId,
      customerId: 'c-1',
      reasons: ['repair'],
      actions: '换了屏幕',
      outcome: 'solved',
      imageIds: [],
    });
    expect(outbox.sending()).toBe(true);
    req.flush({ event: aVisitEvent(41) }, { status: 201, statusText: 'Created' });
    await submitted;

    expect(saved).toEqual(['41']);
    expect(outbox.savedFor()).toBe('王芳');
    expect(outbox.blank()).toBe(true);
    expect(outbox.draft().clientId).not.toBe(clientId);
    expect(outbox.queue()).toEqual([]);
  });

  it('should keep a visit the server could not receive and resend it with the same clientId once back online', async () => {
    const outbox = await start();
    fill(outbox);
    const clientId = outbox.draft().clientId;
    const submitted = outbox.submit();
    offline(visitPost());
    await submitted;

    expect(outbox.queue()).toEqual([expect.objectContaining({ status: 'waiting' })]);
    expect(outbox.blank()).toBe(true);
    expect(outbox.savedFor()).toBeNull();

    window.dispatchEvent(new Event('online'));
    const resend = visitPost();
    expect(resend.request.body.clientId).toBe(clientId);
    resend.flush({ event: aVisitEvent(42) });
    await Promise.resolve();
    expect(outbox.queue()).toEqual([]);
    expect(outbox.savedFor()).toBe('王芳');
  });

  it('should resend a kept visit on the next load, with the same clientId', async () => {
    let outbox = await start();
    fill(outbox);
    const clientId = outbox.draft().clientId;
    const submitted = outbox.submit();
    offline(visitPost());
    await submitted;

    outbox = await start();
    const resend = visitPost();
    expect(resend.request.body.clientId).toBe(clientId);
    resend.flush({ event: aVisitEvent(43) });
    await Promise.resolve();
    expect(outbox.queue()).toEqual([]);
  });

  it('should resend when the socket reaches the server again', async () => {
    const outbox = await start();
    fill(outbox);
    const submitted = outbox.submit();
    visitPost().flush(apiError(503, 'unavailable').body, apiError(503, 'unavailable').opts);
    await submitted;
    expect(outbox.queue()).toHaveLength(1);

    realtime.connect$.next();
    visitPost().flush({ event: aVisitEvent(44) });
    await Promise.resolve();
    expect(outbox.queue()).toEqual([]);
  });

  it('should stop on a validation answer, keep the form, and say why', async () => {
    const outbox = await start();
    fill(outbox);
    const clientId = outbox.draft().clientId;
    const submitted = outbox.submit();
    const { body, opts } = apiError(400, 'visit.image_not_found', 'A photo was not uploaded here. Add it again.');
    visitPost().flush(body, opts);
    await submitted;

    expect(outbox.error()).toBe('有张照片不在服务器上了，请移除后重新添加');
    expect(outbox.draft()).toMatchObject({ clientId, customer });
    expect(outbox.queue()).toEqual([]);
    window.dispatchEvent(new Event('online'));
    http.expectNone('/api/visits');
  });

  it('should mark a kept visit refused when its resend is refused, and stop retrying it', async () => {
    const outbox = await start();
    fill(outbox);
    const submitted = outbox.submit();
    offline(visitPost());
    await submitted;

    window.dispatchEvent(new Event('online'));
    const { body, opts } = apiError(404, 'not_found', 'Customer was not found.');
    visitPost().flush(body, opts);
    await Promise.resolve();
    expect(outbox.queue()).toEqual([expect.objectContaining({ status: 'refused', error: '找不到这位顾客了，可能已被合并，请重新查找' })]);

    window.dispatchEvent(new Event('online'));
    http.expectNone('/api/visits');
    expect(outbox.reopen(outbox.queue()[0].draft.clientId)).toBe(true);
    expect(outbox.draft().customer).toEqual(customer);
    expect(outbox.error()).toBe('找不到这位顾客了，可能已被合并，请重新查找');
  });

  it("should keep another tab's kept visits when this tab queues and settles its own", async () => {
    const a = await start();
    const b = TestBed.runInInjectionContext(() => new VisitOutbox());
    const key = VISITS_KEY_PREFIX + wang.id;
    const ids = (outbox: VisitOutbox) => outbox.queue().map((e) => e.draft.clientId);
    const storedIds = () => JSON.parse(localStorage.getItem(key)!).queue.map((e: { draft: { clientId: string } }) => e.draft.clientId);

    fill(a);
    const fromA = a.draft().clientId;
    let submitted = a.submit();
    offline(visitPost());
    await submitted;

    fill(b);
    const fromB = b.draft().clientId;
    submitted = b.submit();
    offline(visitPost());
    await submitted;
    window.dispatchEvent(new StorageEvent('storage', { key }));
    expect(ids(a)).toEqual([fromA, fromB]);
    expect(ids(b)).toEqual([fromA, fromB]);

    b.flush();
    const posts = http.match({ method: 'POST', url: '/api/visits' });
    offline(posts.find((req) => req.request.body.clientId === fromA)!);
    posts.find((req) => req.request.body.clientId === fromB)!.flush({ event: aVisitEvent(45) });
    await Promise.resolve();
    window.dispatchEvent(new StorageEvent('storage', { key }));

    expect(storedIds()).toEqual([fromA]);
    expect(ids(a)).toEqual([fromA]);
    expect(ids(b)).toEqual([fromA]);
  });

  it("should show each staff member only their own form and kept visits", async () => {
    let outbox = await start();
    fill(outbox);
    const li = aStaff({ role: 'store', displayName: '李静', storeId: 'store-sh' });
    outbox = await start(li);
    expect(outbox.blank()).toBe(true);

    TestBed.inject(Auth).endSession();
    outbox = await start(wang);
    expect(outbox.draft().customer).toEqual(customer);
  });
});
