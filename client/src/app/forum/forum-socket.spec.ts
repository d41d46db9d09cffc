import { TestBed } from '@angular/core/testing';
import type { ForumPost } from '@hearth/contract';
import { FORUM_SOCKET_FACTORY, ForumLive, ForumSocket, ForumSocketClient } from './forum-socket';
import { aPost } from './thread-fixtures';

type Handler = (...args: unknown[]) => void;

/** Enough of a socket.io client to drive ForumSocket by hand. */
class FakeSocket {
  connected = false;
  active = false;
  connects = 0;
  disconnects = 0;
  readonly handlers = new Map<string, Set<Handler>>();
  readonly watches: { payload: { threadId: string; afterPostId?: string }; answer: (res: unknown) => void }[] = [];
  readonly emitted: { event: string; payload: unknown }[] = [];

  on(event: string, handler: Handler): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler: Handler): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  connect(): this {
    this.connects++;
    this.active = true;
    return this;
  }

  disconnect(): this {
    this.disconnects++;
    this.active = false;
    this.connected = false;
    return this;
  }

  emit(event: string, payload: unknown): this {
    this.emitted.push({ event, payload });
    return this;
  }

  timeout(): { emitWithAck: (event: string, payload: { threadId: string; afterPostId?: string }) => Promise<unknown> } {
    return {
      emitWithAck: (event, payload) => {
        this.emitted.push({ event, payload });
        return new Promise((answer) => this.watches.push({ payload, answer }));
      },
    };
  }

  /** The server side: the connection opens (again). */
  open(): void {
    this.connected = true;
    this.fire('connect');
  }

  fire(event: string, ...args: unknown[]): void {
    for (const handler of [...(this.handlers.get(event) ?? [])]) handler(...args);
  }
}

const settle = () => new Promise((resolve) => setTimeout(resolve));

describe(ForumSocket.name, () => {
  let fake: FakeSocket;
  let made: number;
  let forum: ForumSocket;

  beforeEach(() => {
    fake = new FakeSocket();
    made = 0;
    TestBed.configureTestingModule({
      providers: [{ provide: FORUM_SOCKET_FACTORY, useValue: () => (made++, fake as unknown as ForumSocketClient) }],
    });
    forum = TestBed.inject(ForumSocket);
  });

  it('should not make a socket until a thread is watched', () => {
    expect(made).toBe(0);
    const sub = forum.watch('t1', () => '3').subscribe();
    expect(made).toBe(1);
    expect(fake.connects).toBe(1);
    sub.unsubscribe();
  });

  it('should watch on connecting, and again after each reconnect from the newest post held', async () => {
    let last = '3';
    const seen: ForumLive[] = [];
    const sub = forum.watch('t1', () => last).subscribe((live) => seen.push(live));
    fake.open();
    expect(fake.watches.map((w) => w.payload)).toEqual([{ threadId: 't1', afterPostId: '3' }]);
    fake.watches[0].answer({ ok: true, missed: [] });
    await settle();
    expect(seen).toEqual([]);

    last = '5';
    fake.connected = false;
    fake.open();
    expect(fake.watches[1].payload).toEqual({ threadId: 't1', afterPostId: '5' });
    const missed = [aPost('6'), aPost('7')];
    fake.watches[1].answer({ ok: true, missed });
    await settle();
    expect(seen).toEqual([{ type: 'missed', posts: missed }]);
    sub.unsubscribe();
  });

  it('should pass on only the watched thread’s posts, header changes and hidden posts', () => {
    const seen: ForumLive[] = [];
    const sub = forum.watch('t1', () => undefined).subscribe((live) => seen.push(live));
    fake.open();
    const mine: ForumPost = aPost('8');
    fake.fire('forum.post', mine);
    fake.fire('forum.post', aPost('9', { threadId: 't2' }));
    fake.fire('forum.post_hidden', { threadId: 't1', postId: '2' });
    fake.fire('forum.post_hidden', { threadId: 't2', postId: '4' });
    fake.fire('forum.thread', { id: 't2' });
    expect(seen).toEqual([
      { type: 'post', post: mine },
      { type: 'hidden', postId: '2' },
    ]);
    expect(fake.watches[0].payload).toEqual({ threadId: 't1' });
    sub.unsubscribe();
  });

  it('should unwatch on leaving and close the socket when no thread is watched any more', () => {
    const a = forum.watch('t1', () => '1').subscribe();
    const b = forum.watch('t2', () => '1').subscribe();
    fake.open();
    a.unsubscribe();
    expect(fake.emitted.filter((e) => e.event === 'thread.unwatch')).toEqual([{ event: 'thread.unwatch', payload: { threadId: 't1' } }]);
    expect(fake.disconnects).toBe(0);
    b.unsubscribe();
    expect(fake.disconnects).toBe(1);
    fake.fire('forum.post', aPost('9'));
    expect(fake.handlers.get('forum.post')?.size ?? 0).toBe(0);
  });

  it('should reconnect the same socket for the next thread page', () => {
    forum.watch('t1', () => '1').subscribe().unsubscribe();
    forum.watch('t2', () => '1').subscribe();
    expect(made).toBe(1);
    expect(fake.connects).toBe(2);
  });
});
