import { HttpTestingController } from '@angular/common/http/testing';
import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import type { ForumMember, ForumThread, ForumViewer } from '@hearth/contract';
import { accessibleText, buttonNamed, overlay, queryButtonNamed, typeInto } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { ForumSocket, ForumThreadChange } from './forum-socket';
import { ForumViewerStore } from './forum-viewer';
import { FakeForumSocket, LAOLI, WANGFANG, aPost, aThread } from './thread-fixtures';
import { ThreadPage } from './thread-page';

@Component({ template: '' })
class Blank {}

const WANGFANG_MEMBER: ForumMember = { username: 'wangfang', displayName: '王芳', seniorFan: false, joinedAt: '2025-06-01T00:00:00.000Z', phone: null };
const LAOLI_MEMBER: ForumMember = { username: 'laoli', displayName: '老李', seniorFan: true, joinedAt: '2025-03-01T00:00:00.000Z', phone: null };
const MODERATOR: ForumViewer = { kind: 'staff', staff: { id: 's1', name: '林晓', role: 'agent', canModerate: true } };

function changeOf(thread: ForumThread, solutionPostId: string | null = thread.solution?.id ?? null): ForumThreadChange {
  const { posts, solution, nextCursor, lockedAt, ...summary } = thread;
  void [posts, solution, nextCursor, lockedAt];
  return { ...summary, solutionPostId };
}

