import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { accessibleText, buttonNamed, controlLabelled, overlay, typeInto } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { Store } from '../core/stores-api';
import { StoresAdminPage } from './stores-admin-page';

const JINGAN: Store = { id: 'store-sh', name: '上海静安店', city: '上海', address: '南京西路 1266 号' };
const XIHU: Store = { id: 'store-hz', name: '杭州西湖店', city: '杭州', address: '延安路 98 号' };

describe(StoresAdminPage.name, () => {
  let fixture: ComponentFixture<StoresAdminPage>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: testProviders() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(StoresAdminPage);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => fixture.nativeElement;
  const rows = () => Array.from(page().querySelectorAll<HTMLTableRowElement>('tbody tr'));
  const rowFor = (name: string) => rows().find((row) => row.textContent!.includes(name));
  const openDialog = () => overlay().querySelector<HTMLElement>('mat-dialog-container');
  /** Dialogs finish closing on a timer, so let one pass before waiting for the view. */
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function loadList(stores: Store[]): Promise<void> {
    backend.expectOne({ method: 'GET', url: '/api/stores' }).flush({ stores });
    await settle();
  }

  async function openCreateDialog(): Promise<HTMLElement> {
    buttonNamed(page(), '新建门店').click();
    await settle();
    return openDialog()!;
  }

  async function openEditDialog(name: string): Promise<HTMLElement> {
    buttonNamed(rowFor(name)!, '编辑').click();
    await settle();
    return openDialog()!;
  }

  function fill(dialog: HTMLElement, fields: Partial<Record<'名称' | '城市' | '地址', string>>): void {
    for (const [label, value] of Object.entries(fields)) typeInto(controlLabelled(dialog, label), value);
  }

  it('should show a loading state, then one row per store with its name, city and address', async () => {
    expect(page().textContent).toContain('正在加载门店…');

    await loadList([JINGAN, XIHU]);

    expect(rows()).toHaveLength(2);
    const cells = Array.from(rowFor('杭州西湖店')!.querySelectorAll('td')).map(accessibleText);
    expect(cells).toEqual(['杭州西湖店', '杭州', '延安路 98 号', '编辑']);
  });

  it('should show an empty state when there are no stores yet', async () => {
    await loadList([]);

    expect(page().textContent).toContain('还没有门店');
  });

  it('should offer to retry when the list cannot be loaded', async () => {
    backend.expectOne('/api/stores').flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(page().textContent).toContain('无法加载门店列表。');

    buttonNamed(page(), '重试').click();
    await loadList([JINGAN]);

    expect(rows()).toHaveLength(1);
  });

  it('should create a store with POST /api/stores, trimmed, and list it', async () => {
    await loadList([JINGAN]);
    const dialog = await openCreateDialog();
    expect(dialog.querySelector('h2')!.textContent).toContain('新建门店');

    fill(dialog, { 名称: ' 苏州观前店 ', 城市: '苏州 ', 地址: ' 观前街 88 号' });
    buttonNamed(dialog, '创建').click();
    await settle();

    const req = backend.expectOne({ method: 'POST', url: '/api/stores' });
    expect(req.request.body).toEqual({ name: '苏州观前店', city: '苏州', address: '观前街 88 号' });
    req.flush(
      { store: { id: 'store-sz', name: '苏州观前店', city: '苏州', address: '观前街 88 号' } },
      { status: 201, statusText: 'Created' },
    );
    await settle();

    expect(openDialog()).toBeNull();
    expect(rowFor('苏州观前店')?.textContent).toContain('观前街 88 号');
    expect(overlay().textContent).toContain('已创建门店 苏州观前店');
  });

  it('should explain inline why a form cannot be sent, counting spaces as empty', async () => {
    await loadList([JINGAN]);
    const dialog = await openCreateDialog();

    fill(dialog, { 名称: '   ' });
    buttonNamed(dialog, '创建').click();
    await settle();

    backend.expectNone('/api/stores');
    expect(dialog.textContent).toContain('请输入门店名称');
    expect(dialog.textContent).toContain('请输入城市');
    expect(dialog.textContent).toContain('请输入地址');
  });

  it('should keep the dialog open and say so when the name is taken', async () => {
    await loadList([JINGAN]);
    const dialog = await openCreateDialog();

    fill(dialog, { 名称: '上海静安店', 城市: '上海', 地址: '别的地址' });
    buttonNamed(dialog, '创建').click();
    await settle();
    const { body, opts } = apiError(409, 'store.name_taken');
    backend.expectOne('/api/stores').flush(body, opts);
    await settle();

    expect(openDialog()).not.toBeNull();
    expect(dialog.textContent).toContain('已有同名门店');
    expect(rows()).toHaveLength(1);
  });

  it('should show other failures in the dialog and let the admin try again', async () => {
    await loadList([JINGAN]);
    const dialog = await openCreateDialog();

    fill(dialog, { 名称: '苏州观前店', 城市: '苏州', 地址: '观前街 88 号' });
    buttonNamed(dialog, '创建').click();
    await settle();
    backend.expectOne('/api/stores').flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();

    expect(dialog.querySelector('[role=alert]')!.textContent).toContain('无法连接服务器，请稍后重试');
    expect(buttonNamed(dialog, '创建').disabled).toBe(false);
    buttonNamed(dialog, '取消').click();
    await settle();
    expect(openDialog()).toBeNull();
  });

  it('should edit a store with PATCH of only the fields that changed', async () => {
    await loadList([JINGAN, XIHU]);
    const dialog = await openEditDialog('杭州西湖店');
    expect(dialog.querySelector('h2')!.textContent).toContain('编辑门店');
    expect((controlLabelled(dialog, '名称') as HTMLInputElement).value).toBe('杭州西湖店');

    fill(dialog, { 地址: ' 文三路 1 号 ' });
    buttonNamed(dialog, '保存').click();
    await settle();

    const req = backend.expectOne({ method: 'PATCH', url: `/api/stores/${XIHU.id}` });
    expect(req.request.body).toEqual({ address: '文三路 1 号' });
    req.flush({ store: { ...XIHU, address: '文三路 1 号' } });
    await settle();

    expect(openDialog()).toBeNull();
    expect(rowFor('杭州西湖店')?.textContent).toContain('文三路 1 号');
    expect(rows()).toHaveLength(2);
    expect(overlay().textContent).toContain('已保存门店 杭州西湖店');
  });

  it('should close without a request when an edit changed nothing', async () => {
    await loadList([JINGAN]);
    const dialog = await openEditDialog('上海静安店');

    fill(dialog, { 城市: ' 上海 ' });
    buttonNamed(dialog, '保存').click();
    await settle();

    backend.expectNone(`/api/stores/${JINGAN.id}`);
    expect(openDialog()).toBeNull();
  });

  it('should refuse a rename onto another store in the dialog', async () => {
    await loadList([JINGAN, XIHU]);
    const dialog = await openEditDialog('杭州西湖店');

    fill(dialog, { 名称: '上海静安店' });
    buttonNamed(dialog, '保存').click();
    await settle();
    const { body, opts } = apiError(409, 'store.name_taken');
    backend.expectOne({ method: 'PATCH', url: `/api/stores/${XIHU.id}` }).flush(body, opts);
    await settle();

    expect(dialog.textContent).toContain('已有同名门店');
    expect(rowFor('杭州西湖店')).toBeDefined();
  });

  it('should name row actions for assistive technology, not by their icons', async () => {
    await loadList([JINGAN]);

    const names = Array.from(rowFor('上海静安店')!.querySelectorAll('button')).map(accessibleText);

    expect(names).toEqual(['编辑']);
  });
});
