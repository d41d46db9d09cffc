import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal, viewChild } from '@angular/core';
import { FormError } from '../../shared/form-error';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import type { CaseDetail, TimelineEvent } from '@hearth/contract';
import { newClientId } from '../../../shared/client-id';
import { I18n, TranslatePipe } from '../../core/i18n';
import { EventExcerpt } from '../../shared/event-excerpt';
import { caseErrorText } from './case-errors';
import { CasesApi } from './cases-api';
import { ThemesInput } from './themes-input';

export interface OpenCaseDialogData {
  readonly customerId: string;
  /** The event the case starts from (attached to it), if any. */
  readonly fromEvent?: TimelineEvent;
}

export const MAX_TITLE_LENGTH = 200;

/** Opens a case: a short title, optional themes. Closes with the new case. */
@Component({
  selector: 'app-open-case-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormError, MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, EventExcerpt, ThemesInput, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'cases.openDialog.title' | t }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content class="fields">
        @if (data.fromEvent; as event) {
          <div class="from">
            <p class="from-label">{{ 'cases.openDialog.fromEvent' | t }}</p>
            <app-event-excerpt [event]="event" [lines]="3" />
          </div>
        }
        <mat-form-field appearance="outline">
          <mat-label>{{ 'cases.field.title' | t }}</mat-label>
          <input
            matInput
            required
            autocomplete="off"
            [maxLength]="maxTitle"
            [placeholder]="'cases.field.titlePlaceholder' | t"
            [value]="title()"
            (input)="title.set($any($event.target).value); touched.set(true)"
            (blur)="touched.set(true)"
            [attr.aria-invalid]="touched() && !!titleError()"
          />
          <mat-hint>{{ 'cases.field.titleHint' | t }}</mat-hint>
        </mat-form-field>
        @if (touched() && titleError(); as error) {
          <p class="field-error" role="alert">{{ error | t }}</p>
        }
        <app-themes-input [label]="'cases.field.themes' | t" [(themes)]="themes" />
        <app-form-error [message]="serverError()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="pending()">{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="pending()" [attr.aria-busy]="pending()">
          {{ 'cases.openDialog.submit' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './case-dialog.scss',
})
export class OpenCaseDialog {
  private readonly api = inject(CasesApi);
  private readonly i18n = inject(I18n);
  private readonly dialogRef = inject<MatDialogRef<OpenCaseDialog, CaseDetail>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly data = inject<OpenCaseDialogData>(MAT_DIALOG_DATA);
  private readonly themesInput = viewChild.required(ThemesInput);

  protected readonly maxTitle = MAX_TITLE_LENGTH;
  protected readonly title = signal('');
  protected readonly themes = signal<readonly string[]>([]);
  protected readonly touched = signal(false);
  protected readonly pending = signal(false);
  protected readonly serverError = signal<string | null>(null);
  protected readonly titleError = computed(() => {
    const title = this.title().trim();
    if (!title) return 'cases.field.titleRequired' as const;
    if (title.length > MAX_TITLE_LENGTH) return 'cases.field.titleTooLong' as const;
    return null;
  });
  /** One id per dialog: a double click or a retry opens one case. */
  private readonly clientId = newClientId();

  protected submit(): void {
    if (this.pending()) return;
    this.touched.set(true);
    const themes = this.themesInput().flush();
    if (this.titleError()) return;
    this.pending.set(true);
    this.serverError.set(null);
    this.dialogRef.disableClose = true;
    this.api
      .create({
        clientId: this.clientId,
        customerId: this.data.customerId,
        title: this.title().trim(),
        ...(this.data.fromEvent ? { fromEventId: this.data.fromEvent.id } : {}),
        ...(themes.length ? { themes: [...themes] } : {}),
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (detail) => this.dialogRef.close(detail),
        error: (error: unknown) => {
          this.pending.set(false);
          this.dialogRef.disableClose = false;
          this.serverError.set(caseErrorText(error, this.i18n));
        },
      });
  }
}
