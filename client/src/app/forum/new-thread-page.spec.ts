import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ForumBoard, ForumViewer } from '@hearth/contract';
import { buttonNamed } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { ForumViewerStore } from './forum-viewer';
import { NewThreadPage } from './new-thread-page';
import { aThread } from './thread-fixtures';

@Component({ template: '' })
class Blank {}

const HELP: ForumBoard = {
  id: 'board-help',
  slug: 'help',
  name: '使用求助',
  description: '',
  kind: 'help',
  position: 1,
  archived: false,
  threadCount: 3,
  lastActivityAt: null,
};
const MEMBER: ForumViewer = {
  kind: 'member',
  member: { username: 'wangfang', displayName: '王芳', seniorFan: false, joinedAt: '2025-06-01T00:00:00.000Z', phone: null },
};

describe(NewThreadPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    sessionStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter(
          [
            { path: 'forum/boards/:slug/new', component: NewThreadPage },
            { path: 'forum/boards/:slug', component: Blank },
            { path: 'forum/threads/:id', component: Blank },
            { path: 'forum/sign-in', component: Blank },
            { path: 'forum', component: Blank },
          ],
          withComponentInputBinding(),
        ),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => harness.routeNativeElement!;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };
  const titleInput = () => page().querySelector<HTMLInputElement>('input[matinput]')!;
  const bodyBox = () => page().querySelector<HTMLTextAreaElement>('textarea')!;

  async function open(viewer: ForumViewer, slug = 'help'): Promise<void> {
    const loaded = TestBed.inject(ForumViewerStore).refresh();
    backend.expectOne('/api/forum/me').flush(viewer);
    await loaded;
    harness = await RouterTestingHarness.create(`/forum/boards/${slug}/new`);
    backend.expectOne('/api/forum/boards').flush([HELP]);
    await settle();
  }

  async function write(title: string, body: string): Promise<void> {
    titleInput().value = title;
    titleInput().dispatchEvent(new Event('input'));
    bodyBox().value = body;
    bodyBox().dispatchEvent(new Event('input'));
    await settle();
  }

  it('should send the anonymous to sign in, and back here after', async () => {
    await open({ kind: 'anonymous' });
    expect(TestBed.inject(Router).url).toBe('/forum/sign-in?returnUrl=%2Fforum%2Fboards%2Fhelp%2Fnew');
  });

  it('should start a thread and open it', async () => {
    await open(MEMBER);
    expect(page().querySelector('h1')!.textContent).toBe('在「使用求助」发新帖');
    await write('  扫地机器人不回充  ', '每次打扫完都停在客厅中间');
    buttonNamed(page(), '发布').click();

    const req = backend.expectOne({ method: 'POST', url: '/api/forum/threads' });
    expect(req.request.body).toEqual({ boardId: 'board-help', title: '扫地机器人不回充', body: '每次打扫完都停在客厅中间', clientId: expect.any(String) });
    req.flush(aThread({ id: 't9' }));
    await settle();
    expect(TestBed.inject(Router).url).toBe('/forum/threads/t9');
    expect(sessionStorage.length).toBe(0);
  });

  it('should wait for a title of at least four characters', async () => {
    await open(MEMBER);
    await write('求助', '正文');
    expect(buttonNamed(page(), '发布').disabled).toBe(true);
    expect(page().textContent).toContain('标题至少 4 个字');
    await write('求助求助', '正文');
    expect(buttonNamed(page(), '发布').disabled).toBe(false);
  });

  it('should send with Ctrl+Enter from the title, once, with the same client id on a retry', async () => {
    await open(MEMBER);
    await write('净水器滤芯怎么换', '红灯一直亮');
    const ctrlEnter = () =>
      titleInput().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true, bubbles: true, cancelable: true }));
    ctrlEnter();
    ctrlEnter();
    const first = backend.expectOne({ method: 'POST', url: '/api/forum/threads' });
    first.flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(page().querySelector('[role=alert]')!.textContent).toContain('无法连接服务器');
    expect(bodyBox().value).toBe('红灯一直亮');

    ctrlEnter();
    const second = backend.expectOne({ method: 'POST', url: '/api/forum/threads' });
    expect(second.request.body.clientId).toBe(first.request.body.clientId);
    second.flush(aThread({ id: 't9' }));
    await settle();
  });

  it('should keep the title and text across a reload', async () => {
    await open(MEMBER);
    await write('写到一半的标题', '写到一半的正文');
    await harness.navigateByUrl('/forum');

    await harness.navigateByUrl('/forum/boards/help/new');
    backend.expectOne('/api/forum/boards').flush([HELP]);
    await settle();
    expect(titleInput().value).toBe('写到一半的标题');
    expect(bodyBox().value).toBe('写到一半的正文');
  });

  it('should say when the board does not exist', async () => {
    const loaded = TestBed.inject(ForumViewerStore).refresh();
    backend.expectOne('/api/forum/me').flush(MEMBER);
    await loaded;
    harness = await RouterTestingHarness.create('/forum/boards/nope/new');
    backend.expectOne('/api/forum/boards').flush([HELP]);
    await settle();
    expect(page().querySelector('h1')!.textContent).toBe('找不到这个版块');
  });

  it('should say when the board was archived meanwhile', async () => {
    await open(MEMBER);
    await write('净水器滤芯怎么换', '红灯一直亮');
    buttonNamed(page(), '发布').click();
    const { body, opts } = apiError(400, 'forum.board_archived');
    backend.expectOne({ method: 'POST', url: '/api/forum/threads' }).flush(body, opts);
    await settle();
    expect(page().querySelector('[role=alert]')!.textContent).toContain('这个版块已归档');
  });
});
