import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import type { ForumBoard } from '@hearth/contract';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { ForumApi } from '../forum/forum-api';
import { AdminList, openFormDialog } from './admin-list';
import { AdminListLayout } from './admin-list-layout';
import { ForumBoardFormDialog } from './forum-board-form-dialog';
import { BOARD_KIND_LABELS } from './forum-board-kinds';

/** As the forum lists them: by position, then name. */
function byPosition(a: ForumBoard, b: ForumBoard): number {
  return a.position - b.position || a.name.localeCompare(b.name, 'zh-CN');
}

/**
 * Admin → 论坛版块: every board (archived ones too), add one, edit, archive or restore. Boards are
 * never deleted: their threads and the timeline events that link to them stay readable.
 */
@Component({
  selector: 'app-forum-boards-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, AdminListLayout, TranslatePipe],
  templateUrl: './forum-boards-admin-page.html',
  styleUrls: ['./admin-list.scss', './forum-boards-admin-page.scss'],
})
export class ForumBoardsAdminPage {
  private readonly api = inject(ForumApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly boards = new AdminList(() => this.api.boards(true));
  /** A change of position moves a board, so rows are ordered here rather than where they were added. */
  protected readonly rows = computed(() => [...this.boards.items()].sort(byPosition));
  protected readonly kindLabels = BOARD_KIND_LABELS;
  protected readonly toggling = signal<string | null>(null);

  protected openCreate(): void {
    openFormDialog<ForumBoard>(this.dialog, ForumBoardFormDialog).subscribe((board) => {
      this.boards.add(board);
      this.notify('adminForum.created', board);
    });
  }

  protected openEdit(board: ForumBoard): void {
    openFormDialog<ForumBoard>(this.dialog, ForumBoardFormDialog, board).subscribe((saved) => {
      this.boards.replace(saved);
      this.notify('adminForum.saved', saved);
    });
  }

  /** Archive (gone from the forum, threads kept) or restore. */
  protected toggleArchived(board: ForumBoard): void {
    if (this.toggling()) return;
    this.toggling.set(board.id);
    this.api
      .updateBoard(board.id, { archived: !board.archived })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => {
          this.toggling.set(null);
          this.boards.replace(saved);
          this.notify(saved.archived ? 'adminForum.archived' : 'adminForum.unarchived', saved);
        },
        error: () => {
          this.toggling.set(null);
          this.snackBar.open(this.i18n.t('adminForum.toggleError'), undefined, { duration: 4000 });
        },
      });
  }

  private notify(key: MessageKey, board: ForumBoard): void {
    this.snackBar.open(this.i18n.t(key, { name: board.name }), undefined, { duration: 4000 });
  }
}
