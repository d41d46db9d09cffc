import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { TimelineEvent } from '@hearth/contract';
import { aConversation } from '../../testing/chat';
import { accessibleText, buttonNamed } from '../../testing/dom';
import { signInAs, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aStaff } from '../../testing/staff';
import { anEvent } from '../../testing/timeline';
import { Realtime } from '../core/realtime';
import { ChatMessageEvent } from './chat-message-event';
import { ChatOutbox } from './chat-outbox';
import { ConversationStore } from './conversation-store';
import { outgoingEvent } from './delivery-state';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe(ChatMessageEvent.name, () => {
  let realtime: FakeRealtime;
  let fixture: ComponentFixture<ChatMessageEvent>;

  async function setup(): Promise<void> {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [...testProviders(), ConversationStore, { provide: Realtime, useValue: realtime }],
    });
    await signInAs(aStaff({ id: 'me', displayName: '林晓' }));
    TestBed.inject(ConversationStore).open('c-1');
    TestBed.inject(HttpTestingController)
      .expectOne('/api/customers/c-1/conversation')
      .flush(aConversation({ deliveredUpTo: '10', readUpTo: '9' }));
  }

  async function render(event: TimelineEvent): Promise<HTMLElement> {
    fixture = TestBed.createComponent(ChatMessageEvent);
    fixture.componentRef.setInput('event', event);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const reply = (id: number, overrides: Partial<TimelineEvent> = {}) =>
    anEvent(id, { author: { type: 'staff', id: 'me', name: '林晓' }, details: { clientId: `client-${id}` }, ...overrides });
  const delivery = (root: HTMLElement) => {
    const el = root.querySelector('.delivery');
    return el ? accessibleText(el) : undefined;
  };

  beforeEach(() => sessionStorage.clear());

  it('should show an image as a thumbnail that opens the original in a new tab', async () => {
    await setup();
    const image = { id: 'i', url: '/api/chat/images/i', thumbUrl: '/api/chat/images/i/thumb', width: 800, height: 400, mime: 'image/jpeg' };
    const root = await render(anEvent(3, { body: '', details: { clientId: 'x', image } }));
    const link = root.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('/api/chat/images/i');
    expect(link.target).toBe('_blank');
    expect(link.getAttribute('aria-label')).toBe('查看原图');
    const img = link.querySelector('img')!;
    expect(img.getAttribute('src')).toBe('/api/chat/images/i/thumb');
    expect(img.style.width).toBe('240px');
    expect(img.style.height).toBe('120px');
  });

  it('should not show an image from another site', async () => {
    await setup();
    const image = { id: 'i', url: 'https://evil.example/x', thumbUrl: '//evil.example/t', width: 1, height: 1, mime: 'image/png' };
    const root = await render(anEvent(3, { details: { clientId: 'x', image } }));
    expect(root.querySelector('img')).toBeNull();
  });

  it('should show sent, delivered and read for staff replies, live from receipts', async () => {
    await setup();
    expect(delivery(await render(reply(9)))).toBe('已读');
    expect(delivery(await render(reply(10)))).toBe('已送达');
    const root = await render(reply(11));
    expect(delivery(root)).toBe('已发送');
    realtime.chatRead$.next({ customerId: 'c-1', deliveredUpTo: '11', readUpTo: '11' });
    await fixture.whenStable();
    expect(delivery(root)).toBe('已读');
  });

  it('should not show a delivery state on customer messages', async () => {
    await setup();
    expect(delivery(await render(anEvent(5)))).toBeUndefined();
  });

  it('should show a reply as sending, then the reason it failed with a retry using the same client id', async () => {
    await setup();
    const outbox = TestBed.inject(ChatOutbox);
    outbox.send('c-1', '您好');
    const root = await render(outgoingEvent(outbox.entries()[0]));
    expect(delivery(root)).toBe('发送中');
    realtime.sends[0].ack({ ok: false, code: 'chat.too_long', message: '消息太长了' });
    await settle();
    fixture.componentRef.setInput('event', outgoingEvent(outbox.entries()[0]));
    await fixture.whenStable();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('没有发出：消息太长了');
    buttonNamed(root, '重试').click();
    expect(realtime.sends[1].payload.clientId).toBe(realtime.sends[0].payload.clientId);
  });
});
