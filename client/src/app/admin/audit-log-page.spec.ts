import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { AuditEntry } from '@hearth/contract';
import { buttonNamed, controlLabelled, overlay } from '../../testing/dom';
import { testProviders } from '../../testing/providers';
import { AuditLogPage } from './audit-log-page';

const settle = () => new Promise((resolve) => setTimeout(resolve));

function anEntry(id: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    id: String(id),
    at: new Date(Date.UTC(2026, 10, 2, 8, 0, id)).toISOString(),
    staff: { id: 's-lin', name: '林晓', role: 'agent' },
    action: 'customer.view',
    target: { type: 'customer', id: 'c1a2b3c4-0000-4000-8000-000000000001' },
    details: null,
    clientAddress: '10.0.0.7',
    ...overrides,
  };
}

describe(AuditLogPage.name, () => {
  let http: HttpTestingController;

  async function render() {
    TestBed.configureTestingModule({ providers: [...testProviders(), provideRouter([])] });
    http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(AuditLogPage);
    await fixture.whenStable();
    http.expectOne('/api/staff').flush({ staff: [{ id: 's-lin', displayName: '林晓', role: 'agent' }] });
    return fixture;
  }

  const pageRequest = (): TestRequest => http.expectOne((r) => r.url === '/api/audit');
  const rows = (root: HTMLElement) => Array.from(root.querySelectorAll<HTMLTableRowElement>('tbody tr'));

  afterEach(() => http.verify());

  it('should list who did what on which record, newest first, with a link to the customer', async () => {
    const fixture = await render();
    const req = pageRequest();
    expect(req.request.params.get('limit')).toBe('50');
    req.flush({
      entries: [anEntry(2, { action: 'customer.erase', staff: { id: 's-admin', name: '管理员 Admin', role: 'admin' } }), anEntry(1)],
      nextCursor: null,
    });
    await fixture.whenStable();
    const root: HTMLElement = fixture.nativeElement;

    expect(rows(root).map((r) => [r.querySelector('.who')!.textContent!.trim(), r.querySelector('.what')!.textContent!.trim()])).toEqual([
      ['管理员 Admin', '删除顾客资料'],
      ['林晓', '查看顾客'],
    ]);
    const link = rows(root)[1].querySelector<HTMLAnchorElement>('.target a')!;
    expect(link.getAttribute('href')).toBe('/desk/customers/c1a2b3c4-0000-4000-8000-000000000001');
    expect(link.textContent!.trim()).toBe('c1a2b3c4');
    expect(root.textContent).toContain('已经到最早的记录');
    // A plain list: no totals, counts or rankings anywhere on the page.
    expect(root.textContent).not.toMatch(/合计|总数|排名|次数/);
  });

  it('should load earlier entries after the last one', async () => {
    const fixture = await render();
    pageRequest().flush({ entries: [anEntry(3), anEntry(2)], nextCursor: 'cursor-2' });
    await fixture.whenStable();
    const root: HTMLElement = fixture.nativeElement;

    buttonNamed(root, '加载更早的记录').click();
    const more = pageRequest();
    expect(more.request.params.get('before')).toBe('cursor-2');
    more.flush({ entries: [anEntry(1)], nextCursor: null });
    await fixture.whenStable();
    expect(rows(root).map((r) => r.dataset['auditId'])).toEqual(['3', '2', '1']);
  });

  it('should ask again with the chosen filters, and clear them', async () => {
    const fixture = await render();
    pageRequest().flush({ entries: [anEntry(1)], nextCursor: null });
    await fixture.whenStable();
    const root: HTMLElement = fixture.nativeElement;

    controlLabelled(root, '操作').click();
    await settle();
    Array.from(overlay().querySelectorAll<HTMLElement>('mat-option')).find((o) => o.textContent!.trim() === '导出顾客资料')!.click();
    await fixture.whenStable();
    const filtered = pageRequest();
    expect(filtered.request.params.get('action')).toBe('customer.export');
    filtered.flush({ entries: [], nextCursor: null });
    await fixture.whenStable();
    expect(root.textContent).toContain('没有符合条件的记录');

    buttonNamed(root, '清除筛选').click();
    await fixture.whenStable();
    const cleared = pageRequest();
    expect(cleared.request.params.has('action')).toBe(false);
    cleared.flush({ entries: [anEntry(1)], nextCursor: null });
  });

  it('should say so when the log does not load, and retry', async () => {
    const fixture = await render();
    pageRequest().flush(null, { status: 500, statusText: 'Error' });
    await fixture.whenStable();
    const root: HTMLElement = fixture.nativeElement;
    expect(root.querySelector('[role=alert]')!.textContent).toContain('审计日志没能加载');

    buttonNamed(root, '重试').click();
    await fixture.whenStable();
    pageRequest().flush({ entries: [anEntry(1)], nextCursor: null });
    await fixture.whenStable();
    expect(rows(root)).toHaveLength(1);
  });
});
