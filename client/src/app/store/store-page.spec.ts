import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { accessibleText, buttonNamed, controlLabelled, overlay, queryButtonNamed, typeInto } from '../../testing/dom';
import { apiError, signInAs, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aStaff } from '../../testing/staff';
import { aCustomer } from '../../testing/timeline';
import { aVisitEvent, todayWith } from '../../testing/store';
import { Realtime } from '../core/realtime';
import type { Staff } from '../core/staff';
import type { SearchResult } from '../desk/customer';
import { StorePage } from './store-page';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe(StorePage.name, () => {
  let fixture: ComponentFixture<StorePage>;
  let http: HttpTestingController;
  const wang = aStaff({ role: 'store', displayName: '王磊', storeId: 'store-sh', storeName: '上海静安店' });
  const fang = aCustomer({ id: 'c-fang', displayName: '王芳', phone: '+8613812345678', lastEventAt: '2026-11-20T08:00:00.000Z' });

  /** Opens the store screen (again, over the same localStorage: a reload), answering the diary. */
  async function open(today = todayWith()): Promise<void> {
    await openAs(wang);
    http.expectOne({ method: 'GET', url: '/api/visits/today' }).flush(today);
    await settle();
  }

  async function openAs(staff: Staff): Promise<void> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [...testProviders(), provideRouter([]), { provide: Realtime, useValue: new FakeRealtime() }],
    });
    http = TestBed.inject(HttpTestingController);
    await signInAs(staff);
    fixture = TestBed.createComponent(StorePage);
    await fixture.whenStable();
  }

  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  const page = (): HTMLElement => fixture.nativeElement;
  const text = () => page().textContent!.replace(/\s+/g, ' ');

  async function search(query: string): Promise<void> {
    typeInto(controlLabelled(page(), '手机号或姓名'), query);
    await wait(300);
    await fixture.whenStable();
  }

  function answerSearch(q: string, results: SearchResult[]): void {
    http.expectOne((r) => r.url === '/api/customers' && r.params.get('q') === q && r.params.get('limit') === '10').flush({ results });
  }

  /** The checkbox or radio labelled `name`. */
  function choice(name: string): HTMLInputElement {
    const label = Array.from(page().querySelectorAll('label')).find((l) => accessibleText(l) === name);
    const input = label?.querySelector('input');
    if (!input) throw new Error(`No choice named "${name}"`);
    return input;
  }

  async function tick(input: HTMLInputElement): Promise<void> {
    input.click();
    await fixture.whenStable();
  }

  function region(name: string): HTMLElement {
    const section = Array.from(page().querySelectorAll<HTMLElement>('section[aria-labelledby]')).find(
      (s) => {
        const heading = page().querySelector(`#${s.getAttribute('aria-labelledby')}`);
        return !!heading && accessibleText(heading) === name;
      },
    );
    if (!section) throw new Error(`No region named "${name}"`);
    return section;
  }

  async function chooseFang(): Promise<void> {
    await search('王芳');
    answerSearch('王芳', [{ customer: fang, match: { field: 'name', text: '王芳' } }]);
    await settle();
    buttonNamed(page(), '王芳').click();
    await settle();
  }

  async function fillVisit(): Promise<void> {
    await tick(choice('维修'));
    typeInto(controlLabelled(page(), '做了什么'), '换了屏幕');
    await tick(choice('当场解决'));
  }

  const visitPost = (): TestRequest => http.expectOne({ method: 'POST', url: '/api/visits' });

  beforeEach(() => localStorage.clear());
  afterEach(() => http.verify());

  it('should find a customer by name, log their visit, confirm it and be ready for the next person', async () => {
    await open();
    await chooseFang();
    expect(text()).toContain('记录这次到店');
    expect(text()).toContain('138****5678');
    await fillVisit();

    buttonNamed(page(), '保存到店记录').click();
    await settle();
    const req = visitPost();
    expect(req.request.body).toEqual({
      clientId: expect.stringMatching(/^[A-Za-z0-9_-]{8,64}$/),
      customerId: 'c-fang',
      reasons: ['repair'],
      actions: '换了屏幕',
      outcome: 'solved',
      imageIds: [],
    });
    req.flush({ event: aVisitEvent(41, {}, { customerId: 'c-fang' }) }, { status: 201, statusText: 'Created' });
    await settle();

    expect(page().querySelector('[role=status]')!.textContent).toContain('已保存 王芳 的到店记录');
    // The diary shows the new visit; the search box is back for the next person.
    http.expectOne('/api/visits/today').flush(todayWith({ event: aVisitEvent(41, {}, { customerId: 'c-fang' }), name: '王芳' }));
    await settle();
    expect(region('今天的到店记录').textContent).toContain('王芳');
    expect(controlLabelled(page(), '手机号或姓名')).toBeTruthy();
    expect(queryButtonNamed(page(), '保存到店记录')).toBeUndefined();
  });

  it('should look a phone-looking query up by phone too, and put that person first with a masked number', async () => {
    await open();
    await search('138 1234 5678');
    const other = aCustomer({ id: 'c-other', displayName: '李娜', phone: null });
    answerSearch('138 1234 5678', [{ customer: other, match: { field: 'event', text: '138' } }]);
    http.expectOne((r) => r.url === '/api/customers/by-phone' && r.params.get('phone') === '138 1234 5678').flush({ customer: fang });
    await settle();

    const rows = Array.from(page().querySelectorAll<HTMLButtonElement>('button.pick'));
    expect(rows.map((row) => accessibleText(row))).toEqual(['王芳', '李娜']);
    expect(rows[0].textContent).toContain('138****5678');
    expect(rows[0].textContent).not.toContain('13812345678');
  });

  it('should not ask by phone for a name', async () => {
    await open();
    await search('王芳');
    answerSearch('王芳', []);
    http.expectNone((r) => r.url === '/api/customers/by-phone');
  });

  it('should create a customer on the spot from just the phone that found nobody', async () => {
    await open();
    await search('13912345678');
    answerSearch('13912345678', []);
    const { body, opts } = apiError(404, 'not_found');
    http.expectOne((r) => r.url === '/api/customers/by-phone').flush(body, opts);
    await settle();

    expect(text()).toContain('没有找到“13912345678”');
    expect((controlLabelled(page(), '顾客手机号') as HTMLInputElement).value).toBe('13912345678');
    expect((controlLabelled(page(), '顾客姓名') as HTMLInputElement).value).toBe('');
    buttonNamed(page(), '新建顾客').click();
    const create = http.expectOne({ method: 'POST', url: '/api/customers' });
    expect(create.request.body).toEqual({ phone: '13912345678' });
    create.flush({ customer: aCustomer({ id: 'c-new', displayName: '顾客 5678', phone: '+8613912345678' }) }, { status: 201, statusText: 'Created' });
    await settle();

    expect(text()).toContain('记录这次到店');
    expect(text()).toContain('顾客 5678');
  });

  it('should create a customer from just a name, and show why the server refused a phone', async () => {
    await open();
    await search('张伟');
    answerSearch('张伟', []);
    await settle();
    expect((controlLabelled(page(), '顾客姓名') as HTMLInputElement).value).toBe('张伟');

    typeInto(controlLabelled(page(), '顾客手机号'), '123');
    buttonNamed(page(), '新建顾客').click();
    const { body, opts } = apiError(400, 'customer.invalid_phone', 'That is not a phone number we can read.');
    const refused = http.expectOne({ method: 'POST', url: '/api/customers' });
    expect(refused.request.body).toEqual({ displayName: '张伟', phone: '123' });
    refused.flush(body, opts);
    await settle();
    expect(page().querySelector('.create [role=alert]')!.textContent).toContain('这个手机号看起来不对');

    typeInto(controlLabelled(page(), '顾客手机号'), '');
    buttonNamed(page(), '新建顾客').click();
    const created = http.expectOne({ method: 'POST', url: '/api/customers' });
    expect(created.request.body).toEqual({ displayName: '张伟' });
    created.flush({ customer: aCustomer({ id: 'c-zw', displayName: '张伟', phone: null }) });
    await settle();
    expect(text()).toContain('张伟');
    expect(text()).toContain('记录这次到店');
  });

  it('should keep the form across a reload, and resend a visit kept after a network error with the same clientId', async () => {
    await open();
    await chooseFang();
    await fillVisit();

    // A reload while typing: everything is still there.
    await open();
    expect(text()).toContain('王芳');
    expect(choice('维修').checked).toBe(true);
    expect(choice('当场解决').checked).toBe(true);
    expect((controlLabelled(page(), '做了什么') as HTMLTextAreaElement).value).toBe('换了屏幕');

    buttonNamed(page(), '保存到店记录').click();
    await settle();
    const first = visitPost();
    const clientId = first.request.body.clientId;
    first.error(new ProgressEvent('error'), { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(region('还没提交的记录').textContent).toContain('已保存在本机，联网后自动提交');
    expect(controlLabelled(page(), '手机号或姓名')).toBeTruthy();

    // The next load sends it again, as the same visit.
    await open();
    expect(region('还没提交的记录').textContent).toContain('王芳');
    const resend = visitPost();
    expect(resend.request.body.clientId).toBe(clientId);
    resend.flush({ event: aVisitEvent(42) });
    await settle();
    http.expectOne('/api/visits/today').flush(todayWith());
    await settle();
    expect(text()).not.toContain('已保存在本机');
    expect(text()).toContain('已保存 王芳 的到店记录');
  });

  it('should stop at a validation answer and show the reason on the form', async () => {
    await open();
    await chooseFang();
    await fillVisit();
    buttonNamed(page(), '保存到店记录').click();
    await settle();
    const { body, opts } = apiError(400, 'visit.other_store', 'Store staff log visits at their own store.');
    visitPost().flush(body, opts);
    await settle();

    expect(page().querySelector('.refused')!.textContent).toContain('没能保存：Store staff log visits at their own store.');
    expect(buttonNamed(page(), '保存到店记录')).toBeTruthy();
    window.dispatchEvent(new Event('online'));
    http.expectNone('/api/visits');
  });

  it('should ask for the follow-up note before saving a visit that needs one', async () => {
    await open();
    await chooseFang();
    await tick(choice('咨询'));
    expect(() => controlLabelled(page(), '给服务台的回访说明')).toThrow();
    await tick(choice('需要回访'));

    buttonNamed(page(), '保存到店记录').click();
    await settle();
    http.expectNone('/api/visits');
    expect(text()).toContain('请写下给服务台的回访说明');

    typeInto(controlLabelled(page(), '给服务台的回访说明'), '想换新款，周五前回个电话');
    await fixture.whenStable();
    buttonNamed(page(), '保存到店记录').click();
    await settle();
    const req = visitPost();
    expect(req.request.body).toMatchObject({ reasons: ['question'], outcome: 'follow_up', followUpNote: '想换新款，周五前回个电话' });
    req.flush({ event: aVisitEvent(43) });
    await settle();
    http.expectOne('/api/visits/today').flush(todayWith());
  });

  it('should ask for a reason and an outcome before saving', async () => {
    await open();
    await chooseFang();
    buttonNamed(page(), '保存到店记录').click();
    await settle();
    http.expectNone('/api/visits');
    expect(text()).toContain('请选一个来访原因，或写一句补充说明');
    expect(text()).toContain('请选择结果');
  });

  it("should say so plainly when nobody has come in yet today", async () => {
    await open(todayWith());
    const diary = region('今天的到店记录');
    expect(diary.textContent).toContain('今天还没有到店记录');
    expect(diary.textContent).toContain('上海静安店');
    expect(diary.textContent).not.toMatch(/\d/);
  });

  it("should list today's visits newest first: time, who, why, how it ended and who served them", async () => {
    const visit = aVisitEvent(
      7,
      { reasons: ['repair', 'question'], outcome: 'follow_up', followUpNote: '周五回电', staffName: '李静' },
      { customerId: 'c-fang', occurredAt: new Date(2026, 10, 23, 14, 5).toISOString() },
    );
    await open(todayWith({ event: visit, name: '王芳' }));
    const diary = region('今天的到店记录');
    const item = diary.querySelector('li')!;
    expect(item.querySelector('time')!.textContent).toContain('14:05');
    expect(item.querySelector('a')!.getAttribute('href')).toBe('/store/customers/c-fang');
    expect(item.textContent).toContain('维修');
    expect(item.textContent).toContain('咨询');
    expect(item.textContent).toContain('需要回访');
    expect(item.textContent).toContain('回访说明：周五回电');
    expect(item.textContent).toContain('接待：李静');
  });

  it('should have staff of no store (an admin) say which store first, then log there', async () => {
    await openAs(aStaff({ role: 'admin', storeId: null, storeName: null }));
    http.expectOne('/api/stores').flush({
      stores: [
        { id: 'store-sh', name: '上海静安店', city: '上海', address: '南京西路 1266 号' },
        { id: 'store-hz', name: '杭州西湖店', city: '杭州', address: '延安路 98 号' },
      ],
    });
    await settle();
    expect(text()).toContain('你的账号不属于某家门店');
    http.expectNone('/api/visits/today');

    controlLabelled(page(), '在哪家门店').click();
    await settle();
    (Array.from(overlay().querySelectorAll('mat-option')).find((o) => o.textContent!.includes('杭州西湖店')) as HTMLElement).click();
    await settle();
    http.expectOne((r) => r.url === '/api/visits/today' && r.params.get('storeId') === 'store-hz').flush(todayWith());
    await settle();
    expect(page().querySelector('h1')!.textContent).toContain('杭州西湖店');

    await chooseFang();
    await fillVisit();
    buttonNamed(page(), '保存到店记录').click();
    await settle();
    const req = visitPost();
    expect(req.request.body).toMatchObject({ storeId: 'store-hz', customerId: 'c-fang' });
    req.flush({ event: aVisitEvent(50) });
    await settle();
    http.expectOne((r) => r.url === '/api/visits/today' && r.params.get('storeId') === 'store-hz').flush(todayWith());
  });
});
