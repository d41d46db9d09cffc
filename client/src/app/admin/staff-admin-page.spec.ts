import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { accessibleText, buttonNamed, controlLabelled, overlay, queryButtonNamed, typeInto } from '../../testing/dom';
import { apiError, signInAs, testProviders } from '../../testing/providers';
import { aStaff } from '../../testing/staff';
import { Staff } from '../core/staff';
import { StaffAdminPage } from './staff-admin-page';

const STORES = [
  { id: 'store-sh', name: '上海静安店', city: '上海', address: '南京西路 1266 号' },
  { id: 'store-hz', name: '杭州西湖店', city: '杭州', address: '延安路 98 号' },
];

describe(StaffAdminPage.name, () => {
  let fixture: ComponentFixture<StaffAdminPage>;
  let backend: HttpTestingController;
  let admin: Staff;
  let agent: Staff;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: testProviders() });
    backend = TestBed.inject(HttpTestingController);
    admin = aStaff({ role: 'admin', displayName: '管理员', email: 'admin@hearth.test' });
    agent = aStaff({ role: 'agent', displayName: '林晓', email: 'lin.xiao@hearth.test' });
    await signInAs(admin);
    fixture = TestBed.createComponent(StaffAdminPage);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => fixture.nativeElement;
  const rows = () => Array.from(page().querySelectorAll<HTMLTableRowElement>('tbody tr'));
  const rowFor = (email: string) => rows().find((row) => row.textContent!.includes(email));
  /** Dialogs finish closing on a timer, so let one pass before waiting for the view. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function loadList(staff: Staff[]): Promise<void> {
    backend.expectOne({ method: 'GET', url: '/api/staff' }).flush({ staff });
    await settle();
  }

  async function openCreateDialog(): Promise<HTMLElement> {
    buttonNamed(page(), '新建员工').click();
    await settle();
    backend.expectOne('/api/stores').flush({ stores: STORES });
    await settle();
    return overlay().querySelector('mat-dialog-container') as HTMLElement;
  }

  async function choose(dialog: HTMLElement, label: string, option: string): Promise<void> {
    controlLabelled(dialog, label).click();
    await settle();
    const match = Array.from(overlay().querySelectorAll('mat-option')).find(
      (o) => o.textContent!.trim() === option,
    ) as HTMLElement;
    match.click();
    await settle();
  }

  it('should show a loading state, then one row per staff member', async () => {
    expect(page().textContent).toContain('正在加载员工…');

    await loadList([admin, agent]);

    expect(rows()).toHaveLength(2);
    const row = rowFor('lin.xiao@hearth.test')!;
    expect(row.textContent).toContain('林晓');
    expect(row.textContent).toContain('客服');
    expect(row.textContent).toContain('在职');
  });

  it('should show an empty state when there is nobody yet', async () => {
    await loadList([]);

    expect(page().textContent).toContain('还没有员工');
  });

  it('should offer to retry when the list cannot be loaded', async () => {
    backend.expectOne('/api/staff').flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(page().textContent).toContain('无法加载员工列表。');

    buttonNamed(page(), '重试').click();
    await loadList([agent]);

    expect(rows()).toHaveLength(1);
  });

  it('should not let the admin disable their own account', async () => {
    await loadList([admin, agent]);

    expect(queryButtonNamed(rowFor('admin@hearth.test')!, '停用')).toBeUndefined();
    expect(queryButtonNamed(rowFor('lin.xiao@hearth.test')!, '停用')).toBeDefined();
  });

  it('should create a staff member with POST /api/staff and list them', async () => {
    await loadList([admin]);
    const dialog = await openCreateDialog();

    typeInto(controlLabelled(dialog, '姓名'), ' 陈思远 ');
    typeInto(controlLabelled(dialog, '邮箱'), 'chen@hearth.test');
    await choose(dialog, '角色', '经理');
    typeInto(controlLabelled(dialog, '初始密码'), 'warm-welcome');
    buttonNamed(dialog, '创建').click();
    await settle();

    const req = backend.expectOne({ method: 'POST', url: '/api/staff' });
    expect(req.request.body).toEqual({
      displayName: '陈思远',
      email: 'chen@hearth.test',
      role: 'manager',
      password: 'warm-welcome',
      storeId: null,
    });
    const created = aStaff({ displayName: '陈思远', email: 'chen@hearth.test', role: 'manager' });
    req.flush({ staff: created }, { status: 201, statusText: 'Created' });
    await settle();

    expect(overlay().querySelector('mat-dialog-container')).toBeNull();
    expect(rowFor('chen@hearth.test')?.textContent).toContain('经理');
    expect(overlay().textContent).toContain('已为 陈思远 创建账号');
  });

  it('should require a store for store staff and send it', async () => {
    await loadList([admin]);
    const dialog = await openCreateDialog();
    expect(() => controlLabelled(dialog, '门店')).toThrow();

    typeInto(controlLabelled(dialog, '姓名'), '王磊');
    typeInto(controlLabelled(dialog, '邮箱'), 'wang@hearth.test');
    await choose(dialog, '角色', '门店员工');
    typeInto(controlLabelled(dialog, '初始密码'), 'warm-welcome');
    buttonNamed(dialog, '创建').click();
    await settle();

    backend.expectNone('/api/staff');
    expect(dialog.textContent).toContain('请选择门店');

    await choose(dialog, '门店', '杭州西湖店 · 杭州');
    buttonNamed(dialog, '创建').click();
    await settle();

    const req = backend.expectOne({ method: 'POST', url: '/api/staff' });
    expect(req.request.body).toMatchObject({ role: 'store', storeId: 'store-hz' });
    req.flush({ staff: aStaff({ role: 'store', storeId: 'store-hz', storeName: '杭州西湖店' }) });
    await settle();
  });

  it('should explain inline why a form cannot be sent', async () => {
    await loadList([admin]);
    const dialog = await openCreateDialog();

    typeInto(controlLabelled(dialog, '邮箱'), 'not-an-email');
    typeInto(controlLabelled(dialog, '初始密码'), 'short');
    buttonNamed(dialog, '创建').click();
    await settle();

    backend.expectNone('/api/staff');
    expect(dialog.textContent).toContain('请输入姓名');
    expect(dialog.textContent).toContain('邮箱格式不正确');
    expect(dialog.textContent).toContain('密码至少需要 8 个字符');
  });

  it('should keep the dialog open and say so when the email is taken', async () => {
    await loadList([admin]);
    const dialog = await openCreateDialog();

    typeInto(controlLabelled(dialog, '姓名'), '林晓');
    typeInto(controlLabelled(dialog, '邮箱'), 'lin.xiao@hearth.test');
    typeInto(controlLabelled(dialog, '初始密码'), 'warm-welcome');
    buttonNamed(dialog, '创建').click();
    await settle();
    const { body, opts } = apiError(409, 'staff.email_taken');
    backend.expectOne('/api/staff').flush(body, opts);
    await settle();

    expect(overlay().querySelector('mat-dialog-container')).not.toBeNull();
    expect(dialog.textContent).toContain('该邮箱已被使用');
    expect(rows()).toHaveLength(1);
  });

  it('should ask before disabling someone, then PATCH active: false', async () => {
    await loadList([admin, agent]);

    buttonNamed(rowFor('lin.xiao@hearth.test')!, '停用').click();
    await settle();
    const confirm = overlay().querySelector('mat-dialog-container') as HTMLElement;
    expect(confirm.textContent).toContain('停用 林晓？');
    backend.expectNone(`/api/staff/${agent.id}`);

    buttonNamed(confirm, '停用').click();
    await settle();
    const req = backend.expectOne({ method: 'PATCH', url: `/api/staff/${agent.id}` });
    expect(req.request.body).toEqual({ active: false });
    req.flush({ staff: { ...agent, active: false } });
    await settle();

    const row = rowFor('lin.xiao@hearth.test')!;
    expect(row.textContent).toContain('已停用');
    expect(queryButtonNamed(row, '启用')).toBeDefined();
    expect(overlay().textContent).toContain('已停用 林晓');
  });

  it('should reset a password with POST /api/staff/:id/password', async () => {
    await loadList([admin, agent]);

    buttonNamed(rowFor('lin.xiao@hearth.test')!, '重置密码').click();
    await settle();
    const dialog = overlay().querySelector('mat-dialog-container') as HTMLElement;
    typeInto(controlLabelled(dialog, '新密码'), 'fresh-start-2');
    buttonNamed(dialog, '重置').click();
    await settle();

    const req = backend.expectOne({ method: 'POST', url: `/api/staff/${agent.id}/password` });
    expect(req.request.body).toEqual({ password: 'fresh-start-2' });
    req.flush(null, { status: 204, statusText: 'No Content' });
    await settle();

    expect(overlay().textContent).toContain('已为 林晓 重置密码');
  });

  it('should name row actions for assistive technology, not by their icons', async () => {
    await loadList([admin, agent]);

    const names = Array.from(rowFor('lin.xiao@hearth.test')!.querySelectorAll('button')).map(accessibleText);

    expect(names).toEqual(['修改心意额度', '停用', '重置密码']);
  });
  it('should show each person’s monthly gesture allowance, and nothing they spent', async () => {
    await loadList([{ ...agent, monthlyGestureAllowanceCents: 30000 } as Staff, { ...admin, monthlyGestureAllowanceCents: 12050 } as Staff]);

    expect(page().querySelector('thead')!.textContent).toContain('每月心意额度');
    expect(rowFor('lin.xiao@hearth.test')!.textContent).toContain('¥300');
    expect(rowFor('admin@hearth.test')!.textContent).toContain('¥120.50');
    expect(page().textContent).not.toMatch(/已用|花了|spent/i);
  });

  it('should change someone’s allowance in yuan and send it in fen', async () => {
    await loadList([{ ...agent, monthlyGestureAllowanceCents: 30000 } as Staff]);

    buttonNamed(rowFor('lin.xiao@hearth.test')!, '修改心意额度').click();
    await settle();
    const dialog = overlay().querySelector('mat-dialog-container') as HTMLElement;
    expect(dialog.textContent).toContain('林晓 的每月心意额度');
    const field = controlLabelled(dialog, '每月额度（元）') as HTMLInputElement;
    expect(field.value).toBe('300');
    typeInto(field, '450.5');
    buttonNamed(dialog, '保存').click();
    await settle();

    const req = backend.expectOne({ method: 'PATCH', url: `/api/staff/${agent.id}` });
    expect(req.request.body).toEqual({ monthlyGestureAllowanceCents: 45050 });
    req.flush({ staff: { ...agent, monthlyGestureAllowanceCents: 45050 } });
    await settle();

    expect(rowFor('lin.xiao@hearth.test')!.textContent).toContain('¥450.50');
  });

  it('should not send an allowance that is not an amount', async () => {
    await loadList([{ ...agent, monthlyGestureAllowanceCents: 30000 } as Staff]);

    buttonNamed(rowFor('lin.xiao@hearth.test')!, '修改心意额度').click();
    await settle();
    const dialog = overlay().querySelector('mat-dialog-container') as HTMLElement;
    typeInto(controlLabelled(dialog, '每月额度（元）'), '-5');
    buttonNamed(dialog, '保存').click();
    await settle();

    backend.expectNone({ method: 'PATCH' });
    expect(dialog.querySelector('[role=alert]')!.textContent).toContain('请写 0 到 100,000 之间的金额');
  });
});
