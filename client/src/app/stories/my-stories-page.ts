import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ThanksNote } from '@hearth/contract';
import { apiErrorMessage } from '../core/api-error';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { calendarDate } from '../desk/timeline-rows';
import { EmptyState } from '../shared/empty-state';
import { StoriesApi } from './stories-api';
import { StoryCard } from './story-card';
import { StoryFeed } from './story-feed';
import { ThanksInbox } from './thanks-inbox';

type ThanksLoad =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready' }
  | { readonly kind: 'error'; readonly message: MessageKey };

/** `/stories/mine`: the thank-you notes I received, and the stories I was part of. */
@Component({
  selector: 'app-my-stories-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, EmptyState, StoryCard, TranslatePipe],
  providers: [StoryFeed],
  templateUrl: './my-stories-page.html',
  styleUrl: './my-stories-page.scss',
})
export class MyStoriesPage {
  private readonly api = inject(StoriesApi);
  private readonly inbox = inject(ThanksInbox);
  private readonly i18n = inject(I18n);
  protected readonly feed = inject(StoryFeed);

  protected readonly thanks = signal<readonly ThanksNote[]>([]);
  protected readonly thanksLoad = signal<ThanksLoad>({ kind: 'loading' });
  /** Notes that were new when I opened the page (or arrived while on it): marked 新 until I leave. */
  protected readonly fresh = signal<ReadonlySet<string>>(new Set());
  protected readonly hasThanks = computed(() => this.thanks().length > 0);

  constructor() {
    this.loadThanks();
    this.feed.load({ mine: true });
    this.inbox.received$.pipe(takeUntilDestroyed()).subscribe((note) => {
      this.thanks.update((notes) => [note, ...notes.filter((n) => n.id !== note.id)]);
      this.fresh.update((ids) => new Set([...ids, note.id]));
      this.markSeen();
    });
  }

  protected loadThanks(): void {
    this.thanksLoad.set({ kind: 'loading' });
    this.api.myThanks().subscribe({
      next: (res) => {
        this.thanks.set(res.thanks);
        this.fresh.set(new Set(res.thanks.filter((n) => !n.seenAt).map((n) => n.id)));
        this.thanksLoad.set({ kind: 'ready' });
        if (res.unseen > 0) this.markSeen();
        else this.inbox.setUnseen(0);
      },
      error: (error: unknown) => this.thanksLoad.set({ kind: 'error', message: apiErrorMessage(error) }),
    });
  }

  protected date(iso: string): string {
    return calendarDate(iso, this.i18n.lang());
  }

  /** They are on screen now: the dot goes (it comes back only if the server could not be told). */
  private markSeen(): void {
    this.inbox.markSeen();
    this.api.markThanksSeen().subscribe({ error: () => undefined });
  }
}
