import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import type { TimelineEvent } from '@hearth/contract';
import { accessibleText, buttonNamed, overlay, queryButtonNamed } from '../../testing/dom';
import { testProviders } from '../../testing/providers';
import { anEvent } from '../../testing/timeline';
import { CaseFlow } from './cases/case-flow';
import { rendererFor } from './event-registry';
import { ForumPostEvent } from './forum-post-event';
import { clearForumReplyDrafts } from './forum-reply-dialog';

const settle = () => new Promise((resolve) => setTimeout(resolve));

/** What the demo seeded before posts carried more than their thread. */
const OLD_POST = anEvent(1, {
  customerId: 'c-zhang',
  kind: 'forum.post',
  channel: 'forum',
  author: { type: 'customer', id: 'c-zhang', name: '张伟' },
  body: '新买的手机一周屏幕就碎了，能修吗？',
  details: { threadId: 'demo-t1', threadTitle: '屏幕碎了还能保修吗', board: '使用求助', url: '/forum/threads/demo-t1' },
});

function aPost(overrides: Partial<TimelineEvent> = {}, details: Record<string, unknown> = {}): TimelineEvent {
  return anEvent(2, {
    customerId: 'c-zhang',
    kind: 'forum.post',
    channel: 'forum',
    author: { type: 'customer', id: 'c-zhang', name: '张伟' },
    body: '换了电池还是很快没电',
    ...overrides,
    details: {
      threadId: 't-1',
      threadTitle: '电池掉电快',
      board: '使用求助',
      boardSlug: 'help',
      url: '/forum/threads/t-1#post-12',
      postId: '12',
      isOpening: false,
      ...details,
    },
  });
}

