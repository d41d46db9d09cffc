import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ChatImage } from '@hearth/contract';
import { Subject } from 'rxjs';
import { accessibleText, buttonNamed } from '../../testing/dom';
import { apiError, testProviders } from '../../testing/providers';
import { ForumComposer, ForumDraft } from './forum-composer';

const anImage = (id: string): ChatImage => ({
  id,
  url: `/api/chat/images/${id}`,
  thumbUrl: `/api/chat/images/${id}/thumb`,
  width: 800,
  height: 600,
  mime: 'image/png',
});

describe(ForumComposer.name, () => {
  let fixture: ComponentFixture<ForumComposer>;
  let backend: HttpTestingController;
  let sends: { draft: ForumDraft; answer: Subject<unknown> }[];
  let sent: number;

  function render(draftKey = 'reply:t1'): HTMLElement {
    fixture = TestBed.createComponent(ForumComposer);
    fixture.componentRef.setInput('draftKey', draftKey);
    fixture.componentRef.setInput('submit', (draft: ForumDraft) => {
      const answer = new Subject<unknown>();
      sends.push({ draft, answer });
      return answer;
    });
    fixture.componentInstance.sent.subscribe(() => sent++);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  }

  beforeEach(() => {
    sessionStorage.clear();
    sends = [];
    sent = 0;
    TestBed.configureTestingModule({ providers: testProviders() });
    backend = TestBed.inject(HttpTestingController);
  });

  afterEach(() => backend.verify());

  const box = (root: HTMLElement) => root.querySelector('textarea') as HTMLTextAreaElement;
  const alert = (root: HTMLElement) => accessibleText(root.querySelector('[role=alert]')!);

  function type(root: HTMLElement, text: string): void {
    box(root).value = text;
    box(root).dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  function ctrlEnter(root: HTMLElement, init: KeyboardEventInit = { ctrlKey: true }): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init });
    box(root).dispatchEvent(event);
    fixture.detectChanges();
    return event;
  }

  it('should send on Ctrl+Enter or Cmd+Enter, not on a plain Enter or while an IME composes', () => {
    const root = render();
    type(root, '试试重启一下充电座');
    expect(ctrlEnter(root, {}).defaultPrevented).toBe(false);
    expect(ctrlEnter(root, { ctrlKey: true, isComposing: true }).defaultPrevented).toBe(false);
    expect(sends).toHaveLength(0);
    expect(ctrlEnter(root, { metaKey: true }).defaultPrevented).toBe(true);
    expect(sends.map((s) => s.draft.body)).toEqual(['试试重启一下充电座']);
  });

  it('should disable the button while sending, so a double click is one post', () => {
    const root = render();
    type(root, '第一条回复');
    buttonNamed(root, '发布回复').click();
    fixture.detectChanges();
    const button = buttonNamed(root, '正在发送…');
    expect(button.disabled).toBe(true);
    button.click();
    ctrlEnter(root);
    expect(sends).toHaveLength(1);
  });

  it('should keep the text and the client id when sending fails, and say why', () => {
    const root = render();
    type(root, '请问怎么换滤芯');
    ctrlEnter(root);
    sends[0].answer.error(apiError(429, 'rate_limited').body);
    fixture.detectChanges();
    expect(box(root).value).toBe('请问怎么换滤芯');
    expect(buttonNamed(root, '发布回复').disabled).toBe(false);

    ctrlEnter(root);
    expect(sends[1].draft.clientId).toBe(sends[0].draft.clientId);
  });

  it.each([
    [429, 'rate_limited', '发得有点快了，请稍后再试。你写的内容还在这里。'],
    [409, 'forum.thread_locked', '此话题已锁定，不能再回复。你写的内容还在这里。'],
  ])('should explain a %s refusal', async (status, code, message) => {
    const root = render();
    type(root, '还有人在吗');
    ctrlEnter(root);
    const { HttpErrorResponse } = await import('@angular/common/http');
    sends[0].answer.error(new HttpErrorResponse({ status, error: apiError(status, code).body }));
    fixture.detectChanges();
    expect(alert(root)).toBe(message);
    expect(box(root).value).toBe('还有人在吗');
  });

  it('should empty the box and forget the draft once stored, with a new client id for the next post', () => {
    const root = render();
    type(root, '谢谢，已经好了');
    ctrlEnter(root);
    sends[0].answer.next({ id: '9' });
    sends[0].answer.complete();
    fixture.detectChanges();
    expect(box(root).value).toBe('');
    expect(sent).toBe(1);
    expect(sessionStorage.getItem('hearth.forum.draft:reply:t1')).toBeNull();

    type(root, '再补充一句');
    ctrlEnter(root);
    expect(sends[1].draft.clientId).not.toBe(sends[0].draft.clientId);
  });

  it('should keep the draft and its client id across a reload, per thread', () => {
    let root = render('reply:t1');
    type(root, '写到一半');
    ctrlEnter(root);
    const clientId = sends[0].draft.clientId;
    fixture.destroy();

    root = render('reply:t2');
    expect(box(root).value).toBe('');
    fixture.destroy();

    root = render('reply:t1');
    expect(box(root).value).toBe('写到一半');
    ctrlEnter(root);
    expect(sends.at(-1)!.draft.clientId).toBe(clientId);
  });

  it('should upload a chosen image and put its Markdown where the caret is', () => {
    const root = render();
    type(root, '看这里：后面');
    box(root).setSelectionRange(4, 4);
    const input = root.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['png'], 'dock.png', { type: 'image/png' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change'));
    fixture.detectChanges();

    expect(root.querySelector('[role=status]')!.textContent).toContain('正在上传 dock.png');
    expect(buttonNamed(root, '发布回复').disabled).toBe(true);
    const upload = backend.expectOne({ method: 'POST', url: '/api/forum/images' });
    expect((upload.request.body as FormData).get('file')).toBe(file);
    upload.flush(anImage('img-1'));
    fixture.detectChanges();

    expect(box(root).value).toBe('看这里：\n![](/api/chat/images/img-1)\n后面');
    expect(root.querySelector('[role=status]')).toBeNull();
  });

  it.each([
    [415, 'image.unsupported_type', '只能插入 JPEG、PNG、GIF 或 WebP 图片。'],
    [413, 'image.too_large', '图片太大了，请换一张小一点的。'],
  ])('should say why an upload was refused (%s)', (status, code, message) => {
    const root = render();
    type(root, '原文');
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    const file = new File(['x'], 'shot.png', { type: 'image/png' });
    Object.defineProperty(paste, 'clipboardData', { value: { items: [{ kind: 'file', getAsFile: () => file }] } });
    box(root).dispatchEvent(paste);
    expect(paste.defaultPrevented).toBe(true);
    const { body, opts } = apiError(status, code);
    backend.expectOne('/api/forum/images').flush(body, opts);
    fixture.detectChanges();
    expect(alert(root)).toBe(message);
    expect(box(root).value).toBe('原文');
  });

  it('should preview through the server’s renderer', () => {
    const root = render();
    type(root, '**加粗**');
    buttonNamed(root, '预览').click();
    fixture.detectChanges();
    const req = backend.expectOne({ method: 'POST', url: '/api/forum/preview' });
    expect(req.request.body).toEqual({ body: '**加粗**' });
    req.flush({ html: '<p><strong>加粗</strong></p>' });
    fixture.detectChanges();
    expect(root.querySelector('.preview strong')!.textContent).toBe('加粗');
    expect(box(root).classList).toContain('hidden');

    buttonNamed(root, '编写').click();
    fixture.detectChanges();
    expect(box(root).classList).not.toContain('hidden');
    expect(root.querySelector('.preview')).toBeNull();
  });
});
