import { FakeRealtime } from '../../testing/realtime';
import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { aConversation, anInboxItem } from '../../testing/chat';
import { buttonNamed, controlLabelled, overlay, queryButtonNamed, typeInto } from '../../testing/dom';
import { signInAs, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import { aCustomer, anEvent } from '../../testing/timeline';
import { PageVisibility } from '../core/page-visibility';
import { Realtime } from '../core/realtime';
import { aCase, aCaseDetail, aGesture } from './cases/cases-fixtures';
import { CustomerPage } from './customer-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe(CustomerPage.name, () => {
  let realtime: FakeRealtime;
  let http: HttpTestingController;
  let fixture: ComponentFixture<CustomerPage>;
  const visible = signal(true);

  async function render(
    conversation = aConversation(),
    customer = aCustomer(),
    cases = [aCase({ eventIds: ['5'] })],
    gestures = [aGesture()],
  ): Promise<HTMLElement> {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([]),
        { provide: Realtime, useValue: realtime },
        { provide: PageVisibility, useValue: { visible } },
      ],
    });
    await signInAs(aStaff({ id: 'me' }));
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(CustomerPage);
    fixture.componentRef.setInput('id', 'c-1');
    await fixture.whenStable();
    http.expectOne('/api/customers/c-1').flush({ customer });
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/customers/c-1/timeline').flush({ events: [anEvent(7), anEvent(5)], nextCursor: null });
    http.expectOne('/api/customers/c-1/conversation').flush(conversation);
    http.expectOne('/api/customers/c-1/cases').flush({ cases });
    http.expectOne('/api/customers/c-1/gestures').flush({ gestures });
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    sessionStorage.clear();
    visible.set(true);
  });

  it('should offer the reply box when the customer can be answered by web chat', async () => {
    const root = await render();
    expect(root.querySelector('textarea[aria-label="回复顾客"]')).not.toBeNull();
  });

  it('should name a web visitor by a short tag, not their long random id', async () => {
    const web = { id: 'i-1', channel: 'web', externalId: '4fa28538-975f-4809-92e2-30d18510ac4d', displayName: null, verified: false, createdAt: '2026-01-01T00:00:00.000Z' };
    const root = await render(aConversation(), aCustomer({ identities: [web] }));
    const channels = root.querySelector('.identities')!.textContent!;
    expect(channels).toContain('网页访客 4FA2');
    expect(channels).not.toContain('4fa28538-975f');
  });

  it('should not offer a reply box for a customer without web chat', async () => {
    const root = await render(aConversation({ replyChannel: null }));
    expect(root.querySelector('textarea[aria-label="回复顾客"]')).toBeNull();
  });

  it('should mark the conversation read up to the newest event while the tab is visible', async () => {
    visible.set(false);
    await render();
    expect(realtime.reads).toEqual([]);
    visible.set(true);
    await fixture.whenStable();
    expect(realtime.reads).toEqual([{ customerId: 'c-1', upToId: '7' }]);
    realtime.timelineEvent$.next(anEvent(9));
    await fixture.whenStable();
    expect(realtime.reads.at(-1)).toEqual({ customerId: 'c-1', upToId: '9' });
  });

  it('should reload when another customer is merged into this one', async () => {
    await render();
    realtime.customerMerged$.next({ fromCustomerId: 'c-9', intoCustomerId: 'c-1' });
    await fixture.whenStable();
    http.expectOne('/api/customers/c-1').flush({ customer: aCustomer() });
    await fixture.whenStable();
    http.expectOne((r) => r.url === '/api/customers/c-1/timeline').flush({ events: [anEvent(12), anEvent(7)], nextCursor: null });
    http.expectOne('/api/customers/c-1/conversation').flush(aConversation());
    http.expectOne('/api/customers/c-1/cases').flush({ cases: [] });
    http.expectOne('/api/customers/c-1/gestures').flush({ gestures: [] });
  });

  it('should follow this customer to where they were merged', async () => {
    await render();
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    realtime.customerMerged$.next({ fromCustomerId: 'c-1', intoCustomerId: 'c-2' });
    await settle();
    expect(navigate).toHaveBeenCalledWith(['/desk/customers', 'c-2'], { replaceUrl: true });
  });

  it('should offer "已跟进" while someone waits, also without web chat, and drop it once done', async () => {
    const root = await render(aConversation({ replyChannel: null, waitingSince: '2026-11-20T03:00:00.000Z' }));
    expect(root.textContent).toContain('等待自');
    buttonNamed(root, '已跟进').click();
    await fixture.whenStable();
    expect(buttonNamed(root, '已跟进').disabled).toBe(true);
    http.expectOne({ method: 'POST', url: '/api/inbox/c-1/handled' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(queryButtonNamed(root, '已跟进')).toBeUndefined();
    expect(root.textContent).not.toContain('等待自');
  });

  it('should not offer "已跟进" when nobody waits, and follow the inbox live', async () => {
    const root = await render(aConversation({ waitingSince: null }));
    expect(queryButtonNamed(root, '已跟进')).toBeUndefined();
    const { readUpTo: _, ...change } = anInboxItem('c-1', { channel: 'store', waitingSince: '2026-11-20T03:00:00.000Z' });
    realtime.inboxChanged$.next(change);
    await fixture.whenStable();
    expect(queryButtonNamed(root, '已跟进')).toBeDefined();
    // A colleague followed up, somewhere else.
    realtime.inboxChanged$.next({ ...change, waitingSince: null });
    await fixture.whenStable();
    expect(queryButtonNamed(root, '已跟进')).toBeUndefined();
  });

  it('should say so and keep the button when marking fails', async () => {
    const root = await render(aConversation({ waitingSince: '2026-11-20T03:00:00.000Z' }));
    buttonNamed(root, '已跟进').click();
    http
      .expectOne({ method: 'POST', url: '/api/inbox/c-1/handled' })
      .flush({ statusCode: 503, code: 'unavailable', message: 'unavailable' }, { status: 503, statusText: 'Error' });
    await fixture.whenStable();
    expect(root.querySelector('[role=alert]')!.textContent).toContain('没能标记为已跟进');
    expect(buttonNamed(root, '已跟进').disabled).toBe(false);
  });
  describe('cases', () => {
    const casesSection = (root: HTMLElement) => root.querySelector('section[aria-labelledby="cases-title"]') as HTMLElement;

    it('should list the customer’s cases, open first, with who is on it', async () => {
      const root = await render(aConversation(), aCustomer(), [
        aCase({ id: 'case-2', title: '退货', status: 'resolved', resolvedAt: '2026-11-02T08:00:00.000Z', themes: ['退货'] }),
        aCase({ id: 'case-1', title: '屏幕碎了', onIt: [{ id: 's-2', name: '林晓' }, { id: 's-3', name: '王磊' }] }),
      ]);
      const section = casesSection(root);
      expect(section.querySelector('h2')!.textContent).toContain('案例');
      const items = Array.from(section.querySelectorAll('li')).map((li) => li.textContent!.replace(/\s+/g, ' '));
      expect(items[0]).toContain('屏幕碎了');
      expect(items[0]).toContain('进行中');
      expect(items[0]).toContain('林晓、王磊 在跟进');
      expect(items[1]).toContain('退货');
      expect(items[1]).toContain('已解决');
    });

    it('should follow cases and gestures live', async () => {
      const root = await render();
      realtime.caseChanged$.next(aCase({ id: 'case-9', title: '电池鼓包', openedAt: '2026-11-03T08:00:00.000Z' }));
      realtime.caseChanged$.next(aCase({ id: 'case-8', customerId: 'c-2', title: '别人的案例' }));
      realtime.gestureChanged$.next(aGesture({ id: 'g-2', kind: 'follow_up_call', note: '周五回个电话', createdAt: '2026-11-03T08:00:00.000Z' }));
      await fixture.whenStable();
      expect(casesSection(root).textContent).toContain('电池鼓包');
      expect(casesSection(root).textContent).not.toContain('别人的案例');
      const gestures = root.querySelector('section[aria-labelledby="gestures-title"]')!;
      expect(gestures.textContent).toContain('回访电话');
      expect(gestures.textContent).toContain('周五回个电话');
    });

    it('should open a case once however often “开启” is pressed, then show it', async () => {
      const root = await render(aConversation(), aCustomer(), []);
      buttonNamed(casesSection(root), '开启案例').click();
      await settle();
      await fixture.whenStable();
      const dialog = overlay().querySelector('mat-dialog-container') as HTMLElement;
      typeInto(controlLabelled(dialog, '标题'), '  屏幕碎了 ');
      buttonNamed(dialog, '开启').click();
      buttonNamed(dialog, '开启').click();
      await fixture.whenStable();
      const create = http.expectOne({ method: 'POST', url: '/api/cases' });
      expect(create.request.body).toEqual({ clientId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/), customerId: 'c-1', title: '屏幕碎了' });
      create.flush(aCaseDetail({ id: 'case-5', title: '屏幕碎了' }), { status: 201, statusText: 'Created' });
      await settle();
      await fixture.whenStable();
      expect(casesSection(root).textContent).toContain('屏幕碎了');
      http.expectOne('/api/cases/case-5').flush(aCaseDetail({ id: 'case-5', title: '屏幕碎了' }));
      await settle();
      await fixture.whenStable();
      expect(overlay().querySelector('app-case-panel h2')!.textContent).toContain('屏幕碎了');
    });

    it('should not open a case without a title', async () => {
      const root = await render(aConversation(), aCustomer(), []);
      buttonNamed(casesSection(root), '开启案例').click();
      await settle();
      await fixture.whenStable();
      const dialog = overlay().querySelector('mat-dialog-container') as HTMLElement;
      buttonNamed(dialog, '开启').click();
      await fixture.whenStable();
      http.expectNone({ method: 'POST', url: '/api/cases' });
      expect(dialog.querySelector('[role=alert]')!.textContent).toContain('请写一个标题');
    });
  });
});
