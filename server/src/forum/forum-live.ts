import { Injectable } from '@nestjs/common';
import type { Namespace } from 'socket.io';
import type { ForumClientToServerEvents, ForumPost, ForumServerToClientEvents } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import type { ThreadHeader } from './forum-views';

export const FORUM_NAMESPACE = '/forum';
/** The sockets watching one thread. */
export const threadRoom = (threadId: string) => `forum-thread:${threadId}`;

export type ForumNamespace = Namespace<ForumClientToServerEvents, ForumServerToClientEvents>;

/**
 * Emits to the readers watching a thread: always the public view (anyone may watch). Services decide
 * what to emit; this only emits, on the same socket.io server (and adapter) as the desk.
 */
@Injectable()
export class ForumLive {
  constructor(private readonly realtime: RealtimeService) {}

  private get forum(): ForumNamespace | undefined {
    return this.realtime.staff?.of(FORUM_NAMESPACE) as ForumNamespace | undefined;
  }

  post(post: ForumPost) {
    this.forum?.to(threadRoom(post.threadId)).emit('forum.post', post);
  }

  thread(header: ThreadHeader) {
    this.forum?.to(threadRoom(header.id)).emit('forum.thread', header);
  }

  postHidden(threadId: string, postId: string) {
    this.forum?.to(threadRoom(threadId)).emit('forum.post_hidden', { threadId, postId });
  }

  /**
   * The opening post was hidden: the whole thread leaves the public. Watchers hear that post is
   * gone and are taken out of the room, so nothing more about the thread reaches them (a
   * recovered connection cannot bring the room back either: watching checks readability again).
   */
  closeThread(threadId: string, openingPostId: string) {
    this.postHidden(threadId, openingPostId);
    this.forum?.in(threadRoom(threadId)).socketsLeave(threadRoom(threadId));
  }
}
