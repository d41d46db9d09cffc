import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ForumBoard } from '@hearth/contract';
import { accessibleText, buttonNamed, controlLabelled, overlay, typeInto } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { ForumBoardsAdminPage } from './forum-boards-admin-page';

function aBoard(overrides: Partial<ForumBoard>): ForumBoard {
  return {
    id: 'b-help',
    slug: 'help',
    name: '使用求助',
    description: '使用中遇到问题，来这里问',
    kind: 'help',
    position: 1,
    archived: false,
    threadCount: 0,
    lastActivityAt: null,
    ...overrides,
  };
}

const HELP = aBoard({});
const IDEAS = aBoard({ id: 'b-ideas', slug: 'ideas', name: '产品建议', description: '', kind: 'suggestion', position: 2 });
const OLD = aBoard({ id: 'b-old', slug: 'old-news', name: '旧公告', description: '', kind: 'showcase', position: 9, archived: true });

describe(ForumBoardsAdminPage.name, () => {
  let fixture: ComponentFixture<ForumBoardsAdminPage>;
  let backend: HttpTestingController;

  beforeEach(async () => {
    localStorage.clear();
    TestBed.configureTestingModule({ providers: testProviders() });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ForumBoardsAdminPage);
    await fixture.whenStable();
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => fixture.nativeElement;
  const rows = () => Array.from(page().querySelectorAll<HTMLTableRowElement>('tbody tr'));
  const rowFor = (name: string) => rows().find((row) => row.querySelector('.name')!.textContent === name);
  const openDialog = () => overlay().querySelector<HTMLElement>('mat-dialog-container');
  async function settle(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await fixture.whenStable();
  }

  async function loadList(boards: ForumBoard[]): Promise<void> {
    backend.expectOne({ method: 'GET', url: '/api/forum/boards?all=true' }).flush(boards);
    await settle();
  }

  async function openCreateDialog(): Promise<HTMLElement> {
    buttonNamed(page(), '新建版块').click();
    await settle();
    return openDialog()!;
  }

  async function openEditDialog(name: string): Promise<HTMLElement> {
    buttonNamed(rowFor(name)!, '编辑').click();
    await settle();
    return openDialog()!;
  }

  async function chooseKind(dialog: HTMLElement, label: string): Promise<void> {
    controlLabelled(dialog, '类型').click();
    await settle();
    const option = Array.from(overlay().querySelectorAll<HTMLElement>('mat-option')).find((o) => o.textContent!.trim() === label)!;
    option.click();
    await settle();
  }

  it('should list every board, archived ones too, by position, with its kind in words', async () => {
    expect(page().textContent).toContain('正在加载版块…');

    await loadList([OLD, IDEAS, HELP]);

    expect(rows().map((row) => row.querySelector('.name')!.textContent)).toEqual(['使用求助', '产品建议', '旧公告']);
    const cells = (name: string) => Array.from(rowFor(name)!.querySelectorAll('td')).map(accessibleText);
    expect(cells('使用求助')).toEqual(['使用求助', 'help', '求助', '使用中遇到问题，来这里问', '1', '使用中', '编辑归档']);
    expect(cells('产品建议')[2]).toBe('建议（带反馈状态）');
    expect(cells('旧公告')).toEqual(['旧公告', 'old-news', '分享', '', '9', '已归档', '编辑恢复']);
    expect(rowFor('旧公告')!.classList).toContain('off');
  });

  it('should show an empty state, and a retry when the list cannot be loaded', async () => {
    backend.expectOne('/api/forum/boards?all=true').flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(page().textContent).toContain('无法加载版块列表。');

    buttonNamed(page(), '重试').click();
    await loadList([]);

    expect(page().textContent).toContain('还没有版块');
  });

  it('should add a board with POST /api/forum/boards, trimmed, and list it in its place', async () => {
    await loadList([HELP, IDEAS]);
    const dialog = await openCreateDialog();
    expect(dialog.querySelector('h2')!.textContent).toContain('新建版块');

    typeInto(controlLabelled(dialog, '名称'), ' 晒单分享 ');
    typeInto(controlLabelled(dialog, '网址标识'), 'show');
    await settle();
    expect(dialog.textContent).toContain('网址：/forum/boards/show（创建后不能修改）');
    await chooseKind(dialog, '分享');
    expect(dialog.textContent).toContain('晒单、分享使用心得');
    typeInto(controlLabelled(dialog, '说明（可选）'), ' 晒出你的新装备 ');
    typeInto(controlLabelled(dialog, '排序'), '0');
    buttonNamed(dialog, '创建').click();
    await settle();

    const req = backend.expectOne({ method: 'POST', url: '/api/forum/boards' });
    expect(req.request.body).toEqual({ slug: 'show', name: '晒单分享', description: '晒出你的新装备', kind: 'showcase', position: 0 });
    req.flush(aBoard({ id: 'b-show', slug: 'show', name: '晒单分享', description: '晒出你的新装备', kind: 'showcase', position: 0 }), {
      status: 201,
      statusText: 'Created',
    });
    await settle();

    expect(openDialog()).toBeNull();
    expect(rows().map((row) => row.querySelector('.name')!.textContent)).toEqual(['晒单分享', '使用求助', '产品建议']);
    expect(overlay().textContent).toContain('已创建版块 晒单分享');
  });

  it('should explain inline what a new board is missing, and refuse a URL name the server would', async () => {
    await loadList([HELP]);
    const dialog = await openCreateDialog();

    typeInto(controlLabelled(dialog, '名称'), '  ');
    typeInto(controlLabelled(dialog, '网址标识'), 'Help Desk');
    buttonNamed(dialog, '创建').click();
    await settle();

    backend.expectNone('/api/forum/boards');
    expect(dialog.textContent).toContain('请输入版块名称');
    expect(dialog.textContent).toContain('用 2–32 位小写字母、数字或 -');
  });

  it('should keep the dialog open and say so when the URL name is taken', async () => {
    await loadList([HELP]);
    const dialog = await openCreateDialog();

    typeInto(controlLabelled(dialog, '名称'), '求助二区');
    typeInto(controlLabelled(dialog, '网址标识'), 'help');
    buttonNamed(dialog, '创建').click();
    await settle();
    const { body, opts } = apiError(409, 'forum.slug_taken');
    backend.expectOne('/api/forum/boards').flush(body, opts);
    await settle();

    expect(openDialog()).not.toBeNull();
    expect(dialog.textContent).toContain('这个网址标识已被别的版块使用');
    expect(rows()).toHaveLength(1);
  });

  it('should show a refusal of bad input in the dialog, keeping what was typed', async () => {
    await loadList([HELP]);
    const dialog = await openCreateDialog();

    typeInto(controlLabelled(dialog, '名称'), '新版块');
    typeInto(controlLabelled(dialog, '网址标识'), 'new');
    buttonNamed(dialog, '创建').click();
    await settle();
    const { body, opts } = apiError(400, 'validation_failed', 'name must be shorter');
    backend.expectOne('/api/forum/boards').flush(body, opts);
    await settle();

    expect(dialog.querySelector('[role=alert]')!.textContent).toContain('有些信息不符合要求，请检查后重试');
    expect((controlLabelled(dialog, '名称') as HTMLInputElement).value).toBe('新版块');
    expect(buttonNamed(dialog, '创建').disabled).toBe(false);
  });

  it('should edit a board with PATCH of only what changed, its URL name fixed', async () => {
    await loadList([HELP, IDEAS]);
    const dialog = await openEditDialog('产品建议');
    expect(dialog.querySelector('h2')!.textContent).toContain('编辑版块');
    const slug = controlLabelled(dialog, '网址标识') as HTMLInputElement;
    expect(slug.value).toBe('ideas');
    expect(slug.disabled).toBe(true);
    expect(dialog.textContent).toContain('网址标识创建后不能修改');
    expect(dialog.textContent).toContain('官方可以标记 已收到 / 已计划 / 已上线');

    typeInto(controlLabelled(dialog, '说明（可选）'), '你的想法我们都会看');
    typeInto(controlLabelled(dialog, '排序'), '0');
    buttonNamed(dialog, '保存').click();
    await settle();

    const req = backend.expectOne({ method: 'PATCH', url: `/api/forum/boards/${IDEAS.id}` });
    expect(req.request.body).toEqual({ description: '你的想法我们都会看', position: 0 });
    req.flush({ ...IDEAS, description: '你的想法我们都会看', position: 0 });
    await settle();

    expect(openDialog()).toBeNull();
    expect(rows().map((row) => row.querySelector('.name')!.textContent)).toEqual(['产品建议', '使用求助']);
    expect(overlay().textContent).toContain('已保存版块 产品建议');
  });

  it('should close without a request when an edit changed nothing', async () => {
    await loadList([HELP]);
    const dialog = await openEditDialog('使用求助');

    typeInto(controlLabelled(dialog, '名称'), ' 使用求助 ');
    buttonNamed(dialog, '保存').click();
    await settle();

    backend.expectNone(`/api/forum/boards/${HELP.id}`);
    expect(openDialog()).toBeNull();
  });

  it('should refuse an order that is not a whole number from 0 to 9999', async () => {
    await loadList([HELP]);
    const dialog = await openEditDialog('使用求助');

    typeInto(controlLabelled(dialog, '排序'), '-1');
    buttonNamed(dialog, '保存').click();
    await settle();

    backend.expectNone(`/api/forum/boards/${HELP.id}`);
    expect(dialog.textContent).toContain('请输入 0–9999 的整数');
  });

  it('should archive a board and restore it', async () => {
    await loadList([HELP, OLD]);

    buttonNamed(rowFor('使用求助')!, '归档').click();
    const archive = backend.expectOne({ method: 'PATCH', url: `/api/forum/boards/${HELP.id}` });
    expect(archive.request.body).toEqual({ archived: true });
    archive.flush({ ...HELP, archived: true });
    await settle();
    expect(accessibleText(rowFor('使用求助')!)).toContain('已归档');
    expect(overlay().textContent).toContain('已归档 使用求助：社区里不再显示，帖子都还在');

    buttonNamed(rowFor('旧公告')!, '恢复').click();
    const restore = backend.expectOne({ method: 'PATCH', url: `/api/forum/boards/${OLD.id}` });
    expect(restore.request.body).toEqual({ archived: false });
    restore.flush({ ...OLD, archived: false });
    await settle();
    expect(accessibleText(rowFor('旧公告')!)).toContain('使用中');
  });

  it('should say so when archiving fails, leaving the board as it was', async () => {
    await loadList([HELP]);

    buttonNamed(rowFor('使用求助')!, '归档').click();
    backend.expectOne(`/api/forum/boards/${HELP.id}`).flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();

    expect(overlay().textContent).toContain('没有改成功，请重试');
    expect(buttonNamed(rowFor('使用求助')!, '归档').disabled).toBe(false);
  });
});
