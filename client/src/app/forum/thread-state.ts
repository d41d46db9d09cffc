import type { ForumPost, ForumThread } from '@hearth/contract';
import type { ForumThreadChange } from './forum-socket';

// How a thread page folds what arrives (REST answers, live posts, header changes) into what it
// shows. Pure functions over the ForumThread it holds, so each rule is tested on its own.

/** Post ids are integers sent as strings: ordering is by number, not by text ('10' after '9'). */
export function comparePostIds(a: string, b: string): number {
  return a.length - b.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The newest post the page holds: where a reconnect catches up from. */
export function lastPostId(thread: ForumThread): string | undefined {
  return thread.posts.at(-1)?.id;
}

/** The id just before `id` (for reading one post again through `…/posts?after=`). */
export function previousPostId(id: string): string {
  return (BigInt(id) - 1n).toString();
}

/**
 * Adds or replaces posts by id, oldest first: a post that arrives twice (the REST answer and the
 * socket) shows once, and an unhidden post goes back in its place.
 */
export function mergePosts(thread: ForumThread, posts: readonly ForumPost[]): ForumThread {
  if (!posts.length) return thread;
  const byId = new Map(thread.posts.map((p) => [p.id, p]));
  for (const post of posts) byId.set(post.id, { ...post, isSolution: post.id === thread.solution?.id });
  const merged = [...byId.values()].sort((a, b) => comparePostIds(a.id, b.id));
  const solution = thread.solution ? (byId.get(thread.solution.id) ?? thread.solution) : null;
  return { ...thread, posts: merged, solution };
}

/**
 * Live posts land only on a page that has read to the end; otherwise "load more" will bring them
 * in order (appending them now would leave a gap before them).
 */
export function takeLivePosts(thread: ForumThread, posts: readonly ForumPost[]): ForumThread {
  return thread.nextCursor === null ? mergePosts(thread, posts) : thread;
}

export function withoutPost(thread: ForumThread, postId: string): ForumThread {
  const solution = thread.solution?.id === postId ? null : thread.solution;
  return { ...thread, posts: thread.posts.filter((p) => p.id !== postId), solution, solved: solution ? thread.solved : false };
}

/** The solution post's id a header change names (null: not solved). */
function solutionIdOf(change: ForumThreadChange | ForumThread): string | null {
  return 'solutionPostId' in change ? change.solutionPostId : (change.solution?.id ?? null);
}

/**
 * Applies a new header (a live `forum.thread`, or a thread a staff action answered with) and keeps
 * the posts already loaded. Returns `needsSolution` when the accepted post is not among them.
 */
export function withHeader(
  thread: ForumThread,
  change: ForumThreadChange | ForumThread,
): { thread: ForumThread; needsSolution: boolean } {
  const solutionId = solutionIdOf(change);
  const fromChange = 'solution' in change ? change.solution : null;
  const solution = solutionId
    ? (fromChange ?? thread.posts.find((p) => p.id === solutionId) ?? (thread.solution?.id === solutionId ? thread.solution : null))
    : null;
  const next: ForumThread = {
    ...thread,
    title: change.title,
    board: change.board,
    replyCount: change.replyCount,
    lastActivityAt: change.lastActivityAt,
    lastPoster: change.lastPoster,
    solved: change.solved,
    locked: change.locked,
    lockedAt: change.locked ? ('lockedAt' in change ? change.lockedAt : thread.lockedAt) : null,
    feedbackStatus: change.feedbackStatus,
    statusHistory: change.statusHistory,
    solution: solution ? { ...solution, isSolution: true } : null,
    posts: thread.posts.map((p) => (p.isSolution === (p.id === solutionId) ? p : { ...p, isSolution: p.id === solutionId })),
  };
  return { thread: next, needsSolution: solutionId !== null && solution === null };
}
