import { HttpTestingController, TestRequest } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { accessibleText, buttonNamed, queryButtonNamed } from '../../testing/dom';
import { testProviders } from '../../testing/providers';
import { aStoryCard } from './story-fixtures';
import { SEARCH_DEBOUNCE_MS, StoriesFeedPage, latestHighlightFirst } from './stories-feed-page';

@Component({ template: '' })
class Blank {}

describe(StoriesFeedPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        provideRouter([
          { path: 'stories', component: StoriesFeedPage },
          { path: 'stories/:caseId', component: Blank },
          { path: 'print/stories', component: Blank },
        ]),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const page = (): HTMLElement => harness.routeNativeElement!;
  const router = () => TestBed.inject(Router);
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };
  const feedRequests = (): TestRequest[] =>
    backend.match((r) => r.url === '/api/stories' && !r.params.has('highlighted'));
  const cardTitles = (root: ParentNode = page()) =>
    Array.from(root.querySelectorAll('.recent app-story-card h3')).map(accessibleText);

  /** Opens the feed; answers facets and the week's highlights; leaves the feed request open. */
  async function open(url = '/stories', highlighted = [] as ReturnType<typeof aStoryCard>[]): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    backend.expectOne('/api/stories/facets').flush({ themes: ['屏幕', '电池'], stores: [{ id: 'store-sh', name: '上海静安店' }] });
    backend
      .expectOne((r) => r.url === '/api/stories' && r.params.get('highlighted') === 'week')
      .flush({ stories: highlighted, nextCursor: null });
    await settle();
  }

  async function answerFeed(stories = [aStoryCard('c1')], nextCursor: string | null = null): Promise<TestRequest> {
    const [req] = feedRequests();
    req.flush({ stories, nextCursor });
    await settle();
    return req;
  }

  it('should show a loading state, then the recent stories with their lead, quote and helpers', async () => {
    await open();
    expect(page().textContent).toContain('正在加载故事…');

    await answerFeed([aStoryCard('c1'), aStoryCard('c2', { title: '电池鼓包' })]);

    expect(cardTitles()).toEqual(['屏幕碎了 c1', '电池鼓包']);
    const card = page().querySelector('.recent app-story-card')!;
    expect(card.textContent).toContain('她的手机屏幕摔碎了');
    expect(card.querySelector('blockquote')!.textContent).toContain('没想到你们这么快！');
    expect(card.textContent).toContain('一起帮忙的：林晓、王磊');
    expect(card.textContent).toContain('上海静安店');
    expect(card.textContent).toContain('手写卡片');
  });

  it('should ask for the filters in the address, and show them chosen', async () => {
    await open('/stories?theme=屏幕&channel=wechat&q=出差');

    const [req] = feedRequests();
    expect(req.request.params.get('theme')).toBe('屏幕');
    expect(req.request.params.get('channel')).toBe('wechat');
    expect(req.request.params.get('q')).toBe('出差');
    req.flush({ stories: [aStoryCard('c1')], nextCursor: null });
    await settle();
    expect(buttonNamed(page(), '屏幕').getAttribute('aria-pressed')).toBe('true');
    expect(buttonNamed(page(), '微信').getAttribute('aria-pressed')).toBe('true');
    expect(buttonNamed(page(), '全部主题').getAttribute('aria-pressed')).toBe('false');
    expect(page().querySelector<HTMLInputElement>('input[type=search]')!.value).toBe('出差');
  });

  it('should put a chosen filter in the address and load again; back returns to the previous one', async () => {
    await open();
    await answerFeed();

    buttonNamed(page(), '本月').click();
    await settle();

    expect(router().url).toBe('/stories?period=month');
    const [monthReq] = feedRequests();
    expect(monthReq.request.params.get('from')).toMatch(/^\d{4}-\d{2}-01$/);
    monthReq.flush({ stories: [], nextCursor: null });
    await settle();
    expect(page().textContent).toContain('没有找到这样的故事');

    buttonNamed(page(), '门店').click();
    await settle();
    expect(router().url).toBe('/stories?period=month&channel=store');
    feedRequests()[0].flush({ stories: [], nextCursor: null });

    await harness.navigateByUrl('/stories?period=month');
    await settle();
    const [again] = feedRequests();
    expect(again.request.params.has('channel')).toBe(false);
    again.flush({ stories: [], nextCursor: null });
  });

  it('should search after a pause in typing, replacing the history entry', async () => {
    await open();
    await answerFeed();
    const navigate = jest.spyOn(router(), 'navigate');
    const input = page().querySelector<HTMLInputElement>('input[type=search]')!;

    input.value = '退货';
    input.dispatchEvent(new Event('input'));
    await new Promise((resolve) => setTimeout(resolve, SEARCH_DEBOUNCE_MS + 20));
    await settle();

    expect(navigate).toHaveBeenCalledWith([], expect.objectContaining({ replaceUrl: true }));
    expect(router().url).toBe('/stories?q=%E9%80%80%E8%B4%A7');
    const [req] = feedRequests();
    expect(req.request.params.get('q')).toBe('退货');
    req.flush({ stories: [], nextCursor: null });
  });

  it('should clear every filter at once', async () => {
    await open('/stories?theme=电池&period=week');
    await answerFeed([]);

    buttonNamed(page(), '清除筛选').click();
    await settle();

    expect(router().url).toBe('/stories');
    feedRequests()[0].flush({ stories: [], nextCursor: null });
  });

  it('should load the next page after the last story shown', async () => {
    await open();
    await answerFeed([aStoryCard('c1'), aStoryCard('c2')], 'cursor-2');

    buttonNamed(page(), '加载更多').click();
    const [more] = feedRequests();
    expect(more.request.params.get('before')).toBe('cursor-2');
    more.flush({ stories: [aStoryCard('c2'), aStoryCard('c3')], nextCursor: null });
    await settle();

    expect(cardTitles()).toEqual(['屏幕碎了 c1', '屏幕碎了 c2', '屏幕碎了 c3']);
    expect(queryButtonNamed(page(), '加载更多')).toBeUndefined();
    expect(page().textContent).toContain('更早的故事就这些了');
  });

  it('should keep what is shown when a further page fails, and retry that page', async () => {
    await open();
    await answerFeed([aStoryCard('c1')], 'cursor-1');

    buttonNamed(page(), '加载更多').click();
    feedRequests()[0].flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(page().textContent).toContain('没能加载更多故事。');
    expect(cardTitles()).toEqual(['屏幕碎了 c1']);

    buttonNamed(page(), '重试').click();
    const [retry] = feedRequests();
    expect(retry.request.params.get('before')).toBe('cursor-1');
    retry.flush({ stories: [aStoryCard('c9')], nextCursor: null });
    await settle();
    expect(cardTitles()).toEqual(['屏幕碎了 c1', '屏幕碎了 c9']);
  });

  it('should say when the stories cannot be loaded, and retry', async () => {
    await open();
    feedRequests()[0].flush(null, { status: 500, statusText: 'Server Error' });
    await settle();
    expect(page().querySelector('[role=alert]')!.textContent).toContain('没能加载故事。');

    buttonNamed(page(), '重试').click();
    await answerFeed([aStoryCard('c1')]);

    expect(cardTitles()).toEqual(['屏幕碎了 c1']);
  });

  it('should show an empty state when there are no stories yet', async () => {
    await open();
    await answerFeed([]);

    expect(page().textContent).toContain('还没有故事');
  });

  it('should put the stories the server counts as this week’s on top, the latest highlight first', async () => {
    const at = (iso: string, note: string | null = null) => ({ by: { id: 'm', name: '周婷' }, at: iso, note });
    // Resolved long ago, highlighted this week: the server lists it by when it was resolved.
    const older = aStoryCard('w0', { title: '去年的故事', highlight: at('2026-11-15T08:00:00Z') });
    const recent = aStoryCard('w1', { title: '本周的好故事', highlight: at('2026-11-19T08:00:00Z', '值得一读') });
    await open('/stories', [older, recent]);
    await answerFeed([]);

    const weekly = page().querySelector('.weekly')!;
    expect(weekly.querySelector('h2')!.textContent).toContain('本周故事');
    expect(Array.from(weekly.querySelectorAll('h3')).map(accessibleText)).toEqual(['本周的好故事', '去年的故事']);
    expect(weekly.textContent).toContain('周婷：值得一读');
  });

  it('should order highlighted stories by when they were highlighted', () => {
    const at = (iso: string) => ({ by: { id: 'm', name: '周婷' }, at: iso, note: null });
    const stories = [
      aStoryCard('a', { highlight: at('2026-11-14T12:00:00Z') }),
      aStoryCard('b', { highlight: at('2026-11-19T12:00:00Z') }),
      aStoryCard('d'),
    ];

    expect(latestHighlightFirst(stories).map((s) => s.caseId)).toEqual(['b', 'a']);
  });

  it('should export and print the selected stories, in the order they were picked', async () => {
    await open();
    await answerFeed([aStoryCard('c1'), aStoryCard('c2'), aStoryCard('c3')]);
    expect(page().querySelector('[role=region]')).toBeNull();
    const box = (title: string) =>
      page().querySelector<HTMLInputElement>(`input[type=checkbox][aria-label="选择「${title}」"]`)!;

    box('屏幕碎了 c3').click();
    box('屏幕碎了 c1').click();
    await settle();

    const bar = page().querySelector<HTMLElement>('[role=region]')!;
    expect(bar.getAttribute('aria-label')).toBe('已选的故事');
    expect(bar.textContent).toContain('已选 2 篇');
    const links = Array.from(bar.querySelectorAll('a'));
    const exportLink = links.find((a) => accessibleText(a) === '导出 Markdown')!;
    const printLink = links.find((a) => accessibleText(a) === '打印')!;
    expect(exportLink.getAttribute('href')).toBe('/api/stories/export.md?ids=c3,c1&lang=zh');
    expect(exportLink.hasAttribute('download')).toBe(true);
    expect(printLink.getAttribute('href')).toBe('/print/stories?ids=c3,c1');
    expect(printLink.getAttribute('target')).toBe('_blank');

    buttonNamed(bar, '取消选择').click();
    await settle();
    expect(page().querySelector('[role=region]')).toBeNull();
  });

  it('should let at most 50 stories be picked, and say so', async () => {
    await open();
    const stories = Array.from({ length: 51 }, (_, i) => aStoryCard(`c${i + 1}`));
    await answerFeed(stories);
    // page() walks the whole debug tree, which is slow with 51 cards: look it up once.
    const root = page();
    const box = (n: number) =>
      root.querySelector<HTMLInputElement>(`input[type=checkbox][aria-label="选择「屏幕碎了 c${n}」"]`)!;

    for (let n = 1; n <= 50; n++) box(n).click();
    await settle();
    const bar = root.querySelector<HTMLElement>('[role=region]')!;
    expect(bar.textContent).toContain('已选 50 篇');
    expect(bar.textContent).toContain('最多选 50 篇');
    expect(box(51).getAttribute('aria-disabled')).toBe('true');
    const hint = box(51).getAttribute('aria-describedby')!;
    expect(root.querySelector(`#${hint}`)!.textContent).toContain('最多选 50 篇');
    expect(box(1).getAttribute('aria-disabled')).toBeNull();

    box(51).click();
    await settle();
    expect(bar.textContent).toContain('已选 50 篇');
    expect(bar.querySelector('a[download]')!.getAttribute('href')).not.toContain('c51');

    box(1).click();
    await settle();
    expect(bar.textContent).not.toContain('最多选');
    expect(box(51).getAttribute('aria-disabled')).toBeNull();
  });
});
