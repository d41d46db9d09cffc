import { HttpTestingController } from '@angular/common/http/testing';
import { ComponentFixture, TestBed } from '@angular/core/testing';
import { accessibleText, buttonNamed, overlay } from '../../testing/dom';
import { signInAs, testProviders } from '../../testing/providers';
import { FakeRealtime } from '../../testing/realtime';
import { aStaff } from '../../testing/staff';
import { Realtime } from '../core/realtime';
import { ChatComposer } from './chat-composer';
import { ChatOutbox } from './chat-outbox';

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe(ChatComposer.name, () => {
  let realtime: FakeRealtime;
  let fixture: ComponentFixture<ChatComposer>;

  async function render(customerId = 'c-1'): Promise<HTMLElement> {
    realtime = new FakeRealtime();
    TestBed.configureTestingModule({ providers: [...testProviders(), { provide: Realtime, useValue: realtime }] });
    await signInAs(aStaff({ id: 'me', displayName: '林晓' }));
    fixture = TestBed.createComponent(ChatComposer);
    fixture.componentRef.setInput('customerId', customerId);
    await fixture.whenStable();
    return fixture.nativeElement as HTMLElement;
  }

  const box = (root: HTMLElement) => root.querySelector('textarea[aria-label="回复顾客"]') as HTMLTextAreaElement;

  function type(root: HTMLElement, text: string): void {
    box(root).value = text;
    box(root).dispatchEvent(new Event('input'));
    fixture.detectChanges();
  }

  function press(root: HTMLElement, init: KeyboardEventInit): KeyboardEvent {
    const event = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true, ...init });
    box(root).dispatchEvent(event);
    return event;
  }

  beforeEach(() => sessionStorage.clear());

  it('should send on Enter and empty the box', async () => {
    const root = await render();
    type(root, '您好，我来帮您看看');
    const enter = press(root, {});
    await fixture.whenStable();
    expect(enter.defaultPrevented).toBe(true);
    expect(realtime.sends.map((s) => s.payload.body)).toEqual(['您好，我来帮您看看']);
    expect(box(root).value).toBe('');
  });

  it('should break the line on Shift+Enter instead of sending', async () => {
    const root = await render();
    type(root, '第一行');
    const shiftEnter = press(root, { shiftKey: true });
    expect(shiftEnter.defaultPrevented).toBe(false);
    expect(realtime.sends).toHaveLength(0);
  });

  it('should not send while an input method is composing', async () => {
    const root = await render();
    type(root, 'nihao');
    expect(press(root, { isComposing: true }).defaultPrevented).toBe(false);
    expect(press(root, { keyCode: 229 } as KeyboardEventInit).defaultPrevented).toBe(false);
    expect(realtime.sends).toHaveLength(0);
    press(root, {});
    expect(realtime.sends).toHaveLength(1);
  });

  it('should send with the button named 发送, never an empty reply', async () => {
    const root = await render();
    expect(buttonNamed(root, '发送').disabled).toBe(true);
    press(root, {});
    expect(realtime.sends).toHaveLength(0);
    type(root, '好的');
    await fixture.whenStable();
    buttonNamed(root, '发送').click();
    expect(realtime.sends).toHaveLength(1);
  });

  it('should retry an unacknowledged reply with the same client id after reconnecting', async () => {
    const root = await render();
    type(root, '马上为您处理');
    press(root, {});
    const first = realtime.sends[0];
    realtime.connected.set(false);
    first.lose();
    await settle();
    realtime.reconnect();
    expect(realtime.sends.map((s) => s.payload.clientId)).toEqual([first.payload.clientId, first.payload.clientId]);
  });

  it('should say typing while typing, and stopped on sending', async () => {
    const root = await render();
    type(root, '稍');
    type(root, '稍等');
    press(root, {});
    expect(realtime.typings).toEqual([
      { customerId: 'c-1', typing: true },
      { customerId: 'c-1', typing: false },
    ]);
  });

  it('should keep each customer\'s draft', async () => {
    const root = await render('c-1');
    type(root, '给王芳的草稿');
    fixture.componentRef.setInput('customerId', 'c-2');
    await fixture.whenStable();
    expect(box(root).value).toBe('');
    fixture.componentRef.setInput('customerId', 'c-1');
    await fixture.whenStable();
    expect(box(root).value).toBe('给王芳的草稿');
    expect(TestBed.inject(ChatOutbox).draft('c-1')).toBe('给王芳的草稿');
  });

  it('should insert a quick reply where the caret is', async () => {
    const root = await render();
    type(root, '您好，');
    box(root).setSelectionRange(3, 3);
    buttonNamed(root, '快捷回复').click();
    await settle();
    TestBed.inject(HttpTestingController)
      .expectOne('/api/quick-replies')
      .flush({ items: [{ id: 'q1', text: '已经为您登记，请放心。', updatedAt: '2026-11-20T00:00:00.000Z', updatedBy: null }] });
    await fixture.whenStable();
    const item = Array.from(overlay().querySelectorAll<HTMLElement>('[role=menuitem]')).find(
      (el) => accessibleText(el) === '已经为您登记，请放心。',
    )!;
    item.click();
    await fixture.whenStable();
    expect(box(root).value).toBe('您好，已经为您登记，请放心。');
    expect(realtime.sends).toHaveLength(0);
  });

  it('should send a pasted image', async () => {
    const root = await render();
    const file = new File(['png'], 'shot.png', { type: 'image/png' });
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', {
      value: { items: [{ kind: 'file', type: 'image/png', getAsFile: () => file }] },
    });
    box(root).dispatchEvent(paste);
    expect(paste.defaultPrevented).toBe(true);
    const upload = TestBed.inject(HttpTestingController).expectOne('/api/chat/images');
    expect((upload.request.body as FormData).get('file')).toBeInstanceOf(File);
  });

  it('should show why an image was refused', async () => {
    const root = await render();
    const input = root.querySelector('input[type=file]') as HTMLInputElement;
    Object.defineProperty(input, 'files', { value: [new File(['x'], 'x.png', { type: 'image/png' })], configurable: true });
    input.dispatchEvent(new Event('change'));
    TestBed.inject(HttpTestingController)
      .expectOne('/api/chat/images')
      .flush({ statusCode: 415, code: 'image.unsupported_type', message: 'Only JPEG…', requestId: 'r' }, { status: 415, statusText: 'Unsupported' });
    await settle();
    await fixture.whenStable();
    expect(root.querySelector('[role=alert]')?.textContent).toContain('只能发送 JPEG、PNG、GIF 或 WebP 图片');
  });

  it('should send text to a WeChat customer, offer no image button, and refuse a pasted image with the reason', async () => {
    const root = await render();
    fixture.componentRef.setInput('channel', 'wechat');
    await fixture.whenStable();
    expect(box(root).placeholder).toContain('微信公众号');
    expect(root.querySelector('button[aria-label="发送图片"]')).toBeNull();

    const file = new File([new Uint8Array([1, 2, 3])], 'a.png', { type: 'image/png' });
    const paste = new Event('paste', { bubbles: true, cancelable: true }) as ClipboardEvent;
    Object.defineProperty(paste, 'clipboardData', { value: { items: [{ kind: 'file', type: 'image/png', getAsFile: () => file }] } });
    box(root).dispatchEvent(paste);
    await fixture.whenStable();
    expect(root.querySelector('[role="alert"]')!.textContent).toContain('暂时不能从服务台给微信发图片');
    TestBed.inject(HttpTestingController).expectNone('/api/chat/images');

    type(root, '您好，这里是 Hearth 客服');
    press(root, {});
    expect(realtime.sends.map((s) => s.payload.body)).toEqual(['您好，这里是 Hearth 客服']);
  });
});