describe(ForumPostEvent.name, () => {
  beforeEach(() => {
    localStorage.clear();
    clearForumReplyDrafts();
  });

  async function render(event: TimelineEvent, onCustomerPage = true): Promise<HTMLElement> {
    TestBed.configureTestingModule({
      providers: [...testProviders(), ...(onCustomerPage ? [{ provide: CaseFlow, useValue: {} }] : [])],
    });
    const fixture = TestBed.createComponent(ForumPostEvent);
    fixture.componentRef.setInput('event', event);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const threadLink = (root: HTMLElement) => root.querySelector<HTMLAnchorElement>('a.thread');

  it('should be the renderer of forum posts', () => {
    expect(rendererFor('forum.post')).toBe(ForumPostEvent);
  });

  it('should still show an older event: its thread as a link opening in a new tab, the board and the words', async () => {
    const root = await render(OLD_POST);

    const link = threadLink(root)!;
    expect(link.getAttribute('href')).toBe('/forum/threads/demo-t1');
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
    expect(accessibleText(link)).toBe('「屏幕碎了还能保修吗」（在新标签页打开）');
    expect(root.textContent).toContain('版块：使用求助');
    expect(root.querySelector('.body')!.textContent).toBe('新买的手机一周屏幕就碎了，能修吗？');
    // It doesn't say whether it opened the thread, so no verb is guessed.
    expect(root.querySelector('.verb')).toBeNull();
    expect(root.querySelector('.badge')).toBeNull();
  });

  it('should say the customer started the thread, linking to their post', async () => {
    const root = await render(aPost({}, { isOpening: true, url: '/forum/threads/t-1#post-11' }));

    expect(root.querySelector('.verb')!.textContent).toBe('发起了话题');
    expect(threadLink(root)!.getAttribute('href')).toBe('/forum/threads/t-1#post-11');
  });

  it('should say a reply is a reply', async () => {
    const root = await render(aPost());
    expect(root.querySelector('.verb')!.textContent).toBe('回复了');
  });

  it('should say when staff hid the post from the forum, and why, and say nothing while it shows', async () => {
    const shown = await render(aPost());
    expect(shown.querySelector('.hidden-note')).toBeNull();
    TestBed.resetTestingModule();

    const root = await render(aPost({}, { hidden: { reason: '广告', at: '2026-12-01T08:00:00.000Z' } }));
    expect(accessibleText(root.querySelector('.hidden-note')!)).toBe('已被工作人员隐藏，社区里不再公开显示。原因：广告');
    // The words stay readable for staff, set apart.
    expect(root.querySelector('.post.was-hidden')!.textContent).toBe('换了电池还是很快没电');
  });

  it('should ignore a malformed hidden mark', async () => {
    const root = await render(aPost({}, { hidden: { reason: 42 } }));
    expect(root.querySelector('.hidden-note')).toBeNull();
  });

  it('should mark a senior fan’s reply in this customer’s thread', async () => {
    const root = await render(aPost({ author: { type: 'fan', id: 'c-xiaomi', name: '小米' } }));

    expect(root.querySelector('.badge')!.textContent).toBe('资深粉丝');
    expect(root.querySelector('.verb')!.textContent).toBe('回复了 TA 的话题');
  });

  it('should mark a senior fan on their own timeline without calling it someone else’s thread', async () => {
    const root = await render(aPost({ customerId: 'c-xiaomi', author: { type: 'fan', id: 'c-xiaomi', name: '小米' } }));

    expect(root.querySelector('.badge')!.textContent).toBe('资深粉丝');
    expect(root.querySelector('.verb')!.textContent).toBe('回复了');
  });

  it('should mark a staff reply in this customer’s thread as official', async () => {
    const root = await render(aPost({ author: { type: 'staff', id: 's-1', name: '林晓' } }));

    expect(root.querySelector('.badge')!.textContent).toBe('官方');
    expect(root.querySelector('.verb')!.textContent).toBe('回复了 TA 的话题');
  });

  it('should show the post’s pictures as small thumbnails opening the original, and only ours', async () => {
    const root = await render(
      aPost({}, {
        images: [
          { id: 'i1', url: '/api/chat/images/i1', thumbUrl: '/api/chat/images/i1/thumb', width: 800, height: 600, mime: 'image/jpeg' },
          { id: 'i2', url: 'https://evil.example/x.png', thumbUrl: 'https://evil.example/x.png', width: 1, height: 1, mime: 'image/png' },
          { id: 'i3', url: '/api/chat/images/i3', thumbUrl: 'javascript:alert(1)', width: 1, height: 1, mime: 'image/png' },
          'not an image',
        ],
      }),
    );

    const images = Array.from(root.querySelectorAll<HTMLImageElement>('.images img'));
    expect(images.map((img) => img.getAttribute('src'))).toEqual(['/api/chat/images/i1/thumb']);
    expect(images[0].alt).toBe('查看图片 1');
    expect(images[0].closest('a')!.getAttribute('href')).toBe('/api/chat/images/i1');
    expect(root.querySelector('.images')!.getAttribute('aria-label')).toBe('帖子里的图片');
  });

  it('should never link anywhere but our own forum', async () => {
    const root = await render(aPost({}, { url: 'javascript:alert(1)', threadId: 't-9' }));
    expect(threadLink(root)!.getAttribute('href')).toBe('/forum/threads/t-9');

    TestBed.resetTestingModule();
    const evil = await render(aPost({}, { url: '//evil.example/forum/threads/t-1', threadId: '../../x' }));
    expect(threadLink(evil)).toBeNull();
    expect(evil.textContent).toContain('「电池掉电快」');
    expect(queryButtonNamed(evil, '以官方身份回复')).toBeUndefined();
  });

  it('should offer a reply as staff on a customer’s page, which opens the reply dialog for the thread', async () => {
    const root = await render(aPost());

    buttonNamed(root, '以官方身份回复').click();
    await settle();

    const dialog = overlay().querySelector('mat-dialog-container')!;
    expect(dialog.querySelector('h2')!.textContent).toContain('以官方身份回复');
    expect(dialog.textContent).toContain('话题「电池掉电快」');
    TestBed.inject(HttpTestingController).verify();
  });

  it('should offer no reply where events only read', async () => {
    const root = await render(aPost(), false);
    expect(queryButtonNamed(root, '以官方身份回复')).toBeUndefined();
  });
});
