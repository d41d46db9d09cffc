import type { ForumThreadChange } from './forum-socket';
import { aPost, aThread, LAOLI } from './thread-fixtures';
import { comparePostIds, mergePosts, previousPostId, takeLivePosts, withHeader, withoutPost } from './thread-state';

function aChange(overrides: Partial<ForumThreadChange> = {}): ForumThreadChange {
  const { posts, solution, nextCursor, lockedAt, ...summary } = aThread();
  void posts;
  void solution;
  void nextCursor;
  void lockedAt;
  return { ...summary, solutionPostId: null, ...overrides };
}

describe('thread state', () => {
  it('should order post ids as numbers', () => {
    expect(['10', '9', '100', '11'].sort(comparePostIds)).toEqual(['9', '10', '11', '100']);
    expect(previousPostId('10')).toBe('9');
  });

  it('should show a post that arrives twice once, in id order', () => {
    const thread = aThread();
    const twice = mergePosts(mergePosts(thread, [aPost('5')]), [aPost('5', { html: '<p>again</p>' }), aPost('4')]);
    expect(twice.posts.map((p) => p.id)).toEqual(['1', '2', '3', '4', '5']);
    expect(twice.posts.find((p) => p.id === '5')!.html).toBe('<p>again</p>');
  });

  it('should leave live posts to "load more" while the page has not read to the end', () => {
    const partial = aThread({ nextCursor: '3' });
    expect(takeLivePosts(partial, [aPost('9')])).toBe(partial);
    expect(takeLivePosts(aThread(), [aPost('9')]).posts.at(-1)!.id).toBe('9');
  });

  it('should drop a hidden post, and the solved state with it when it was the answer', () => {
    const solved = aThread({ solved: true, solution: aPost('2', { isSolution: true }) });
    const after = withoutPost(solved, '2');
    expect(after.posts.map((p) => p.id)).toEqual(['1', '3']);
    expect(after.solution).toBeNull();
    expect(after.solved).toBe(false);
  });

  it('should take a live header: solved with a loaded post, locked, status history', () => {
    const { thread, needsSolution } = withHeader(
      aThread(),
      aChange({ solved: true, solutionPostId: '2', locked: true, replyCount: 7, statusHistory: [{ status: 'heard', note: null, by: '林晓', at: '2026-03-02T00:00:00.000Z' }] }),
    );
    expect(needsSolution).toBe(false);
    expect(thread.solution?.id).toBe('2');
    expect(thread.posts.filter((p) => p.isSolution).map((p) => p.id)).toEqual(['2']);
    expect(thread.locked).toBe(true);
    expect(thread.replyCount).toBe(7);
    expect(thread.statusHistory).toHaveLength(1);
    expect(thread.posts).toHaveLength(3);
  });

  it('should say when the accepted answer is not among the loaded posts', () => {
    const { thread, needsSolution } = withHeader(aThread({ nextCursor: '3' }), aChange({ solved: true, solutionPostId: '80' }));
    expect(needsSolution).toBe(true);
    expect(thread.solution).toBeNull();
  });

  it('should take the solution a REST answer brings, and unmark it', () => {
    const fresh = aThread({ solved: true, solution: aPost('80', { author: LAOLI, isSolution: true }) });
    const marked = withHeader(aThread(), fresh).thread;
    expect(marked.solution?.id).toBe('80');
    const unmarked = withHeader(marked, aChange({ solved: false, solutionPostId: null })).thread;
    expect(unmarked.solution).toBeNull();
    expect(unmarked.posts.some((p) => p.isSolution)).toBe(false);
  });
});
