import { HttpTestingController } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { aConversation, anInboxItem } from '../../testing/chat';
import { buttonNamed, queryButtonNamed } from '../../testing/dom';
import { signInAs, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aStaff } from '../../testing/staff';
import { aCustomer, anEvent } from '../../testing/timeline';
import { PageVisibility } from '../core/page-visibility';
import { Realtime } from '../core/realtime';
import { CustomerPage } from './customer-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe(CustomerPage.name, () => {
  let realtime: FakeRealtime;
  let http: HttpTestingController;
  let fixture: ComponentFixture<CustomerPage>;
  const visible = signal(true);

  async function render(conversation = aConversation(), customer = aCustomer()): Promise<HTMLElement> {
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
});
