import { DestroyRef, Injectable, inject, signal } from '@angular/core';
import type { StoryCard } from '@hearth/contract';
import { Subscription } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import type { MessageKey } from '../core/i18n';
import { StoriesApi, StoryQuery } from './stories-api';

export interface StoryFeedState {
  readonly stories: readonly StoryCard[];
  readonly nextCursor: string | null;
  /** The first page is on its way (the list is empty or stale). */
  readonly loading: boolean;
  /** A further page is on its way. */
  readonly loadingMore: boolean;
  /** The first page failed. */
  readonly error: MessageKey | null;
  /** A further page failed; what is shown stays. */
  readonly moreError: MessageKey | null;
}

const START: StoryFeedState = {
  stories: [],
  nextCursor: null,
  loading: true,
  loadingMore: false,
  error: null,
  moreError: null,
};

/**
 * One keyset-paged list of stories for a query: load (a new query starts over), more, retry.
 * Provided by the page that shows it. An answer to an older query is dropped.
 */
@Injectable()
export class StoryFeed {
  private readonly api = inject(StoriesApi);
  private readonly current = signal<StoryFeedState>(START);
  private query: StoryQuery = {};
  private request?: Subscription;

  readonly state = this.current.asReadonly();

  constructor() {
    inject(DestroyRef).onDestroy(() => this.request?.unsubscribe());
  }

  /** Starts over with `query`; what was shown stays visible (dimmed) until the answer comes. */
  load(query: StoryQuery): void {
    this.query = query;
    this.request?.unsubscribe();
    this.current.update((s) => ({ ...s, loading: true, loadingMore: false, error: null, moreError: null }));
    this.request = this.api.list(query).subscribe({
      next: (page) =>
        this.current.set({ ...START, loading: false, stories: page.stories, nextCursor: page.nextCursor }),
      error: (error: unknown) =>
        this.current.set({ ...START, loading: false, error: apiErrorMessage(error) }),
    });
  }

  /** The next page, after the last story shown. */
  more(): void {
    const { nextCursor, loading, loadingMore } = this.current();
    if (!nextCursor || loading || loadingMore) return;
    this.current.update((s) => ({ ...s, loadingMore: true, moreError: null }));
    this.request = this.api.list({ ...this.query, before: nextCursor }).subscribe({
      next: (page) =>
        this.current.update((s) => {
          const known = new Set(s.stories.map((story) => story.caseId));
          return {
            ...s,
            loadingMore: false,
            stories: [...s.stories, ...page.stories.filter((story) => !known.has(story.caseId))],
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
    else this.load(this.query);
  }

  /** Puts a changed story (highlighted, say) in its place. */
  replace(story: StoryCard): void {
    this.current.update((s) => ({
      ...s,
      stories: s.stories.map((existing) => (existing.caseId === story.caseId ? story : existing)),
    }));
  }
}
