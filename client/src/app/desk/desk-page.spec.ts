import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { accessibleText, controlLabelled, typeInto } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { aCustomer } from '../../testing/timeline';
import { DeskPage } from './desk-page';
import { SearchResult } from './customer';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(DeskPage.name, () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({ providers: [...testProviders(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(DeskPage);
    await fixture.whenStable();
    return fixture;
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
});
