import { ChangeDetectionStrategy, Component, computed, effect, inject, input, untracked } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';
import { BOARD_KIND_ICONS } from './board-kinds';
import { ForumViewerStore } from './forum-viewer';
import { ThreadFeed } from './thread-feed';
import { ThreadList } from './thread-list';

/** `/forum/boards/:slug`: one board's threads, newest activity first, and a way to start one. */
@Component({
  selector: 'app-forum-board-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe, EmptyState, ThreadList],
  providers: [ThreadFeed],
  templateUrl: './board-page.html',
  styleUrl: './board-page.scss',
})
export class BoardPage {
  protected readonly feed = inject(ThreadFeed);
  protected readonly viewer = inject(ForumViewerStore);

  /** From the route (`:slug`). */
  readonly slug = input.required<string>();

  protected readonly kindIcons = BOARD_KIND_ICONS;
  protected readonly board = computed(() => this.feed.state().board);
  protected readonly newThreadPath = computed(() => `/forum/boards/${encodeURIComponent(this.slug())}/new`);

  constructor() {
    // Another board (a link from a thread list) reuses this page: start over with its threads.
    effect(() => {
      const slug = this.slug();
      untracked(() => this.feed.load(slug));
    });
  }
}
