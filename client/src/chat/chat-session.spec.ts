import { TestBed } from '@angular/core/testing';
import type { ChatImage, ChatMessage } from '@hearth/contract';
import { ChatSession, PROFILE_STORAGE_KEY } from './chat-session';
import { CHAT_STORAGE } from './chat-storage';
import { OUTBOX_STORAGE_KEY } from './outbox';
import { FakeVisitorSocket, chatMessage, fakeFetch, memoryStore, settle } from './testing/chat-fakes';
import { CHAT_FETCH } from './visitor-api';
import { VISITOR_SOCKET_FACTORY } from './visitor-socket';
import { TOKEN_STORAGE_KEY } from './visitor-token';

type Store = ReturnType<typeof memoryStore>;

const IMAGE: ChatImage = { id: 'image-1', url: '/api/chat/images/image-1', thumbUrl: '/api/chat/images/image-1/thumb', width: 800, height: 600, mime: 'image/jpeg' };

/** A chat.send ack that stores what was sent, as the server does. */
function storeSent(socket: FakeVisitorSocket, stored: ChatMessage[] = []) {
  socket.replies['chat.send'] = ({ clientId, body, imageId }) => {
    let message = stored.find((m) => m.clientId === clientId);
    if (!message) {
      message = chatMessage({ clientId, body: body ?? '', image: imageId ? IMAGE : null });
      stored.push(message);
    }
    return { ok: true, message };
  };
  return stored;
}