describe(ThreadPage.name, () => {
  let harness: RouterTestingHarness;
  let backend: HttpTestingController;
  let socket: FakeForumSocket;

  beforeEach(() => {
    sessionStorage.clear();
    socket = new FakeForumSocket();
    TestBed.configureTestingModule({
      providers: [
        ...testProviders(),
        { provide: ForumSocket, useValue: socket },
        provideRouter(
          [
            { path: 'forum/threads/:id', component: ThreadPage },
            { path: 'forum/boards/:slug', component: Blank },
            { path: 'forum/sign-in', component: Blank },
            { path: 'forum/register', component: Blank },
            { path: 'forum/members/:username', component: Blank },
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
  const dialog = () => overlay().querySelector<HTMLElement>('mat-dialog-container');
  const settle = async () => {
    await new Promise((resolve) => setTimeout(resolve));
    await harness.fixture.whenStable();
  };
  const postIds = () => Array.from(page().querySelectorAll('.replies app-forum-post')).map((p) => p.id);
  const post = (id: string) => page().querySelector<HTMLElement>(`#post-${id}`)!;
  const linkNamed = (name: string) => Array.from(page().querySelectorAll('a')).find((a) => accessibleText(a) === name);

  async function open(viewer: ForumViewer, thread = aThread(), url = `/forum/threads/${thread.id}`): Promise<void> {
    const store = TestBed.inject(ForumViewerStore);
    const loaded = store.refresh();
    backend.expectOne('/api/forum/me').flush(viewer);
    await loaded;
    harness = await RouterTestingHarness.create(url);
    backend.expectOne(`/api/forum/threads/${thread.id}`).flush(thread);
    await settle();
  }

  it('should show the board, the title, the opening post and the replies oldest first, each with its anchor', async () => {
    await open({ kind: 'anonymous' });

    expect(linkNamed('使用求助')!.getAttribute('href')).toBe('/forum/boards/help');
    expect(page().querySelector('h1')!.textContent).toBe('扫地机器人不回充');
    expect(page().querySelector('app-forum-post.opening')!.id).toBe('post-1');
    expect(post('1').querySelector('.forum-post-body')!.textContent).toContain('不回充电座');
    expect(postIds()).toEqual(['post-2', 'post-3']);
    expect(post('2').textContent).toContain('资深粉丝');
    expect(post('3').textContent).toContain('官方');
  });

  it('should keep Angular’s sanitiser as a second layer over the server’s HTML', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    await open({ kind: 'anonymous' }, aThread({ posts: [aPost('1', { isOpening: true, html: '<p>hi</p><img src="x" onerror="alert(1)">' })] }));
    expect(post('1').innerHTML).not.toContain('onerror');
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('sanitizing HTML stripped some content'));
    warn.mockRestore();
  });

  it('should invite the anonymous to sign in or register, and come back here', async () => {
    await open({ kind: 'anonymous' });

    expect(page().querySelector('.reply')!.textContent).toContain('登录后参与讨论');
    expect(linkNamed('登录')!.getAttribute('href')).toBe('/forum/sign-in?returnUrl=%2Fforum%2Fthreads%2Ft1');
    expect(linkNamed('注册')!.getAttribute('href')).toBe('/forum/register?returnUrl=%2Fforum%2Fthreads%2Ft1');
    expect(page().querySelector('app-forum-composer')).toBeNull();
  });

  it('should add live posts from others, and show a reply of mine once when the socket echoes it', async () => {
    await open({ kind: 'member', member: LAOLI_MEMBER });
    expect(socket.watches[0].threadId).toBe('t1');
    expect(socket.watches[0].lastPostId()).toBe('3');

    socket.push({ type: 'post', post: aPost('4', { author: WANGFANG }) });
    await settle();
    expect(postIds()).toEqual(['post-2', 'post-3', 'post-4']);

    typeInto(page().querySelector('textarea')!, '换个插座试试');
    await settle();
    buttonNamed(page(), '发布回复').click();
    const req = backend.expectOne({ method: 'POST', url: '/api/forum/threads/t1/posts' });
    expect(req.request.body).toEqual({ body: '换个插座试试', clientId: expect.any(String) });
    const mine = aPost('5', { html: '<p>换个插座试试</p>' });
    req.flush(mine);
    socket.push({ type: 'post', post: mine });
    await settle();

    expect(postIds()).toEqual(['post-2', 'post-3', 'post-4', 'post-5']);
    expect(page().querySelector('textarea')!.value).toBe('');
    expect(socket.watches[0].lastPostId()).toBe('5');
  });

  it('should fold in what was missed while offline', async () => {
    await open({ kind: 'anonymous' });
    socket.push({ type: 'missed', posts: [aPost('3'), aPost('4'), aPost('6')] });
    await settle();
    expect(postIds()).toEqual(['post-2', 'post-3', 'post-4', 'post-6']);
  });

  it('should show the accepted answer at the top with a link to it in place', async () => {
    const solution = aPost('3', { author: LAOLI, html: '<p>长按回充键三秒</p>', isSolution: true });
    await open({ kind: 'anonymous' }, aThread({ solved: true, solution, posts: [aThread().posts[0], aPost('2'), solution] }));

    const card = page().querySelector<HTMLElement>('.solution')!;
    expect(card.querySelector('h2')!.textContent).toContain('已解决 · 最佳回答');
    expect(card.textContent).toContain('长按回充键三秒');
    expect(card.querySelector('a.jump')!.getAttribute('href')).toBe('/forum/threads/t1#post-3');
    expect(page().querySelector('.badges')!.textContent).toContain('已解决');
    expect(post('3').textContent).toContain('最佳回答');
  });

  it('should let the thread starter accept a reply (not the opening post) and take it back', async () => {
    await open({ kind: 'member', member: WANGFANG_MEMBER });
    expect(queryButtonNamed(post('1'), '采纳为最佳回答')).toBeUndefined();

    buttonNamed(post('2'), '采纳为最佳回答').click();
    const req = backend.expectOne({ method: 'PUT', url: '/api/forum/threads/t1/solution' });
    expect(req.request.body).toEqual({ postId: '2' });
    const solution = aPost('2', { isSolution: true });
    req.flush(aThread({ solved: true, solution }));
    await settle();

    expect(page().querySelector('.solution')!.textContent).toContain('回复 2');
    buttonNamed(post('2'), '取消采纳').click();
    backend.expectOne({ method: 'DELETE', url: '/api/forum/threads/t1/solution' }).flush(aThread());
    await settle();
    expect(page().querySelector('.solution')).toBeNull();
  });

  it('should not let other members accept answers', async () => {
    await open({ kind: 'member', member: LAOLI_MEMBER });
    expect(queryButtonNamed(page(), '采纳为最佳回答')).toBeUndefined();
    expect(queryButtonNamed(page(), '隐藏')).toBeUndefined();
  });

  it('should update the header live: solved, locked, feedback status', async () => {
    await open({ kind: 'member', member: LAOLI_MEMBER });
    const solved = aThread({ solved: true, locked: true, solution: aPost('2', { isSolution: true }) });
    socket.push({ type: 'thread', thread: changeOf(solved) });
    await settle();

    expect(page().querySelector('.badges')!.textContent).toContain('已锁定');
    expect(page().querySelector('.solution')!.textContent).toContain('回复 2');
    expect(page().querySelector('.reply')!.textContent).toContain('此话题已锁定');
    expect(page().querySelector('app-forum-composer')).toBeNull();
  });

  it('should remove a post staff hid for the public, and the whole thread when it was the opening post', async () => {
    await open({ kind: 'anonymous' });
    socket.push({ type: 'hidden', postId: '2' });
    await settle();
    expect(postIds()).toEqual(['post-3']);

    socket.push({ type: 'hidden', postId: '1' });
    await settle();
    expect(page().querySelector('h1')!.textContent).toBe('找不到这个话题');
    expect(linkNamed('回到社区首页')!.getAttribute('href')).toBe('/forum');
  });

  it('should keep a hidden post greyed with its reason for its author', async () => {
    await open({ kind: 'member', member: LAOLI_MEMBER });
    socket.push({ type: 'hidden', postId: '2' });
    const again = backend.expectOne((r) => r.url === '/api/forum/threads/t1/posts');
    expect(again.request.params.get('after')).toBe('1');
    expect(again.request.params.get('limit')).toBe('1');
    again.flush({ posts: [aPost('2', { hidden: { reason: '包含联系方式', by: '林晓', at: '2026-03-01T03:00:00.000Z' } })], nextCursor: null });
    await settle();

    expect(postIds()).toEqual(['post-2', 'post-3']);
    expect(post('2').classList).toContain('hidden-post');
    expect(post('2').textContent).toContain('已隐藏：包含联系方式');
  });

  it('should let a moderator hide a post with a required reason, and unhide it', async () => {
    await open(MODERATOR);
    buttonNamed(post('2'), '隐藏').click();
    await settle();
    expect(dialog()!.textContent).toContain('老李 的帖子会对其他人隐藏');
    buttonNamed(dialog()!, '隐藏').click();
    await settle();
    expect(dialog()!.textContent).toContain('请写下隐藏原因');

    typeInto(dialog()!.querySelector('textarea')!, '广告');
    buttonNamed(dialog()!, '隐藏').click();
    const req = backend.expectOne({ method: 'PUT', url: '/api/forum/posts/2/hidden' });
    expect(req.request.body).toEqual({ reason: '广告' });
    req.flush(aPost('2', { hidden: { reason: '广告', by: '林晓', at: '2026-03-01T03:00:00.000Z' } }));
    await settle();
    expect(dialog()).toBeNull();
    expect(post('2').textContent).toContain('已隐藏：广告');

    buttonNamed(post('2'), '取消隐藏').click();
    backend.expectOne({ method: 'DELETE', url: '/api/forum/posts/2/hidden' }).flush(aPost('2'));
    await settle();
    expect(post('2').classList).not.toContain('hidden-post');
  });

  it('should let a moderator lock the thread and still reply', async () => {
    await open(MODERATOR);
    buttonNamed(page(), '锁定话题').click();
    backend.expectOne({ method: 'PUT', url: '/api/forum/threads/t1/lock' }).flush(aThread({ locked: true, lockedAt: '2026-03-01T04:00:00.000Z' }));
    await settle();

    expect(page().querySelector('.badges')!.textContent).toContain('已锁定');
    expect(page().querySelector('.reply')!.textContent).toContain('你是工作人员，仍可回复');
    expect(page().querySelector('app-forum-composer')).not.toBeNull();
    buttonNamed(page(), '解除锁定').click();
    backend.expectOne({ method: 'DELETE', url: '/api/forum/threads/t1/lock' }).flush(aThread());
    await settle();
    expect(page().querySelector('.badges')!.textContent).not.toContain('已锁定');
  });

  it('should show a suggestion’s status and its history to everyone', async () => {
    const suggestion = aThread({
      board: { id: 'board-ideas', slug: 'ideas', name: '产品建议', kind: 'suggestion' },
      feedbackStatus: 'planned',
      statusHistory: [
        { status: 'heard', note: null, by: '林晓', at: '2026-03-01T03:00:00.000Z' },
        { status: 'planned', note: '下个版本加入', by: '周婷', at: '2026-03-02T03:00:00.000Z' },
      ],
    });
    await open({ kind: 'anonymous' }, suggestion);

    expect(page().querySelector('.badges')!.textContent).toContain('已计划');
    const history = Array.from(page().querySelectorAll('app-forum-status-history li')).map((li) => li.textContent!.replace(/\s+/g, ' ').trim());
    expect(history[0]).toContain('已收到');
    expect(history[1]).toContain('已计划');
    expect(history[1]).toContain('下个版本加入');
    expect(history[1]).toContain('周婷');
    expect(queryButtonNamed(page(), '更新反馈状态')).toBeUndefined();
  });

  it('should let a moderator set a suggestion’s status with a note', async () => {
    const board = { id: 'board-ideas', slug: 'ideas', name: '产品建议', kind: 'suggestion' as const };
    await open(MODERATOR, aThread({ board }));
    buttonNamed(page(), '更新反馈状态').click();
    await settle();
    const radios = Array.from(dialog()!.querySelectorAll<HTMLInputElement>('input[type=radio]'));
    expect(radios.map((r) => accessibleText(r.closest('mat-radio-button')!))).toEqual(['已收到', '已计划', '已上线']);
    radios[2].click();
    typeInto(dialog()!.querySelector('textarea')!, '3.2 版已上线');
    buttonNamed(dialog()!, '保存').click();
    const req = backend.expectOne({ method: 'PUT', url: '/api/forum/threads/t1/status' });
    expect(req.request.body).toEqual({ status: 'shipped', note: '3.2 版已上线' });
    req.flush(aThread({ board, feedbackStatus: 'shipped', statusHistory: [{ status: 'shipped', note: '3.2 版已上线', by: '林晓', at: '2026-03-03T00:00:00.000Z' }] }));
    await settle();

    expect(page().querySelector('.badges')!.textContent).toContain('已上线');
    expect(page().querySelector('app-forum-status-history')!.textContent).toContain('3.2 版已上线');
  });

  it('should load more replies after the first page', async () => {
    await open({ kind: 'anonymous' }, aThread({ nextCursor: '3' }));
    socket.push({ type: 'post', post: aPost('9') });
    await settle();
    expect(postIds()).toEqual(['post-2', 'post-3']);

    buttonNamed(page(), '加载更多回复').click();
    const req = backend.expectOne((r) => r.url === '/api/forum/threads/t1/posts');
    expect(req.request.params.get('after')).toBe('3');
    req.flush({ posts: [aPost('4'), aPost('9')], nextCursor: null });
    await settle();
    expect(postIds()).toEqual(['post-2', 'post-3', 'post-4', 'post-9']);
    expect(queryButtonNamed(page(), '加载更多回复')).toBeUndefined();
  });

  it('should page on to a deep-linked post beyond the first page', async () => {
    await open({ kind: 'anonymous' }, aThread({ nextCursor: '3' }), '/forum/threads/t1#post-60');
    const req = backend.expectOne((r) => r.url === '/api/forum/threads/t1/posts');
    req.flush({ posts: [aPost('4'), aPost('60')], nextCursor: null });
    await settle();
    expect(post('60').classList).toContain('targeted');
  });

  it('should say a missing thread is not there, with a way home', async () => {
    TestBed.inject(ForumViewerStore).signedOut();
    harness = await RouterTestingHarness.create('/forum/threads/nope');
    const { body, opts } = apiError(404, 'forum.thread_not_found');
    backend.expectOne('/api/forum/threads/nope').flush(body, opts);
    await settle();
    expect(page().querySelector('h1')!.textContent).toBe('找不到这个话题');
    expect(socket.watches).toHaveLength(0);
  });

  it('should offer to retry when the thread cannot be loaded', async () => {
    harness = await RouterTestingHarness.create('/forum/threads/t1');
    backend.expectOne('/api/forum/threads/t1').flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(page().querySelector('[role=alert]')!.textContent).toContain('话题没能打开。');
    buttonNamed(page(), '重试').click();
    backend.expectOne('/api/forum/threads/t1').flush(aThread());
    await settle();
    expect(page().querySelector('h1')!.textContent).toBe('扫地机器人不回充');
  });

  it('should stop watching when the reader leaves', async () => {
    await open({ kind: 'anonymous' });
    await harness.navigateByUrl('/forum');
    expect(socket.unwatched).toEqual(['t1']);
  });
});
