import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormControl, FormGroup, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatRadioModule } from '@angular/material/radio';
import type { StaffRef, ThanksNote } from '@hearth/contract';
import { apiErrorMessage } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { newClientId } from '../../shared/client-id';
import { StoriesApi } from './stories-api';

export interface ThanksDialogData {
  readonly caseId: string;
  readonly title: string;
  /** Who can be thanked: the story's helpers (not the writer themself). */
  readonly helpers: readonly StaffRef[];
}

export const THANKS_MAX = 1000;

/** A manager thanks someone who helped in a story. Closes with the note the server stored. */
@Component({
  selector: 'app-thanks-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatButtonModule,
    MatDialogModule,
    MatFormFieldModule,
    MatInputModule,
    MatRadioModule,
    TranslatePipe,
  ],
  template: `
    <h2 mat-dialog-title>{{ 'stories.thanksDialog.title' | t }}</h2>
    <form [formGroup]="form" (submit)="$event.preventDefault(); submit()">
      <mat-dialog-content>
        <p class="about">{{ 'stories.thanksDialog.about' | t: { title: data.title } }}</p>
        <p class="label" id="thanks-to-label">{{ 'stories.thanksDialog.to' | t }}</p>
        <mat-radio-group formControlName="to" class="helpers" aria-labelledby="thanks-to-label">
          @for (helper of data.helpers; track helper.id) {
            <mat-radio-button [value]="helper.id">{{ helper.name }}</mat-radio-button>
          }
        </mat-radio-group>
        @if (submitted() && form.controls.to.invalid) {
          <p class="error" role="alert">{{ 'stories.thanksDialog.toRequired' | t }}</p>
        }
        <mat-form-field class="field">
          <mat-label>{{ 'stories.thanksDialog.body' | t }}</mat-label>
          <textarea
            matInput
            rows="4"
            formControlName="body"
            [maxlength]="max"
            [placeholder]="'stories.thanksDialog.placeholder' | t"
          ></textarea>
          @if (form.controls.body.hasError('required') || form.controls.body.hasError('pattern')) {
            <mat-error>{{ 'stories.thanksDialog.bodyRequired' | t }}</mat-error>
          }
        </mat-form-field>
        @if (error(); as error) {
          <p class="error" role="alert">{{ error | t }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close>{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="sending()">
          {{ (sending() ? 'stories.thanksDialog.sending' : 'stories.thanksDialog.submit') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .about { margin-bottom: 16px; line-height: 1.7; color: var(--mat-sys-on-surface-variant); }
    .label { font: var(--mat-sys-title-small); }
    .helpers { display: flex; flex-wrap: wrap; gap: 0 8px; margin: 4px 0 12px -10px; }
    .field { width: 100%; }
    .error { color: var(--mat-sys-error); font: var(--mat-sys-body-medium); margin-bottom: 8px; }
  `,
})
export class ThanksDialog {
  protected readonly data = inject<ThanksDialogData>(MAT_DIALOG_DATA);
  private readonly ref = inject<MatDialogRef<ThanksDialog, ThanksNote>>(MatDialogRef);
  private readonly api = inject(StoriesApi);
  /** One note however often "send" is pressed (or retried after a lost answer). */
  private readonly clientId = newClientId();

  protected readonly max = THANKS_MAX;
  protected readonly form = new FormGroup({
    to: new FormControl(this.data.helpers.length === 1 ? this.data.helpers[0].id : '', {
      nonNullable: true,
      validators: [Validators.required],
    }),
    body: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.pattern(/\S/), Validators.maxLength(THANKS_MAX)],
    }),
  });
  protected readonly submitted = signal(false);
  protected readonly sending = signal(false);
  protected readonly error = signal<MessageKey | null>(null);

  protected submit(): void {
    this.submitted.set(true);
    this.form.markAllAsTouched();
    if (this.form.invalid || this.sending()) return;
    const { to, body } = this.form.getRawValue();
    this.sending.set(true);
    this.error.set(null);
    this.api.thank(this.data.caseId, to, body.trim(), this.clientId).subscribe({
      next: (note) => this.ref.close(note),
      error: (error: unknown) => {
        this.sending.set(false);
        this.error.set(apiErrorMessage(error, { 'story.not_helper': 'stories.thanksDialog.notHelper' }));
      },
    });
  }
}
