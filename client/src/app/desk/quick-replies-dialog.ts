import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Observable } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { I18n, TranslatePipe } from '../core/i18n';
import { QuickReplies } from './quick-replies';

const MAX_LENGTH = 1000;

/** Add, edit and remove the desk's shared quick replies. */
@Component({
  selector: 'app-quick-replies-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  templateUrl: './quick-replies-dialog.html',
  styleUrl: './quick-replies-dialog.scss',
})
export class QuickRepliesDialog {
  private readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly replies = inject(QuickReplies);

  protected readonly maxLength = MAX_LENGTH;
  protected readonly draft = signal('');
  /** The reply being edited, and its text so far. */
  protected readonly editing = signal<{ id: string; text: string } | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  constructor() {
    this.replies.refresh();
  }

  protected add(): void {
    const text = this.draft().trim();
    if (!text) return;
    this.run(this.replies.add(text), () => this.draft.set(''));
  }

  protected startEdit(id: string, text: string): void {
    this.error.set(null);
    this.editing.set({ id, text });
  }

  protected saveEdit(): void {
    const editing = this.editing();
    const text = editing?.text.trim();
    if (!editing || !text) return;
    this.run(this.replies.edit(editing.id, text), () => this.editing.set(null));
  }

  protected remove(id: string): void {
    this.run(this.replies.remove(id), () => {
      if (this.editing()?.id === id) this.editing.set(null);
    });
  }

  private run<T>(request: Observable<T>, done: () => void): void {
    this.busy.set(true);
    this.error.set(null);
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: () => {
        this.busy.set(false);
        done();
      },
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(this.i18n.t(apiErrorMessage(error)));
      },
    });
  }
}
