import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { ForumBoard, ForumThreadSummary } from '@hearth/contract';
import { Subscription } from 'rxjs';
import { apiErrorCode, apiErrorMessage, apiErrorStatus } from '../core/api-error';
import type { MessageKey } from '../core/i18n';
import { ForumApi } from './forum-api';

export interface ThreadFeedState {
  readonly threads: readonly ForumThreadSummary[];
  readonly nextCursor: string | null;
  /** The board the list belongs to, as the server sent it (null across boards, or until it answers). */
  readonly board: ForumBoard | null;
  /** The first page is on its way. */
  readonly loading: boolean;
  /** A further page is on its way. */
  readonly loadingMore: boolean;
  /** The first page failed. */
  readonly error: MessageKey | null;
  /** A further page failed; what is shown stays. */
  readonly moreError: MessageKey | null;
  /** The board does not exist (or is not open to this reader). */
  readonly notFound: boolean;
}

export const THREAD_FEED_START: ThreadFeedState = {
  threads: [],
  nextCursor: null,
  board: null,
  loading: true,
  loadingMore: false,
  error: null,
  moreError: null,
  notFound: false,
};

/**
 * One keyset-paged thread list, newest activity first: across every board (`load(null)`) or in
 * one board (`load(slug)`). Provided by the page that shows it; a new load drops an older answer.
 */
@Injectable()
export class ThreadFeed {
  private readonly api = inject(ForumApi);
  private readonly current = signal<ThreadFeedState>(THREAD_FEED_START);
  private boardSlug: string | null = null;
  private request?: Subscription;

  readonly state = this.current.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  load(boardSlug: string | null): void {
    this.boardSlug = boardSlug;
    this.request?.unsubscribe();
    this.current.set(THREAD_FEED_START);
    this.request = this.api.threads(boardSlug ?? undefined).subscribe({
      next: (page) =>
        this.current.set({
          ...THREAD_FEED_START,
          loading: false,
          threads: page.threads,
          nextCursor: page.nextCursor,
          board: page.board ?? null,
        }),
      error: (error: unknown) => {
        const notFound = apiErrorStatus(error) === 404 || apiErrorCode(error) === 'forum.board_not_found';
        this.current.set({
          ...THREAD_FEED_START,
          loading: false,
          notFound,
          error: notFound ? null : apiErrorMessage(error),
        });
      },
    });
  }

  /** The next page, after the last thread shown. */
  more(): void {
    const { nextCursor, loading, loadingMore } = this.current();
    if (!nextCursor || loading || loadingMore) return;
    this.current.update((s) => ({ ...s, loadingMore: true, moreError: null }));
    this.request = this.api.threads(this.boardSlug ?? undefined, nextCursor).subscribe({
      next: (page) =>
        this.current.update((s) => {
          // A thread that got a new reply between pages moves up: keep its first place only.
          const known = new Set(s.threads.map((t) => t.id));
          return {
            ...s,
            loadingMore: false,
            threads: [...s.threads, ...page.threads.filter((t) => !known.has(t.id))],
            nextCursor: page.nextCursor,
          };
        }),
      error: (error: unknown) =>
        this.current.update((s) => ({ ...s, loadingMore: false, moreError: apiErrorMessage(error) })),
    });
  }

  /** After a failure: the first page again, or the page that failed. */
  retry(): void {
    if (this.current().moreError) this.more();
    else this.load(this.boardSlug);
  }
}
