import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import type { ForumBoard } from '@hearth/contract';
import { apiErrorMessage } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';
import { BOARD_KIND_ICONS, BOARD_KIND_LABELS } from './board-kinds';
import { ForumApi } from './forum-api';
import { ForumTimePipe } from './forum-time';
import { ThreadFeed } from './thread-feed';
import { ThreadList } from './thread-list';

type BoardsState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'error'; readonly message: MessageKey }
  | { readonly kind: 'ready'; readonly boards: readonly ForumBoard[] };

/** `/forum`: a friendly welcome, the boards, and the latest threads across them. */
@Component({
  selector: 'app-forum-home-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe, EmptyState, ForumTimePipe, ThreadList],
  providers: [ThreadFeed],
  templateUrl: './forum-home-page.html',
  styleUrl: './forum-home-page.scss',
})
export class ForumHomePage {
  private readonly api = inject(ForumApi);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly feed = inject(ThreadFeed);

  protected readonly boards = signal<BoardsState>({ kind: 'loading' });
  protected readonly kindIcons = BOARD_KIND_ICONS;
  protected readonly kindLabels = BOARD_KIND_LABELS;

  constructor() {
    this.loadBoards();
    this.feed.load(null);
  }

  protected loadBoards(): void {
    this.boards.set({ kind: 'loading' });
    this.api
      .boards()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (boards) => this.boards.set({ kind: 'ready', boards: boards.filter((b) => !b.archived) }),
        error: (error: unknown) => this.boards.set({ kind: 'error', message: apiErrorMessage(error) }),
      });
  }
}
