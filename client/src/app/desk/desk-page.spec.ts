import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { InboxItem } from '@hearth/contract';
import { anInboxItem } from '../../testing/chat';
import { accessibleText, buttonNamed, controlLabelled, queryButtonNamed, typeInto } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aCustomer } from '../../testing/timeline';
import { Realtime } from '../core/realtime';
import { DeskPage } from './desk-page';
import { SearchResult } from './customer';
import { clockTime } from './timeline-rows';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(DeskPage.name, () => {
  let http: HttpTestingController;
  let realtime: FakeRealtime;

  async function render(inbox: { waiting?: InboxItem[]; recent?: InboxItem[] } = {}) {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideRouter([]), { provide: Realtime, useValue: realtime }],
    });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DeskPage);
    await fixture.whenStable();
    for (const view of ['waiting', 'recent'] as const) {
      http
        .expectOne((r) => r.url === '/api/inbox' && r.params.get('view') === view)
        .flush({ items: inbox[view] ?? [], nextCursor: null });
    }
    await fixture.whenStable();
    return fixture;
  }

  /** The section whose heading is `name`, as a region. */
  function region(root: HTMLElement, name: string): HTMLElement {
    const section = Array.from(root.querySelectorAll<HTMLElement>('section[aria-labelledby]')).find(
      (s) => root.querySelector(`#${s.getAttribute('aria-labelledby')}`)?.textContent?.trim() === name,
    );
    if (!section) throw new Error(`No region named "${name}"`);
    return section;
  }

  function answer(q: string, results: SearchResult[]): void {
    http.expectOne((r) => r.url === '/api/customers' && r.params.get('q') === q).flush({ results });
  }

  afterEach(() => http.verify());

  it('should list recent customers for an empty query, as links named by the customer', async () => {
    const fixture = await render();
    answer('', [{ customer: aCustomer({ id: 'c-9', displayName: '李娜' }), match: null }]);
    await fixture.whenStable();
    const link = fixture.nativeElement.querySelector('a.result') as HTMLAnchorElement;
    expect(accessibleText(link)).toBe('李娜');
    expect(link.getAttribute('href')).toBe('/desk/customers/c-9');
  });

  it('should search as you type, once typing pauses, and highlight a matching snippet', async () => {
    const fixture = await render();
    answer('', []);
    const box = controlLabelled(fixture.nativeElement, '搜索顾客');
    typeInto(box, '发');
    typeInto(box, '发票');
    await wait(300);
    answer('发票', [
      {
        customer: aCustomer(),
        match: { field: 'event', text: '请帮我开<b>发票</b>', eventId: '7', occurredAt: '2026-11-20T08:00:00.000Z' },
      },
    ]);
    await fixture.whenStable();
    const snippet = fixture.nativeElement.querySelector('.snippet-text') as HTMLElement;
    expect(snippet.textContent).toContain('请帮我开<b>发票</b>');
    expect(snippet.querySelector('b')).toBeNull();
    expect(Array.from(snippet.querySelectorAll('mark')).map((m) => m.textContent)).toEqual(['发票']);
    expect(fixture.nativeElement.querySelector('.snippet-date').textContent).toContain('2026年11月20日');
  });

  it('should say when nobody matches', async () => {
    const fixture = await render();
    answer('', []);
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).toContain('没有找到顾客');
  });

  it('should show an error with a retry', async () => {
    const fixture = await render();
    const { body, opts } = apiError(500, 'internal');
    http.expectOne((r) => r.url === '/api/customers').flush(body, opts);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[role=alert]')).not.toBeNull();
    (fixture.nativeElement.querySelector('[role=alert] button') as HTMLButtonElement).click();
    answer('', []);
    await fixture.whenStable();
    expect(fixture.nativeElement.querySelector('[role=alert]')).toBeNull();
  });

  it('should move focus from the box into the results with the arrow keys', async () => {
    const fixture = await render();
    answer('', [
      { customer: aCustomer({ id: 'a', displayName: 'A' }), match: null },
      { customer: aCustomer({ id: 'b', displayName: 'B' }), match: null },
    ]);
    await fixture.whenStable();
    const box = controlLabelled(fixture.nativeElement, '搜索顾客');
    box.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    const links = fixture.nativeElement.querySelectorAll('a.result');
    expect(document.activeElement).toBe(links[0]);
    links[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    expect(document.activeElement).toBe(links[1]);
  });

  it('should list who is waiting as links named by the customer, with a plain time', async () => {
    const now = new Date();
    now.setSeconds(0, 0);
    const at = now.toISOString();
    const fixture = await render({
      waiting: [
        anInboxItem('v-1', {
          displayName: '访客 8F3A',
          waitingSince: at,
          lastMessage: { id: '12', body: '', hasImage: true, from: 'customer', at },
          lastCustomerMessageId: '12',
          suggestedCustomer: { id: 'c-7', displayName: '张伟' },
        }),
      ],
    });
    answer('', []);
    await fixture.whenStable();
    const waiting = region(fixture.nativeElement, '等待回复');
    const link = waiting.querySelector('a') as HTMLAnchorElement;
    expect(accessibleText(link)).toBe('访客 8F3A');
    expect(link.getAttribute('href')).toBe('/desk/customers/v-1');
    expect(link.textContent).toContain(`等待自 ${clockTime(at, 'zh-CN')}`);
    expect(link.textContent).toContain('[图片]');
    expect(link.textContent).toContain('可能是 张伟');
    expect(link.querySelector('.dot')).not.toBeNull();
  });

  it('should show an older wait by its date, and answered conversations under recent', async () => {
    const fixture = await render({
      waiting: [anInboxItem('a', { displayName: '李娜', waitingSince: '2025-03-04T02:00:00.000Z', readUpTo: '10' })],
      recent: [
        anInboxItem('b', {
          displayName: '王芳',
          waitingSince: null,
          lastMessage: { id: '30', body: '已经寄出了', hasImage: false, from: 'staff', at: '2025-03-04T02:00:00.000Z' },
        }),
      ],
    });
    answer('', []);
    await fixture.whenStable();
    const waiting = region(fixture.nativeElement, '等待回复');
    expect(waiting.textContent).toContain('等待自 2025年3月4日');
    expect(waiting.querySelector('.dot')).toBeNull();
    const recent = region(fixture.nativeElement, '最近的对话');
    expect(accessibleText(recent.querySelector('a')!)).toBe('王芳');
    expect(recent.textContent).toContain('我们：已经寄出了');
  });

  it('should say so when nobody is waiting, and add someone who writes live', async () => {
    const fixture = await render();
    answer('', []);
    await fixture.whenStable();
    expect(region(fixture.nativeElement, '等待回复').textContent).toContain('现在没有人在等回复');
    const { readUpTo: _, ...change } = anInboxItem('n', { displayName: '陈静' });
    realtime.inboxChanged$.next(change);
    await fixture.whenStable();
    const link = region(fixture.nativeElement, '等待回复').querySelector('a')!;
    expect(accessibleText(link)).toBe('陈静');
  });

  it('should let search results take the inbox\'s place while searching', async () => {
    const fixture = await render({ waiting: [anInboxItem('a', { displayName: '张伟' })] });
    answer('', []);
    typeInto(controlLabelled(fixture.nativeElement, '搜索顾客'), '张伟');
    await fixture.whenStable();
    expect(fixture.nativeElement.textContent).not.toContain('等待回复');
    await wait(300);
    answer('张伟', [{ customer: aCustomer({ id: 'a', displayName: '张伟' }), match: null }]);
    await fixture.whenStable();
    const links = Array.from(fixture.nativeElement.querySelectorAll('a')).filter(
      (a) => accessibleText(a as Element) === '张伟',
    );
    expect(links).toHaveLength(1);
  });

  it('should list a person a store asked us to get back to, and move them out once followed up', async () => {
    const storeFollowUp = anInboxItem('s-1', {
      displayName: '刘洋',
      channel: 'store',
      waitingSince: '2026-11-20T03:00:00.000Z',
      lastMessage: { id: '40', body: '想知道送修的手机什么时候能取', hasImage: false, from: 'staff', at: '2026-11-20T03:00:00.000Z' },
      lastCustomerMessageId: '0',
    });
    const fixture = await render({ waiting: [anInboxItem('a', { displayName: '李娜', waitingSince: '2026-11-20T02:00:00.000Z' }), storeFollowUp] });
    answer('', []);
    await fixture.whenStable();
    const waiting = region(fixture.nativeElement, '等待回复');
    const rows = Array.from(waiting.querySelectorAll('li'));
    expect(rows.map((li) => accessibleText(li.querySelector('a')!))).toEqual(['李娜', '刘洋']);
    const row = rows[1];
    expect(row.textContent).toContain('门店请回访：想知道送修的手机什么时候能取');
    expect(row.textContent).not.toContain('我们：');
    expect(row.querySelector('app-channel-icon.channel-store')).not.toBeNull();
    // A chat row has no such button: answering the chat is how it leaves.
    expect(queryButtonNamed(rows[0], '已跟进')).toBeUndefined();

    const button = buttonNamed(row, '已跟进');
    expect(button.closest('a')).toBeNull();
    button.click();
    http.expectOne({ method: 'POST', url: '/api/inbox/s-1/handled' }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(Array.from(region(fixture.nativeElement, '等待回复').querySelectorAll('a')).map((a) => accessibleText(a))).toEqual(['李娜']);
    const recent = region(fixture.nativeElement, '最近的对话');
    expect(accessibleText(recent.querySelector('a')!)).toBe('刘洋');
    expect(queryButtonNamed(recent, '已跟进')).toBeUndefined();
  });
});
