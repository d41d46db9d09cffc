import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { aConversation } from '../../testing/chat';
import { signInAs, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aStaff } from '../../testing/staff';
import { anEvent } from '../../testing/timeline';
import { I18n } from '../core/i18n';
import { Realtime } from '../core/realtime';
import { ChatStatus } from './chat-status';
import { ConversationStore } from './conversation-store';

describe(ChatStatus.name, () => {
  let realtime: FakeRealtime;
  let fixture: ComponentFixture<ChatStatus>;
  const me = aStaff({ id: 'me', displayName: '周婷' });

  async function render(conversation = aConversation()): Promise<HTMLElement> {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [...testProviders(), ConversationStore, { provide: Realtime, useValue: realtime }],
    });
    await signInAs(me);
    TestBed.inject(ConversationStore).open('c-1');
    TestBed.inject(HttpTestingController).expectOne('/api/customers/c-1/conversation').flush(conversation);
    fixture = TestBed.createComponent(ChatStatus);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const text = (root: HTMLElement) => root.textContent!.replace(/\s+/g, ' ');
  const typing = (root: HTMLElement) => root.querySelector('[role=status]')!.textContent!.replace(/\s+/g, ' ').trim();

  beforeEach(() => localStorage.clear());

  it('should name the colleagues also looking at this customer, but not me', async () => {
    const root = await render(aConversation({ viewers: [{ id: 'me', name: '周婷' }, { id: 's-2', name: '陈思远' }] }));
    expect(text(root)).toContain('陈思远 也在看');
    expect(text(root)).not.toContain('周婷');
  });

  it('should follow who is looking, and whether the customer is online', async () => {
    const root = await render(aConversation({ visitorOnline: true }));
    expect(text(root)).toContain('顾客在线');
    expect(text(root)).not.toContain('也在看');
    realtime.customerViewers$.next({
      customerId: 'c-1',
      viewers: [{ id: 's-2', name: '陈思远' }, { id: 's-3', name: '林晓' }],
      visitorOnline: false,
    });
    await fixture.whenStable();
    expect(text(root)).toContain('陈思远、林晓 也在看');
    expect(text(root)).toContain('顾客不在线');
    realtime.customerViewers$.next({ customerId: 'c-2', viewers: [{ id: 's-9', name: '别人' }], visitorOnline: true });
    await fixture.whenStable();
    expect(text(root)).not.toContain('别人');
  });

  it('should say when the customer or a colleague is typing, never me', async () => {
    const root = await render();
    realtime.chatTyping$.next({ customerId: 'c-1', by: { type: 'customer' }, typing: true });
    realtime.chatTyping$.next({ customerId: 'c-1', by: { type: 'staff', id: 's-3', name: '林晓' }, typing: true });
    realtime.chatTyping$.next({ customerId: 'c-1', by: { type: 'staff', id: 'me', name: '周婷' }, typing: true });
    await fixture.whenStable();
    expect(typing(root)).toBe('顾客正在输入… 林晓 正在输入…');
    realtime.chatTyping$.next({ customerId: 'c-1', by: { type: 'staff', id: 's-3', name: '林晓' }, typing: false });
    await fixture.whenStable();
    expect(typing(root)).toBe('顾客正在输入…');
  });

  it('should stop showing the customer typing once their message arrives', async () => {
    const root = await render();
    realtime.chatTyping$.next({ customerId: 'c-1', by: { type: 'customer' }, typing: true });
    realtime.timelineEvent$.next(anEvent(40, { customerId: 'c-1' }));
    await fixture.whenStable();
    expect(typing(root)).toBe('');
  });

  it('should speak English too', async () => {
    const root = await render(aConversation({ viewers: [{ id: 's-2', name: 'Chen' }] }));
    TestBed.inject(I18n).setLang('en');
    realtime.chatTyping$.next({ customerId: 'c-1', by: { type: 'customer' }, typing: true });
    await fixture.whenStable();
    expect(text(root)).toContain('Also looking: Chen');
    expect(typing(root)).toBe('The customer is typing…');
  });
});
