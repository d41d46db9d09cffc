import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { ForumPost } from '@hearth/contract';
import { Observable } from 'rxjs';
import { DialogSubmission } from '../admin/dialog-submission';
import { TranslatePipe } from '../core/i18n';
import { FormError } from '../shared/form-error';

export interface HideDialogData {
  /** Whose post it is (named in the question). */
  readonly authorName: string;
  readonly hide: (reason: string) => Observable<ForumPost>;
}

export const HIDE_REASON_MAX = 200;

/** Staff: hide a post — kept, not deleted — with a reason its author and staff will read. Closes with the hidden post. */
@Component({
  selector: 'app-forum-hide-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, FormError, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'forum.hide.title' | t }}</h2>
    <form (submit)="$event.preventDefault(); submit()">
      <mat-dialog-content>
        <p class="body">{{ 'forum.hide.body' | t: { name: data.authorName } }}</p>
        <mat-form-field class="field">
          <mat-label>{{ 'forum.hide.reason' | t }}</mat-label>
          <textarea matInput rows="3" required [formControl]="reason" [maxlength]="max" [placeholder]="'forum.hide.reasonHint' | t"></textarea>
          <mat-hint align="end">{{ reason.value.length }} / {{ max }}</mat-hint>
          @if (reason.hasError('required')) {
            <mat-error>{{ 'forum.hide.reasonRequired' | t }}</mat-error>
          }
        </mat-form-field>
        <app-form-error [key]="submission.serverError()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.pending()">{{ 'forum.hide.submit' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .body { margin-bottom: 16px; line-height: 1.7; }
    .field { width: 100%; }
  `,
})
export class ForumHideDialog {
  protected readonly data = inject<HideDialogData>(MAT_DIALOG_DATA);
  protected readonly submission = new DialogSubmission<ForumPost>();
  protected readonly max = HIDE_REASON_MAX;
  protected readonly reason = new FormControl('', {
    nonNullable: true,
    validators: [Validators.required, Validators.maxLength(HIDE_REASON_MAX), Validators.pattern(/\S/)],
  });

  protected submit(): void {
    this.submission.submit(this.reason, () => this.data.hide(this.reason.value.trim()));
  }
}
