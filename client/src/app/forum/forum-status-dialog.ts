import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import { FORUM_FEEDBACK_STATUSES, ForumFeedbackStatus, ForumThread } from '@hearth/contract';
import { Observable } from 'rxjs';
import { DialogSubmission } from '../admin/dialog-submission';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { FormError } from '../shared/form-error';

export interface StatusDialogData {
  readonly current: ForumFeedbackStatus | null;
  readonly save: (status: ForumFeedbackStatus, note: string | undefined) => Observable<ForumThread>;
}

export const STATUS_NOTE_MAX = 500;

/** heard / planned / shipped in the reader's words (已收到 / 已计划 / 已上线). */
export const FEEDBACK_STATUS_KEYS: Readonly<Record<ForumFeedbackStatus, MessageKey>> = {
  heard: 'forum.status.heard',
  planned: 'forum.status.planned',
  shipped: 'forum.status.shipped',
};

/** Staff, suggestion boards: heard → planned → shipped, with a note everyone who took part will see. Closes with the thread. */
@Component({
  selector: 'app-forum-status-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatRadioModule, FormError, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'forum.status.title' | t }}</h2>
    <form [formGroup]="form" (submit)="$event.preventDefault(); submit()">
      <mat-dialog-content>
        <p class="body">{{ 'forum.status.body' | t }}</p>
        <mat-radio-group class="statuses" formControlName="status" [attr.aria-label]="'forum.status.title' | t">
          @for (status of statuses; track status) {
            <mat-radio-button [value]="status">{{ statusKeys[status] | t }}</mat-radio-button>
          }
        </mat-radio-group>
        <mat-form-field class="field">
          <mat-label>{{ 'forum.status.note' | t }}</mat-label>
          <textarea matInput rows="3" formControlName="note" [maxlength]="max" [placeholder]="'forum.status.noteHint' | t"></textarea>
          <mat-hint align="end">{{ form.controls.note.value.length }} / {{ max }}</mat-hint>
        </mat-form-field>
        <app-form-error [key]="submission.serverError()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.pending()">{{ 'forum.status.submit' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .body { margin-bottom: 12px; line-height: 1.7; }
    .statuses { display: flex; flex-wrap: wrap; gap: 4px 16px; margin-bottom: 12px; }
    .field { width: 100%; }
  `,
})
export class ForumStatusDialog {
  protected readonly data = inject<StatusDialogData>(MAT_DIALOG_DATA);
  protected readonly submission = new DialogSubmission<ForumThread>();
  protected readonly statuses = FORUM_FEEDBACK_STATUSES;
  protected readonly statusKeys = FEEDBACK_STATUS_KEYS;
  protected readonly max = STATUS_NOTE_MAX;
  protected readonly form = new FormGroup({
    status: new FormControl<ForumFeedbackStatus>(this.data.current ?? 'heard', { nonNullable: true, validators: [Validators.required] }),
    note: new FormControl('', { nonNullable: true, validators: [Validators.maxLength(STATUS_NOTE_MAX)] }),
  });

  protected submit(): void {
    const { status, note } = this.form.getRawValue();
    this.submission.submit(this.form, () => this.data.save(status, note.trim() || undefined));
  }
}
