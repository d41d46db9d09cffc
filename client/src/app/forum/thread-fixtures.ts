// A thread and its posts as the server would send them, for the specs of the thread pages; override what a test cares about.
import type { ForumAuthor, ForumPost, ForumThread } from '@hearth/contract';
import { Observable, Subject } from 'rxjs';
import type { ForumLive } from './forum-socket';

export const WANGFANG: ForumAuthor = { kind: 'member', username: 'wangfang', displayName: '王芳', seniorFan: false };
export const LAOLI: ForumAuthor = { kind: 'member', username: 'laoli', displayName: '老李', seniorFan: true };
export const STAFF_LIN: ForumAuthor = { kind: 'staff', name: '林晓' };

export function aPost(id: string, overrides: Partial<ForumPost> = {}): ForumPost {
  return {
    id,
    threadId: 't1',
    author: LAOLI,
    html: `<p>回复 ${id}</p>`,
    markdown: null,
    isOpening: false,
    isSolution: false,
    createdAt: '2026-03-01T02:00:00.000Z',
    hidden: null,
    ...overrides,
  };
}

export function anOpeningPost(overrides: Partial<ForumPost> = {}): ForumPost {
  return aPost('1', { author: WANGFANG, html: '<p>每次打扫完都停在客厅中间，不回充电座。</p>', isOpening: true, ...overrides });
}

export function aThread(overrides: Partial<ForumThread> = {}): ForumThread {
  const posts = overrides.posts ?? [anOpeningPost(), aPost('2'), aPost('3', { author: STAFF_LIN })];
  return {
    id: 't1',
    board: { id: 'board-help', slug: 'help', name: '使用求助', kind: 'help' },
    title: '扫地机器人不回充',
    author: WANGFANG,
    excerpt: '每次打扫完都停在客厅中间，不回充电座。',
    createdAt: '2026-03-01T01:00:00.000Z',
    lastActivityAt: '2026-03-01T02:30:00.000Z',
    lastPoster: STAFF_LIN,
    replyCount: posts.filter((p) => !p.isOpening).length,
    solved: false,
    locked: false,
    feedbackStatus: null,
    solution: null,
    posts,
    nextCursor: null,
    statusHistory: [],
    lockedAt: null,
    ...overrides,
  };
}

/** Stands in for ForumSocket: specs push live events and see what was watched. */
export class FakeForumSocket {
  readonly watches: { threadId: string; lastPostId: () => string | undefined; live: Subject<ForumLive> }[] = [];
  readonly unwatched: string[] = [];

  watch(threadId: string, lastPostId: () => string | undefined): Observable<ForumLive> {
    return new Observable<ForumLive>((subscriber) => {
      const live = new Subject<ForumLive>();
      const sub = live.subscribe(subscriber);
      this.watches.push({ threadId, lastPostId, live });
      return () => {
        sub.unsubscribe();
        this.unwatched.push(threadId);
      };
    });
  }

  /** The live stream of the latest watch. */
  push(live: ForumLive): void {
    const watch = this.watches.at(-1);
    if (!watch) throw new Error('Nothing is watched');
    watch.live.next(live);
  }
}
