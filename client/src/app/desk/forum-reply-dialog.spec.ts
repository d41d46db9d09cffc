import { HttpTestingController } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatDialog, MatDialogRef } from '@angular/material/dialog';
import type { ForumPost } from '@hearth/contract';
import { buttonNamed, controlLabelled, overlay, typeInto } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { ForumReplyDialog, clearForumReplyDrafts } from './forum-reply-dialog';

const settle = () => new Promise((resolve) => setTimeout(resolve));

const POST: ForumPost = {
  id: '42',
  threadId: 't-1',
  author: { kind: 'staff', name: '林晓' },
  html: '<p>您好</p>',
  markdown: '您好',
  isOpening: false,
  isSolution: false,
  createdAt: '2026-11-01T08:00:00.000Z',
  hidden: null,
};

describe(ForumReplyDialog.name, () => {
  let http: HttpTestingController;
  let ref: MatDialogRef<ForumReplyDialog, ForumPost>;
  let closedWith: ForumPost | undefined;

  beforeEach(() => {
    localStorage.clear();
    clearForumReplyDrafts();
  });

  async function open(threadId = 't-1'): Promise<HTMLElement> {
    TestBed.configureTestingModule({ providers: testProviders() });
    http = TestBed.inject(HttpTestingController);
    closedWith = undefined;
    ref = TestBed.inject(MatDialog).open(ForumReplyDialog, { data: { threadId, title: '电池掉电快' } });
    ref.afterClosed().subscribe((post) => (closedWith = post));
    await settle();
    return overlay().querySelector<HTMLElement>('mat-dialog-container')!;
  }

  const box = (dialog: HTMLElement) => controlLabelled(dialog, '回复内容') as HTMLTextAreaElement;

  it('should say which thread it answers, and that the reply is public', async () => {
    const dialog = await open();
    expect(dialog.textContent).toContain('话题「电池掉电快」');
    expect(dialog.textContent).toContain('回复会公开显示在社区');
  });

  it('should post the trimmed reply with a client id, then confirm with a link to the post and close', async () => {
    const dialog = await open();
    typeInto(box(dialog), '  您好，请先试试关闭后台刷新。 ');
    buttonNamed(dialog, '发送回复').click();

    const req = http.expectOne({ method: 'POST', url: '/api/forum/threads/t-1/posts' });
    expect(req.request.body.body).toBe('您好，请先试试关闭后台刷新。');
    expect(req.request.body.clientId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    req.flush(POST, { status: 201, statusText: 'Created' });
    await settle();

    expect(closedWith).toEqual(POST);
    expect(overlay().textContent).toContain('已回复到社区');
    const opened = jest.spyOn(window, 'open').mockReturnValue(null);
    buttonNamed(overlay(), '查看帖子').click();
    expect(opened).toHaveBeenCalledWith('/forum/threads/t-1#post-42', '_blank', 'noopener');
    opened.mockRestore();
  });

  it('should send with Ctrl+Enter, and once however often it is pressed while sending', async () => {
    const dialog = await open();
    typeInto(box(dialog), '收到，我们跟进');
    box(dialog).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }));
    box(dialog).dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', ctrlKey: true }));
    buttonNamed(dialog, '发送回复').click();

    const req = http.expectOne('/api/forum/threads/t-1/posts');
    req.flush(POST);
    http.verify();
  });

  it('should ask for words before sending nothing', async () => {
    const dialog = await open();
    typeInto(box(dialog), '   ');
    buttonNamed(dialog, '发送回复').click();
    await settle();

    http.expectNone('/api/forum/threads/t-1/posts');
    expect(dialog.textContent).toContain('请写下回复内容');
  });

  it('should refuse a reply longer than a post may be, saying how long it is', async () => {
    const dialog = await open();
    typeInto(box(dialog), 'a'.repeat(10_001));
    buttonNamed(dialog, '发送回复').click();
    await settle();

    http.expectNone('/api/forum/threads/t-1/posts');
    expect(dialog.textContent).toContain('回复最多 10000 字，现在 10001 字');
  });

  it.each([
    [409, 'forum.thread_locked', '话题已锁定'],
    [404, 'forum.thread_not_found', '找不到这个话题'],
    [429, 'rate_limited', '回复得太频繁了'],
  ])('should keep the words and explain a %s %s', async (status, code, text) => {
    const dialog = await open();
    typeInto(box(dialog), '请问型号是？');
    buttonNamed(dialog, '发送回复').click();
    const { body, opts } = apiError(status, code);
    http.expectOne('/api/forum/threads/t-1/posts').flush(body, opts);
    await settle();

    expect(dialog.querySelector('[role=alert]')!.textContent).toContain(text);
    expect(box(dialog).value).toBe('请问型号是？');
    expect(closedWith).toBeUndefined();
    expect(buttonNamed(dialog, '发送回复').disabled).toBe(false);
  });

  it('should send again under the same client id, so a reply that did arrive is stored once', async () => {
    const dialog = await open();
    typeInto(box(dialog), '已安排寄修');
    buttonNamed(dialog, '发送回复').click();
    const first = http.expectOne('/api/forum/threads/t-1/posts');
    first.flush(null, { status: 0, statusText: 'Unknown Error' });
    await settle();
    expect(dialog.textContent).toContain('无法连接服务器');

    buttonNamed(dialog, '发送回复').click();
    const second = http.expectOne('/api/forum/threads/t-1/posts');
    expect(second.request.body.clientId).toBe(first.request.body.clientId);
    second.flush(POST);
  });

  it('should keep the draft of a dialog closed without sending, for the same thread only', async () => {
    let dialog = await open();
    typeInto(box(dialog), '写到一半');
    ref.close();
    await settle();
    TestBed.resetTestingModule();

    dialog = await open();
    expect(box(dialog).value).toBe('写到一半');
    ref.close();
    await settle();
    TestBed.resetTestingModule();

    dialog = await open('t-2');
    expect(box(dialog).value).toBe('');
  });
});
