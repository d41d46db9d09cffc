import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { accessibleText, buttonNamed } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { BoardPage } from './board-page';
import { aBoard, aMember, aThreadSummary } from './forum-page-fixtures';
import { ForumViewerStore } from './forum-viewer';

@Component({ template: '' })
class Blank {}

describe(BoardPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter(
          [
            { path: 'forum/boards/:slug', component: BoardPage },
            { path: 'forum/boards/:slug/new', component: Blank },
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
  const linkNamed = (name: string) => Array.from(page().querySelectorAll('a')).find((a) => accessibleText(a) === name);
  const items = () => Array.from(page().querySelectorAll('app-forum-thread-list-item'));
  const threadsUrl = (slug: string) => (req: { url: string }) => req.url === `/api/forum/boards/${slug}/threads`;

  async function open(slug = 'help'): Promise<void> {
    harness = await RouterTestingHarness.create(`/forum/boards/${slug}`);
    await settle();
  }

  it('should show the board with its description and its threads, newest activity first', async () => {
    TestBed.inject(ForumViewerStore).signedIn(aMember());
    await open();
    const req = backend.expectOne(threadsUrl('help'));
    expect(req.request.params.get('limit')).toBe('20');
    expect(req.request.params.has('before')).toBe(false);
    req.flush({ board: aBoard(), threads: [aThreadSummary('t1'), aThreadSummary('t2')], nextCursor: null });
    await settle();

    expect(page().querySelector('h1')!.textContent).toBe('使用求助');
    expect(page().querySelector('.description')!.textContent).toContain('用得不顺手？来问问大家。');
    expect(items().map((i) => i.querySelector('h3')!.textContent!.trim())).toEqual([
      '扫地机器人不回充 t1',
      '扫地机器人不回充 t2',
    ]);
    expect(linkNamed('扫地机器人不回充 t1')!.getAttribute('href')).toBe('/forum/threads/t1');
  });

  it('should read each thread: author, excerpt, replies and who replied last', async () => {
    await open();
    backend.expectOne(threadsUrl('help')).flush({ board: aBoard(), threads: [aThreadSummary('t1')], nextCursor: null });
    await settle();

    const item = items()[0];
    expect(item.querySelector('app-forum-author')!.textContent).toContain('王芳');
    expect(item.querySelector('.excerpt')!.textContent).toContain('每次打扫完都停在客厅中间');
    expect(item.querySelector('.replies')!.textContent).toContain('3 条回复');
    expect(item.querySelector('.last')!.textContent).toMatch(/^\s*老李 回复于 /);
    expect(item.querySelector('.badges')).toBeNull();
  });

  it('should badge solved, locked and a suggestion’s feedback status', async () => {
    await open('ideas');
    backend.expectOne(threadsUrl('ideas')).flush({
      board: aBoard({ slug: 'ideas', name: '产品建议', kind: 'suggestion' }),
      threads: [
        aThreadSummary('t1', { solved: true, locked: true }),
        aThreadSummary('t2', { feedbackStatus: 'heard' }),
        aThreadSummary('t3', { feedbackStatus: 'planned' }),
        aThreadSummary('t4', { feedbackStatus: 'shipped', replyCount: 0 }),
      ],
      nextCursor: null,
    });
    await settle();

    const badges = items().map((i) => Array.from(i.querySelectorAll('.badge')).map((b) => accessibleText(b)));
    expect(badges).toEqual([['已解决', '已锁定'], ['已收到'], ['已计划'], ['已上线']]);
    expect(items()[3].querySelector('.replies')!.textContent).toContain('暂无回复');
    expect(items()[3].querySelector('.last')!.textContent).toMatch(/^\s*发布于 /);
  });

  it('should load more threads after the last one shown (keyset cursor), once each', async () => {
    await open();
    backend
      .expectOne(threadsUrl('help'))
      .flush({ board: aBoard(), threads: [aThreadSummary('t1'), aThreadSummary('t2')], nextCursor: 'cursor-2' });
    await settle();

    buttonNamed(page(), '加载更多').click();
    await settle();
    expect(buttonNamed(page(), '正在加载…').disabled).toBe(true);
    const more = backend.expectOne(threadsUrl('help'));
    expect(more.request.params.get('before')).toBe('cursor-2');
    // t2 got a reply meanwhile and shows up again: it stays where it was.
    more.flush({ board: aBoard(), threads: [aThreadSummary('t2'), aThreadSummary('t3')], nextCursor: null });
    await settle();

    expect(items()).toHaveLength(3);
    expect(page().textContent).not.toContain('加载更多');
  });

  it('should keep the list and offer a retry when more threads fail to load', async () => {
    await open();
    backend.expectOne(threadsUrl('help')).flush({ board: aBoard(), threads: [aThreadSummary('t1')], nextCursor: 'c' });
    await settle();
    buttonNamed(page(), '加载更多').click();
    const { body, opts } = apiError(500, 'internal');
    backend.expectOne(threadsUrl('help')).flush(body, opts);
    await settle();

    expect(items()).toHaveLength(1);
    expect(page().querySelector('[role=alert]')!.textContent).toContain('更多话题没能加载');
    buttonNamed(page(), '重试').click();
    expect(backend.expectOne(threadsUrl('help')).request.params.get('before')).toBe('c');
  });

  it('should send an anonymous reader to sign in, and back to the new-thread page after', async () => {
    const known = TestBed.inject(ForumViewerStore).refresh();
    backend.expectOne('/api/forum/me').flush({ kind: 'anonymous' });
    await known;
    await open();
    backend.expectOne(threadsUrl('help')).flush({ board: aBoard(), threads: [], nextCursor: null });
    await settle();

    const link = linkNamed('发新帖')!;
    expect(link.getAttribute('href')).toBe('/forum/sign-in?returnUrl=%2Fforum%2Fboards%2Fhelp%2Fnew');
    expect(page().textContent).toContain('这里还没有话题');
  });

  it('should link a member straight to the new-thread page', async () => {
    TestBed.inject(ForumViewerStore).signedIn(aMember());
    await open();
    backend.expectOne(threadsUrl('help')).flush({ board: aBoard(), threads: [], nextCursor: null });
    await settle();

    expect(linkNamed('发新帖')!.getAttribute('href')).toBe('/forum/boards/help/new');
  });

  it('should say kindly when the board does not exist, with a way home', async () => {
    await open('gone');
    const { body, opts } = apiError(404, 'forum.board_not_found');
    backend.expectOne(threadsUrl('gone')).flush(body, opts);
    await settle();

    expect(page().querySelector('h1')!.textContent).toBe('找不到这个版块');
    expect(linkNamed('回到社区首页')!.getAttribute('href')).toBe('/forum');
  });

  it('should explain a failure and load again on retry', async () => {
    await open();
    backend.expectOne(threadsUrl('help')).flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();

    expect(page().querySelector('[role=alert]')!.textContent).toContain('话题没能加载。 无法连接服务器，请稍后重试');
    buttonNamed(page(), '重试').click();
    backend.expectOne(threadsUrl('help')).flush({ board: aBoard(), threads: [aThreadSummary('t1')], nextCursor: null });
    await settle();
    expect(items()).toHaveLength(1);
  });

  it('should start over when another board opens in the same page', async () => {
    await open();
    backend.expectOne(threadsUrl('help')).flush({ board: aBoard(), threads: [aThreadSummary('t1')], nextCursor: null });
    await settle();

    await TestBed.inject(Router).navigateByUrl('/forum/boards/ideas');
    await settle();
    backend.expectOne(threadsUrl('ideas')).flush({
      board: aBoard({ slug: 'ideas', name: '产品建议', kind: 'suggestion' }),
      threads: [],
      nextCursor: null,
    });
    await settle();
    expect(page().querySelector('h1')!.textContent).toBe('产品建议');
    expect(items()).toHaveLength(0);
  });
});