describe(ChatSession.name, () => {
  let store: Store;
  let sockets: FakeVisitorSocket[];
  let fetcher: ReturnType<typeof fakeFetch>;

  /** Boots a session as the page does (a second call with the same store is a reload). */
  async function open(configure: (socket: FakeVisitorSocket) => void = () => undefined): Promise<{ session: ChatSession; socket: FakeVisitorSocket }> {
    TestBed.resetTestingModule();
    TestBed.configureTestingModule({
      providers: [
        ChatSession,
        { provide: CHAT_STORAGE, useValue: store },
        { provide: CHAT_FETCH, useValue: fetcher },
        {
          provide: VISITOR_SOCKET_FACTORY,
          useValue: (token: () => string) => {
            const socket = new FakeVisitorSocket(token);
            configure(socket);
            sockets.push(socket);
            return socket.asSocket();
          },
        },
      ],
    });
    const session = TestBed.inject(ChatSession);
    session.start();
    await settle(20);
    return { session, socket: sockets.at(-1)! };
  }

  function stored(): unknown[] {
    return JSON.parse(store.data.get(OUTBOX_STORAGE_KEY) ?? '[]') as unknown[];
  }

  beforeEach(() => {
    store = memoryStore();
    sockets = [];
    fetcher = fakeFetch({ 'POST /api/chat/visitor': [{ status: 201, body: { token: 'v1.new.token', visitorId: 'new' } }] });
  });

  afterEach(() => {
    jest.useRealTimers();
    TestBed.resetTestingModule();
  });

  describe('visitor token', () => {
    it('should ask for a token on the first visit, keep it, and connect with it', async () => {
      const { socket } = await open();

      expect(fetcher.calls.map((c) => c.route)).toEqual(['POST /api/chat/visitor']);
      expect(store.data.get(TOKEN_STORAGE_KEY)).toBe('v1.new.token');
      expect(socket.token()).toBe('v1.new.token');
      expect(socket.connected).toBe(true);
    });

    it('should reuse the stored token on the next visit', async () => {
      store.data.set(TOKEN_STORAGE_KEY, 'v1.kept.token');
      const { socket } = await open();

      expect(fetcher.calls).toEqual([]);
      expect(socket.token()).toBe('v1.kept.token');
    });

    it('should get a new token when the server rejects the old one', async () => {
      store.data.set(TOKEN_STORAGE_KEY, 'v1.old.token');
      const { socket } = await open((s) => (s.autoOpen = false));
      socket.autoOpen = true;

      socket.refuse('visitor.invalid_token');
      await settle(20);

      expect(store.data.get(TOKEN_STORAGE_KEY)).toBe('v1.new.token');
      expect(socket.token()).toBe('v1.new.token');
      expect(socket.connectCalls).toBe(2);
      expect(socket.connected).toBe(true);
    });
  });

  describe('history', () => {
    it('should load the newest page on open and show it oldest first', async () => {
      const older = chatMessage({ body: 'older' });
      const newer = chatMessage({ from: 'staff', staffName: '王芳', body: 'newer' });
      const { session, socket } = await open((s) => {
        s.replies['chat.history'] = () => ({ ok: true, messages: [newer, older], nextCursor: 'cursor-1' });
      });

      expect(socket.payloads('chat.history')).toEqual([{ limit: 30 }]);
      expect(session.items().map((i) => [i.body, i.mine, i.staffName])).toEqual([
        ['older', true, null],
        ['newer', false, '王芳'],
      ]);
      expect(session.hasOlder()).toBe(true);
    });

    it('should load older pages with the cursor', async () => {
      const newest = chatMessage({ body: 'newest' });
      const oldest = chatMessage({ body: 'oldest', at: '2026-01-01T00:00:00.000Z' });
      const { session, socket } = await open((s) => {
        s.replies['chat.history'] = ({ before }) =>
          before === 'cursor-1'
            ? { ok: true, messages: [oldest], nextCursor: null }
            : { ok: true, messages: [newest], nextCursor: 'cursor-1' };
      });

      await session.loadOlder();

      expect(socket.payloads('chat.history')).toEqual([{ limit: 30 }, { before: 'cursor-1', limit: 30 }]);
      expect(session.items().map((i) => i.body)).toEqual(['oldest', 'newest']);
      expect(session.hasOlder()).toBe(false);
    });

    it('should ask for history again when the server could not answer', async () => {
      jest.useFakeTimers();
      const hello = chatMessage({ body: 'hello' });
      let calls = 0;
      const { session } = await open((s) => {
        s.replies['chat.history'] = () =>
          ++calls === 1 ? { ok: false, code: 'internal', message: 'oops' } : { ok: true, messages: [hello], nextCursor: null };
      });
      expect(session.historyLoaded()).toBe(false);

      await jest.advanceTimersByTimeAsync(5000);

      expect(session.historyLoaded()).toBe(true);
      expect(session.items().map((i) => i.body)).toEqual(['hello']);
    });

    it('should catch up on what arrived while disconnected', async () => {
      const first = chatMessage({ body: 'first' });
      const missed = chatMessage({ from: 'staff', staffName: '王芳', body: 'missed' });
      let page: ChatMessage[] = [first];
      const { session, socket } = await open((s) => {
        s.replies['chat.history'] = () => ({ ok: true, messages: page, nextCursor: null });
      });

      socket.drop();
      page = [missed, first];
      socket.open();
      await settle(20);

      expect(session.items().map((i) => i.body)).toEqual(['first', 'missed']);
    });
  });

  describe('sending', () => {
    it('should keep a message in the stored outbox, shown as sending, until the server acknowledges it', async () => {
      let ack!: (value: unknown) => void;
      const { session, socket } = await open((s) => {
        s.replies['chat.send'] = () => new Promise((resolve) => (ack = resolve)) as never;
      });

      expect(session.sendText('  你好 👋🏽  ')).toBe('queued');
      await settle();

      const [sent] = socket.payloads('chat.send');
      expect(sent.body).toBe('你好 👋🏽');
      expect(sent.clientId).toMatch(/^[A-Za-z0-9_-]{16,64}$/);
      expect(stored()).toEqual([expect.objectContaining({ clientId: sent.clientId, body: '你好 👋🏽', state: 'sending' })]);
      expect(session.items().map((i) => i.state)).toEqual(['sending']);

      ack({ ok: true, message: chatMessage({ id: 'm-stored', clientId: sent.clientId, body: '你好 👋🏽' }) });
      await settle();

      expect(stored()).toEqual([]);
      expect(session.items().map((i) => [i.key, i.state, i.body])).toEqual([[`c:${sent.clientId}`, 'sent', '你好 👋🏽']]);
    });

    it('should not send blank text or text over the limit', async () => {
      const { session, socket } = await open();

      expect(session.sendText('   ')).toBe('empty');
      expect(session.sendText('好'.repeat(4001))).toBe('too_long');
      expect(session.sendText('😀'.repeat(4000))).toBe('queued');
      expect(socket.payloads('chat.send')).toHaveLength(1);
    });

    it('should send messages queued while offline once connected, oldest first', async () => {
      const { session, socket } = await open();
      const server = storeSent(socket);
      socket.drop();

      session.sendText('one');
      session.sendText('two');
      await settle();
      expect(socket.payloads('chat.send')).toEqual([]);

      socket.open();
      await settle(20);

      expect(server.map((m) => m.body)).toEqual(['one', 'two']);
      expect(session.items().map((i) => [i.body, i.state])).toEqual([
        ['one', 'sent'],
        ['two', 'sent'],
      ]);
    });

    it('should retry with the same clientId after an ack timeout', async () => {
      jest.useFakeTimers();
      const { session, socket } = await open();
      let calls = 0;
      const server: ChatMessage[] = [];
      socket.replies['chat.send'] = (payload) => {
        calls++;
        if (calls === 1) throw new Error('operation has timed out');
        return storeSentOnce(server, payload);
      };

      session.sendText('hello');
      await settle();
      expect(session.items()[0].state).toBe('sending');

      await jest.advanceTimersByTimeAsync(2000);

      const [first, second] = socket.payloads('chat.send');
      expect(second.clientId).toBe(first.clientId);
      expect(server).toHaveLength(1);
      expect(session.items().map((i) => i.state)).toEqual(['sent']);
    });

    it('should resend after a reconnect with the same clientId, and show one message', async () => {
      const { session, socket } = await open((s) => {
        s.replies['chat.send'] = () => new Promise(() => undefined) as never; // lost with the connection
      });
      session.sendText('hello');
      await settle();

      socket.drop();
      const server = storeSent(socket);
      socket.open();
      await settle(20);

      const [first, second] = socket.payloads('chat.send');
      expect(second.clientId).toBe(first.clientId);
      expect(server).toHaveLength(1);
      expect(session.items().map((i) => [i.body, i.state])).toEqual([['hello', 'sent']]);
    });

    it('should send what was unsent before a reload, with the same clientId', async () => {
      const first = await open((s) => {
        s.replies['chat.send'] = () => new Promise(() => undefined) as never;
      });
      first.session.sendText('survives a reload');
      await settle();
      const [lost] = first.socket.payloads('chat.send');

      const { session, socket } = await open((s) => storeSent(s));

      expect(socket.payloads('chat.send')).toEqual([{ clientId: lost.clientId, body: 'survives a reload' }]);
      expect(session.items().map((i) => [i.body, i.state])).toEqual([['survives a reload', 'sent']]);
      expect(stored()).toEqual([]);
    });

    it('should not send again what history shows the server already stored', async () => {
      const first = await open((s) => {
        s.replies['chat.send'] = () => new Promise(() => undefined) as never;
      });
      first.session.sendText('stored, ack lost');
      await settle();
      const [lost] = first.socket.payloads('chat.send');
      const storedMessage = chatMessage({ clientId: lost.clientId, body: 'stored, ack lost' });

      const { session, socket } = await open((s) => {
        s.replies['chat.history'] = () => ({ ok: true, messages: [storedMessage], nextCursor: null });
        storeSent(s);
      });

      expect(socket.payloads('chat.send').length).toBeLessThanOrEqual(1);
      expect(session.items().map((i) => [i.body, i.state])).toEqual([['stored, ack lost', 'sent']]);
    });

    it('should show one message when the broadcast arrives before the ack', async () => {
      let ack!: (value: unknown) => void;
      const { session, socket } = await open((s) => {
        s.replies['chat.send'] = () => new Promise((resolve) => (ack = resolve)) as never;
      });
      session.sendText('hello');
      await settle();
      const [sent] = socket.payloads('chat.send');
      const message = chatMessage({ clientId: sent.clientId, body: 'hello' });

      socket.serverEmit('chat.message', message);
      ack({ ok: true, message });
      await settle();

      expect(session.items().map((i) => [i.body, i.state])).toEqual([['hello', 'sent']]);
    });

    it('should show one message when the ack arrives before the broadcast', async () => {
      const server: ChatMessage[] = [];
      const { session, socket } = await open((s) => storeSent(s, server));
      session.sendText('hello');
      await settle();

      socket.serverEmit('chat.message', server[0]);

      expect(server).toHaveLength(1);
      expect(session.items().map((i) => [i.body, i.state])).toEqual([['hello', 'sent']]);
    });

    it('should show a refused message with the reason, keep it, and retry it with the same clientId', async () => {
      const { session, socket } = await open((s) => {
        s.replies['chat.send'] = () => ({ ok: false, code: 'validation', message: '消息太长' });
      });
      session.sendText('refused');
      await settle();

      expect(session.items().map((i) => [i.state, i.error?.message, i.canRetry])).toEqual([['failed', '消息太长', true]]);
      expect(stored()).toEqual([expect.objectContaining({ body: 'refused', state: 'failed' })]);

      storeSent(socket);
      session.retry(session.items()[0].clientId);
      await settle();

      const [first, second] = socket.payloads('chat.send');
      expect(second.clientId).toBe(first.clientId);
      expect(session.items().map((i) => i.state)).toEqual(['sent']);
    });

    it('should delete a refused message when the visitor chooses to', async () => {
      const { session } = await open((s) => {
        s.replies['chat.send'] = () => ({ ok: false, code: 'validation', message: 'no' });
      });
      session.sendText('refused');
      await settle();

      session.discard(session.items()[0].clientId);

      expect(session.items()).toEqual([]);
      expect(stored()).toEqual([]);
    });

    it('should try again later, without showing an error, when the server is busy', async () => {
      jest.useFakeTimers();
      const { session, socket } = await open((s) => {
        s.replies['chat.send'] = () => ({ ok: false, code: 'internal', message: 'try later' });
      });
      session.sendText('hello');
      await settle();
      expect(session.items()[0].state).toBe('sending');

      storeSent(socket);
      await jest.advanceTimersByTimeAsync(2000);

      expect(session.items().map((i) => i.state)).toEqual(['sent']);
    });
  });

  describe('images', () => {
    const file = () => new File([new Uint8Array([0xff, 0xd8, 0xff])], 'photo.jpg', { type: 'image/jpeg' });

    it('should upload with the visitor token, then send the image id', async () => {
      store.data.set(TOKEN_STORAGE_KEY, 'v1.kept.token');
      fetcher = fakeFetch({ 'POST /api/chat/images': [{ status: 201, body: IMAGE }] });
      const { session, socket } = await open((s) => storeSent(s));

      session.sendImage(file());
      await settle(20);

      const upload = fetcher.calls.find((c) => c.route === 'POST /api/chat/images')!;
      expect((upload.init!.headers as Record<string, string>)['X-Visitor-Token']).toBe('v1.kept.token');
      expect((upload.init!.body as FormData).get('file')).toBeInstanceOf(File);
      expect(socket.payloads('chat.send')).toEqual([{ clientId: expect.any(String), imageId: 'image-1' }]);
      expect(session.items().map((i) => [i.state, i.image?.thumbUrl])).toEqual([['sent', IMAGE.thumbUrl]]);
    });

    it('should keep why the server refused an image', async () => {
      store.data.set(TOKEN_STORAGE_KEY, 'v1.kept.token');
      fetcher = fakeFetch({
        'POST /api/chat/images': [{ status: 413, body: { statusCode: 413, code: 'image.too_large', message: 'The image is larger than 5 MB.' } }],
      });
      const { session, socket } = await open();

      session.sendImage(file());
      await settle(20);

      expect(session.items().map((i) => [i.state, i.error])).toEqual([
        ['failed', { code: 'image.too_large', message: 'The image is larger than 5 MB.' }],
      ]);
      expect(socket.payloads('chat.send')).toEqual([]);
    });

    it('should upload again later when the server says too many at once', async () => {
      jest.useFakeTimers();
      store.data.set(TOKEN_STORAGE_KEY, 'v1.kept.token');
      fetcher = fakeFetch({
        'POST /api/chat/images': [{ status: 429, body: { statusCode: 429, code: 'rate_limited', message: 'Too many' } }, { status: 201, body: IMAGE }],
      });
      const { session } = await open((s) => storeSent(s));

      session.sendImage(file());
      await settle(20);
      expect(session.items().map((i) => i.state)).toEqual(['sending']);

      await jest.advanceTimersByTimeAsync(60_000);

      expect(session.items().map((i) => i.state)).toEqual(['sent']);
    });
  });

  describe('typing, receipts, presence, profile', () => {
    it('should say typing at most every three seconds, and stopped after a pause', async () => {
      jest.useFakeTimers();
      const { session, socket } = await open();

      session.noteTyping();
      jest.advanceTimersByTime(1000);
      session.noteTyping();
      jest.advanceTimersByTime(2500);
      session.noteTyping();
      expect(socket.payloads('chat.typing')).toEqual([{ typing: true }, { typing: true }]);

      jest.advanceTimersByTime(4000);
      expect(socket.payloads('chat.typing')).toEqual([{ typing: true }, { typing: true }, { typing: false }]);
    });

    it('should show the staff typing, until their message arrives', async () => {
      const { session, socket } = await open();

      socket.serverEmit('chat.typing', { typing: true, name: '王芳' });
      expect(session.staffTyping()).toBe('王芳');

      socket.serverEmit('chat.message', chatMessage({ from: 'staff', staffName: '王芳' }));
      expect(session.staffTyping()).toBeNull();
    });

    it('should confirm delivery on arrival and reading once the newest is on screen', async () => {
      const { session, socket } = await open();
      const reply = chatMessage({ id: 'm-reply', from: 'staff', staffName: '王芳' });

      socket.serverEmit('chat.message', reply);
      expect(socket.payloads('chat.read')).toEqual([{ upToId: 'm-reply', read: false }]);

      session.setViewing(true);
      session.setViewing(true);
      expect(socket.payloads('chat.read')).toEqual([
        { upToId: 'm-reply', read: false },
        { upToId: 'm-reply', read: true },
      ]);
    });

    it('should follow whether staff are around', async () => {
      const { session, socket } = await open();
      expect(session.staffAround()).toBeNull();

      socket.serverEmit('presence', { staffAround: true });

      expect(session.staffAround()).toBe(true);
    });

    it('should save name and phone, and pass on the server’s reason when refused', async () => {
      const { session, socket } = await open((s) => {
        s.replies['visitor.profile'] = ({ name, phone }) =>
          phone === '123' ? { ok: false, code: 'validation', message: '手机号格式不对' } : { ok: true, name: name ?? null, phone: '+8613800138000' };
      });

      expect(await session.saveProfile('李雷', '123')).toEqual({ ok: false, error: { code: 'validation', message: '手机号格式不对' } });
      expect(await session.saveProfile(' 李雷 ', '13800138000')).toEqual({ ok: true });
      expect(socket.payloads('visitor.profile').at(-1)).toEqual({ name: '李雷', phone: '13800138000' });
      expect(session.profile()).toEqual({ name: '李雷', phone: '+8613800138000' });
      expect(JSON.parse(store.data.get(PROFILE_STORAGE_KEY)!)).toEqual({ name: '李雷', phone: '+8613800138000' });
    });
  });
});

function storeSentOnce(server: ChatMessage[], { clientId, body }: { clientId: string; body?: string }) {
  let message = server.find((m) => m.clientId === clientId);
  if (!message) server.push((message = chatMessage({ clientId, body: body ?? '' })));
  return { ok: true as const, message };
}
