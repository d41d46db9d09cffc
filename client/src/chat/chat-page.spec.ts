import { ComponentFixture, TestBed } from '@angular/core/testing';
import type { ChatMessage } from '@hearth/contract';
import { accessibleText, buttonNamed, controlLabelled, queryButtonNamed, typeInto } from '../testing/dom';
import { LANG_STORAGE_KEY } from './chat-i18n';
import { ChatPage } from './chat-page';
import { CHAT_STORAGE } from './chat-storage';
import { FakeVisitorSocket, chatMessage, fakeFetch, memoryStore, settle } from './testing/chat-fakes';
import { CHAT_FETCH } from './visitor-api';
import { VISITOR_SOCKET_FACTORY } from './visitor-socket';
import { TOKEN_STORAGE_KEY } from './visitor-token';

describe(ChatPage.name, () => {
  let socket: FakeVisitorSocket;
  let fixture: ComponentFixture<ChatPage>;
  let el: HTMLElement;

  async function render(history: ChatMessage[] = [], options: { lang?: string; configure?: (s: FakeVisitorSocket) => void } = {}) {
    const store = memoryStore({ [TOKEN_STORAGE_KEY]: 'v1.kept.token', [LANG_STORAGE_KEY]: options.lang ?? 'zh-CN' });
    TestBed.configureTestingModule({
      providers: [
        { provide: CHAT_STORAGE, useValue: store },
        { provide: CHAT_FETCH, useValue: fakeFetch({}) },
        {
          provide: VISITOR_SOCKET_FACTORY,
          useValue: (token: () => string) => {
            socket = new FakeVisitorSocket(token);
            socket.replies['chat.history'] = () => ({ ok: true, messages: [...history].reverse(), nextCursor: null });
            options.configure?.(socket);
            return socket.asSocket();
          },
        },
      ],
    });
    fixture = TestBed.createComponent(ChatPage);
    el = fixture.nativeElement as HTMLElement;
    await stable();
  }

  async function stable(): Promise<void> {
    await settle(20);
    await fixture.whenStable();
  }

  const log = () => el.querySelector('[role="log"]')!;
  const articles = () => Array.from(el.querySelectorAll('article'));
  const textbox = () => el.querySelector<HTMLTextAreaElement>('textarea')!;

  afterEach(() => {
    fixture?.destroy();
    document.documentElement.lang = '';
  });

  it('should render the conversation as a log of bubbles: the visitor’s on the right, staff with name and initial', async () => {
    await render([
      chatMessage({ body: '屏幕裂了怎么办？', at: '2026-11-20T02:00:00.000Z' }),
      chatMessage({ from: 'staff', staffName: '王芳', body: '别担心，我们来看看 😊', at: '2026-11-20T02:01:00.000Z' }),
    ]);

    expect(log().getAttribute('aria-label')).toBe('聊天记录');
    const [mine, reply] = articles();
    expect(mine.classList).toContain('mine');
    expect(mine.textContent).toContain('屏幕裂了怎么办？');
    expect(reply.classList).not.toContain('mine');
    expect(reply.querySelector('.name')!.textContent).toBe('王芳');
    expect(reply.querySelector('.avatar')!.textContent!.trim()).toBe('王');
    expect(reply.textContent).toContain('别担心，我们来看看 😊');
  });

  it('should label time once per group of messages close together', async () => {
    await render([
      chatMessage({ at: '2026-11-20T02:00:00.000Z' }),
      chatMessage({ at: '2026-11-20T02:03:00.000Z' }),
      chatMessage({ at: '2026-11-20T03:00:00.000Z' }),
    ]);

    expect(el.querySelectorAll('.time')).toHaveLength(2);
  });

  it('should send on Enter, show it as sending, then as sent when acknowledged', async () => {
    let ack!: (value: unknown) => void;
    await render([], {
      configure: (s) => (s.replies['chat.send'] = () => new Promise((resolve) => (ack = resolve)) as never),
    });

    typeInto(textbox(), '你好');
    textbox().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    await stable();

    expect(textbox().value).toBe('');
    expect(articles()).toHaveLength(1);
    expect(articles()[0].textContent).toContain('发送中');
    const [sent] = socket.payloads('chat.send');

    ack({ ok: true, message: chatMessage({ clientId: sent.clientId, body: '你好' }) });
    await stable();

    expect(articles()).toHaveLength(1);
    expect(articles()[0].textContent).toContain('你好');
    expect(articles()[0].textContent).not.toContain('发送中');
  });

  it('should not send while an input method is composing', async () => {
    await render();

    typeInto(textbox(), 'nihao');
    textbox().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', isComposing: true, cancelable: true }));
    await stable();

    expect(socket.payloads('chat.send')).toEqual([]);
  });

  it('should send with the send button, which is off while the box is empty', async () => {
    await render([], { configure: (s) => (s.replies['chat.send'] = ({ clientId, body }) => ({ ok: true, message: chatMessage({ clientId, body }) })) });

    expect(buttonNamed(el, '发送').disabled).toBe(true);
    typeInto(textbox(), 'hello');
    await stable();
    buttonNamed(el, '发送').click();
    await stable();

    expect(socket.payloads('chat.send').map((p) => p.body)).toEqual(['hello']);
  });

  it('should show a refused message as not sent, with its reason, retry and delete', async () => {
    await render([], {
      configure: (s) => (s.replies['chat.send'] = () => ({ ok: false, code: 'validation', message: '包含不允许的内容' })),
    });

    typeInto(textbox(), 'nope');
    await stable();
    buttonNamed(el, '发送').click();
    await stable();

    const [bubble] = articles();
    expect(bubble.textContent).toContain('未发送');
    expect(bubble.textContent).toContain('包含不允许的内容');
    expect(queryButtonNamed(bubble, '重试')).toBeDefined();

    buttonNamed(bubble, '删除').click();
    await stable();

    expect(articles()).toHaveLength(0);
  });

  it('should show messages arriving live, and the staff typing in the header', async () => {
    await render();

    socket.serverEmit('presence', { staffAround: true });
    socket.serverEmit('chat.typing', { typing: true, name: '王芳' });
    await stable();
    expect(el.querySelector('header')!.textContent).toContain('对方正在输入…');

    socket.serverEmit('chat.message', chatMessage({ from: 'staff', staffName: '王芳', body: '在的' }));
    await stable();

    expect(el.querySelector('header')!.textContent).not.toContain('对方正在输入…');
    expect(el.querySelector('header')!.textContent).toContain('客服在线');
    expect(articles().map((a) => a.textContent)).toEqual([expect.stringContaining('在的')]);
  });

  it('should say when no one is around', async () => {
    await render();

    socket.serverEmit('presence', { staffAround: false });
    await stable();

    expect(el.querySelector('header')!.textContent).toContain('客服暂时不在');
  });

  it('should show a banner while reconnecting', async () => {
    await render();
    expect(el.querySelector('.banner')).toBeNull();

    socket.drop();
    await stable();

    expect(el.querySelector('.banner')!.textContent).toContain('正在重新连接…');
  });

  it('should show the banner while the browser is offline, and resend at once when it is back', async () => {
    let calls = 0;
    await render([], {
      configure: (s) =>
        (s.replies['chat.send'] = ({ clientId, body }) =>
          ++calls === 1 ? (new Promise(() => undefined) as never) : { ok: true, message: chatMessage({ clientId, body }) }),
    });
    window.dispatchEvent(new Event('offline'));
    typeInto(textbox(), '地铁里没信号');
    await stable();
    buttonNamed(el, '发送').click();
    await stable();
    expect(el.querySelector('.banner')!.textContent).toContain('正在重新连接…');
    expect(articles()[0].textContent).toContain('发送中');

    window.dispatchEvent(new Event('online'));
    await stable();

    const [first, second] = socket.payloads('chat.send');
    expect(second.clientId).toBe(first.clientId);
    expect(el.querySelector('.banner')).toBeNull();
    expect(articles()[0].textContent).not.toContain('发送中');
  });

  it('should name its controls for people and tests', async () => {
    await render();

    expect(textbox().getAttribute('aria-label')).toBe('输入消息');
    expect(textbox().getAttribute('enterkeyhint')).toBe('send');
    expect(buttonNamed(el, '发送图片')).toBeDefined();
    expect(el.querySelector<HTMLInputElement>('input[type=file]')!.accept).toBe('image/*');
    expect(buttonNamed(el, '留下联系方式')).toBeDefined();
  });

  it('should switch to English and back', async () => {
    await render();

    buttonNamed(el, 'English').click();
    await stable();

    expect(log().getAttribute('aria-label')).toBe('Conversation');
    expect(textbox().getAttribute('aria-label')).toBe('Message');
    expect(buttonNamed(el, 'Send')).toBeDefined();
    expect(buttonNamed(el, 'Send image')).toBeDefined();
    expect(document.documentElement.lang).toBe('en');
    expect(document.title).toBe('Customer service');

    buttonNamed(el, '中文').click();
    await stable();
    expect(buttonNamed(el, '发送')).toBeDefined();
  });

  it('should start in English for an English browser', async () => {
    const language = jest.spyOn(navigator, 'language', 'get').mockReturnValue('en-GB');
    await render([], { lang: 'none' });
    language.mockRestore();

    expect(buttonNamed(el, 'Send')).toBeDefined();
  });

  it('should save name and phone from the contact form', async () => {
    await render([], {
      configure: (s) => (s.replies['visitor.profile'] = ({ name, phone }) => ({ ok: true, name: name ?? null, phone: phone ?? null })),
    });

    buttonNamed(el, '留下联系方式').click();
    await stable();
    typeInto(controlLabelled(el, '称呼'), '李雷');
    typeInto(controlLabelled(el, '手机号'), '13800138000');
    await stable();
    buttonNamed(el, '保存').click();
    await stable();

    expect(socket.payloads('visitor.profile')).toEqual([{ name: '李雷', phone: '13800138000' }]);
    expect(el.querySelector('chat-profile-sheet')).toBeNull();
    expect(el.querySelector('.toast')!.textContent).toContain('已保存');
    expect(articles()).toHaveLength(0);
  });

  it('should show the server’s reason when the contact is refused', async () => {
    await render([], {
      configure: (s) => (s.replies['visitor.profile'] = () => ({ ok: false, code: 'validation', message: '手机号格式不对' })),
    });

    buttonNamed(el, '留下联系方式').click();
    await stable();
    typeInto(controlLabelled(el, '手机号'), '1380013800');
    await stable();
    buttonNamed(el, '保存').click();
    await stable();

    expect(el.querySelector('[role="alert"]')!.textContent).toContain('手机号格式不对');
  });

  it('should show image thumbnails and open the full image on tap', async () => {
    await render([
      chatMessage({
        from: 'staff',
        staffName: '王芳',
        body: '',
        image: { id: 'i1', url: '/api/chat/images/i1', thumbUrl: '/api/chat/images/i1/thumb', width: 800, height: 400, mime: 'image/png' },
      }),
    ]);

    const thumb = articles()[0].querySelector('img')!;
    expect(thumb.getAttribute('src')).toBe('/api/chat/images/i1/thumb');
    expect(thumb.getAttribute('width')).toBe('160');
    expect(thumb.getAttribute('height')).toBe('80');

    buttonNamed(el, '查看大图').click();
    await stable();

    const viewer = el.querySelector('[role="dialog"]')!;
    expect(viewer.querySelector('img')!.getAttribute('src')).toBe('/api/chat/images/i1');
    buttonNamed(viewer, '关闭').click();
    await stable();
    expect(el.querySelector('[role="dialog"]')).toBeNull();
  });

  it('should show a placeholder when a thumbnail cannot be shown', async () => {
    await render([chatMessage({ body: '', image: { id: 'i1', url: '/x', thumbUrl: '/x/thumb', width: 10, height: 10, mime: 'image/png' } })]);

    articles()[0].querySelector('img')!.dispatchEvent(new Event('error'));
    await stable();

    expect(articles()[0].querySelector('img')).toBeNull();
    expect(articles()[0].querySelector('.placeholder')).not.toBeNull();
  });

  it('should read the visitor’s own bubbles as theirs', async () => {
    await render([chatMessage({ body: 'hi' })]);

    expect(accessibleText(articles()[0])).toBe('我: hi');
  });
});
