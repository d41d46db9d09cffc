import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormControl, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '../core/i18n';

export interface HighlightDialogData {
  readonly title: string;
}

export const HIGHLIGHT_NOTE_MAX = 500;

/** "Story of the week": an optional line on why the team should read it. Closes with the note ('' for none). */
@Component({
  selector: 'app-highlight-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'stories.highlightDialog.title' | t }}</h2>
    <form (submit)="$event.preventDefault(); submit()">
      <mat-dialog-content>
        <p class="body">{{ 'stories.highlightDialog.body' | t: { title: data.title } }}</p>
        <mat-form-field class="field">
          <mat-label>{{ 'stories.highlightDialog.note' | t }}</mat-label>
          <textarea
            matInput
            rows="3"
            [formControl]="note"
            [maxlength]="max"
            [placeholder]="'stories.highlightDialog.hint' | t"
          ></textarea>
          <mat-hint align="end">{{ note.value.length }} / {{ max }}</mat-hint>
        </mat-form-field>
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit">{{ 'stories.highlightDialog.submit' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .body { margin-bottom: 16px; line-height: 1.7; }
    .field { width: 100%; }
  `,
})
export class HighlightDialog {
  protected readonly data = inject<HighlightDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<HighlightDialog, string>>(MatDialogRef);
  protected readonly max = HIGHLIGHT_NOTE_MAX;
  protected readonly note = new FormControl('', { nonNullable: true, validators: [Validators.maxLength(HIGHLIGHT_NOTE_MAX)] });

  protected submit(): void {
    if (this.note.invalid) return;
    this.ref.close(this.note.value.trim());
  }
}
