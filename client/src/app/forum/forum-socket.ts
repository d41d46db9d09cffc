import { Injectable, InjectionToken, inject } from '@angular/core';
import type { ForumClientToServerEvents, ForumPost, ForumServerToClientEvents } from '@hearth/contract';
import { Observable } from 'rxjs';
import { Socket, io } from 'socket.io-client';

export type ForumSocketClient = Socket<ForumServerToClientEvents, ForumClientToServerEvents>;
/** What `forum.thread` brings: the header, the solution's post id and the status history. */
export type ForumThreadChange = Parameters<ForumServerToClientEvents['forum.thread']>[0];

/** What happens live in a watched thread. `missed`: what was written while this page was not listening. */
export type ForumLive =
  | { readonly type: 'post'; readonly post: ForumPost }
  | { readonly type: 'thread'; readonly thread: ForumThreadChange }
  | { readonly type: 'hidden'; readonly postId: string }
  | { readonly type: 'missed'; readonly posts: readonly ForumPost[] };

/** Makes the `/forum` socket; a token so specs can hand in a fake. */
export const FORUM_SOCKET_FACTORY = new InjectionToken<() => ForumSocketClient>('FORUM_SOCKET_FACTORY', {
  providedIn: 'root',
  // Anyone may watch a thread; the cookie (forum or staff) rides along but is not needed.
  factory: () => () => io('/forum', { path: '/socket.io', autoConnect: false, withCredentials: true }),
});

const ACK_TIMEOUT_MS = 10_000;

/**
 * The forum's live connection (`/forum` namespace). Made on the first thread a reader opens, not
 * before (the board lists never need it), and closed when no thread page watches any more.
 */
@Injectable({ providedIn: 'root' })
export class ForumSocket {
  private readonly factory = inject(FORUM_SOCKET_FACTORY);
  private socket: ForumSocketClient | null = null;
  private watchers = 0;

  /**
   * Follows a thread while subscribed. On every (re)connection it watches again from `lastPostId()`
   * (the newest post the page holds), so what was written while offline arrives as `missed`.
   */
  watch(threadId: string, lastPostId: () => string | undefined): Observable<ForumLive> {
    return new Observable<ForumLive>((subscriber) => {
      const socket = this.open();
      const onPost = (post: ForumPost) => {
        if (post.threadId === threadId) subscriber.next({ type: 'post', post });
      };
      const onThread = (thread: ForumThreadChange) => {
        if (thread.id === threadId) subscriber.next({ type: 'thread', thread });
      };
      const onHidden = (payload: { threadId: string; postId: string }) => {
        if (payload.threadId === threadId) subscriber.next({ type: 'hidden', postId: payload.postId });
      };
      const onConnect = () => {
        const afterPostId = lastPostId();
        socket
          .timeout(ACK_TIMEOUT_MS)
          .emitWithAck('thread.watch', afterPostId ? { threadId, afterPostId } : { threadId })
          .then((res) => {
            if (res.ok && res.missed.length && !subscriber.closed) subscriber.next({ type: 'missed', posts: res.missed });
          })
          // No answer (offline, timed out) or the thread is gone: the next connect watches again.
          .catch(() => undefined);
      };
      socket.on('forum.post', onPost);
      socket.on('forum.thread', onThread);
      socket.on('forum.post_hidden', onHidden);
      socket.on('connect', onConnect);
      if (socket.connected) onConnect();

      return () => {
        socket.off('forum.post', onPost);
        socket.off('forum.thread', onThread);
        socket.off('forum.post_hidden', onHidden);
        socket.off('connect', onConnect);
        if (socket.connected) socket.emit('thread.unwatch', { threadId });
        this.release();
      };
    });
  }

  private open(): ForumSocketClient {
    this.socket ??= this.factory();
    this.watchers++;
    if (!this.socket.connected && !this.socket.active) this.socket.connect();
    return this.socket;
  }

  private release(): void {
    this.watchers--;
    if (this.watchers === 0) this.socket?.disconnect();
  }
}
