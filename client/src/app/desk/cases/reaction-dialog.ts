import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { FormError } from '../../shared/form-error';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { Gesture } from '@hearth/contract';
import { I18n, TranslatePipe } from '../../core/i18n';
import { caseErrorText } from './case-errors';
import { CasesApi } from './cases-api';
import { GESTURE_KIND_LABELS } from '../../shared/gesture-kinds';

/** The customer's reaction to a gesture, in their words where possible. Closes with the gesture. */
@Component({
  selector: 'app-reaction-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormError, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'gestures.addReaction' | t }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="lead">{{ kindLabels[gesture.kind] | t }} · {{ gesture.note }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'gestures.reaction' | t }}</mat-label>
          <textarea
            matInput
            required
            rows="3"
            maxlength="2000"
            [placeholder]="'gestures.reactionPlaceholder' | t"
            [value]="text()"
            (input)="text.set($any($event.target).value)"
          ></textarea>
          <mat-hint>{{ 'gestures.reactionHint' | t }}</mat-hint>
        </mat-form-field>
        @if (tried() && !text().trim()) {
          <p class="field-error" role="alert">{{ 'gestures.reactionRequired' | t }}</p>
        }
        <app-form-error [message]="serverError()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="pending()">{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="pending()" [attr.aria-busy]="pending()">{{ 'gestures.saveReaction' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './case-dialog.scss',
})
export class ReactionDialog {
  private readonly api = inject(CasesApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<ReactionDialog, Gesture>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly gesture = inject<Gesture>(MAT_DIALOG_DATA);
  protected readonly kindLabels = GESTURE_KIND_LABELS;

  protected readonly text = signal(this.gesture.reaction ?? '');
  protected readonly tried = signal(false);
  protected readonly pending = signal(false);
  protected readonly serverError = signal<string | null>(null);

  protected submit(): void {
    if (this.pending()) return;
    this.tried.set(true);
    const reaction = this.text().trim();
    if (!reaction) return;
    this.pending.set(true);
    this.serverError.set(null);
    this.api
      .updateGesture(this.gesture.id, { reaction })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (saved) => this.dialogRef.close(saved),
        error: (error: unknown) => {
          this.pending.set(false);
          this.serverError.set(caseErrorText(error, this.i18n));
        },
      });
  }
}
