import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ForumBoard, ForumThreadPage } from '@hearth/contract';
import { accessibleText, buttonNamed } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { ForumHomePage } from './forum-home-page';
import { aBoard, aThreadSummary } from './forum-page-fixtures';

@Component({ template: '' })
class Blank {}

describe(ForumHomePage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([
          { path: 'forum', component: ForumHomePage },
          { path: 'forum/boards/:slug', component: Blank },
          { path: 'forum/threads/:id', component: Blank },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create('/forum');
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => harness.routeNativeElement!;
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };
  const boardCards = () => Array.from(page().querySelectorAll<HTMLAnchorElement>('a.board'));
  const latest = () => page().querySelector<HTMLElement>('section.latest');

  function answer(boards: ForumBoard[], threads: ForumThreadPage = { threads: [], nextCursor: null }): void {
    backend.expectOne('/api/forum/boards').flush(boards);
    backend.expectOne((req) => req.url === '/api/forum/threads').flush(threads);
  }

  it('should welcome the reader and list the boards with what is in them', async () => {
    answer([
      aBoard(),
      aBoard({ id: 'b2', slug: 'ideas', name: '产品建议', kind: 'suggestion', threadCount: 0, lastActivityAt: null }),
      aBoard({ id: 'b3', slug: 'old', name: '旧版块', archived: true }),
    ]);
    await settle();

    expect(page().querySelector('h1')!.textContent).toBe('欢迎来到 Hearth 社区');
    expect(boardCards().map((a) => a.querySelector('.board-name')!.textContent)).toEqual(['使用求助', '产品建议']);
    expect(boardCards()[0].getAttribute('href')).toBe('/forum/boards/help');
    expect(boardCards()[0].querySelector('.kind')!.textContent).toContain('help');
    expect(boardCards()[1].querySelector('.kind')!.textContent).toContain('lightbulb');
    expect(boardCards()[0].querySelector('.board-meta')!.textContent).toMatch(/12 个话题\s*·\s*最近更新 /);
    expect(boardCards()[1].querySelector('.board-meta')!.textContent!.trim()).toBe('还没有话题');
  });

  it('should show the latest threads across boards, naming each one’s board, with load more', async () => {
    answer([aBoard()], { threads: [aThreadSummary('t1')], nextCursor: 'next-1' });
    await settle();

    expect(latest()!.querySelector('h2')!.textContent).toBe('最新动态');
    const item = latest()!.querySelector('app-forum-thread-list-item')!;
    expect(accessibleText(item.querySelector('a.board')!)).toBe('版块：使用求助');

    buttonNamed(latest()!, '加载更多').click();
    const more = backend.expectOne((req) => req.url === '/api/forum/threads');
    expect(more.request.params.get('before')).toBe('next-1');
    more.flush({ threads: [aThreadSummary('t2')], nextCursor: null });
    await settle();
    expect(latest()!.querySelectorAll('app-forum-thread-list-item')).toHaveLength(2);
  });

  it('should say the community is getting ready when there are no boards', async () => {
    answer([]);
    await settle();

    expect(page().textContent).toContain('社区还在布置中');
    expect(latest()).toBeNull();
  });

  it('should offer a retry when the boards fail to open', async () => {
    const { body, opts } = apiError(500, 'internal');
    backend.expectOne('/api/forum/boards').flush(body, opts);
    backend.expectOne((req) => req.url === '/api/forum/threads').flush({ threads: [], nextCursor: null });
    await settle();

    expect(page().querySelector('[role=alert]')!.textContent).toContain('版块没能打开。');
    buttonNamed(page(), '重试').click();
    backend.expectOne('/api/forum/boards').flush([aBoard()]);
    await settle();
    expect(boardCards()).toHaveLength(1);
  });
});
