import { DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl } from '@angular/forms';
import { MatDialogRef } from '@angular/material/dialog';
import { Observable } from 'rxjs';
import { apiErrorCode, apiErrorMessage } from '../core/api-error';
import { MessageKey } from '../core/i18n';

/** An error code the server answers with, and the field it belongs to with the error to show there. */
export type FieldErrors = Readonly<Record<string, { readonly control: AbstractControl; readonly error: string }>>;

/**
 * How an admin form dialog saves: the dialog cannot be closed while its request is under way, closes
 * with the answer, and on a failure shows the error on its field (`fieldErrors`) or else as
 * `serverError`. Create it as a field of the dialog (it injects the dialog's `MatDialogRef`).
 */
export class DialogSubmission<R> {
  private readonly dialogRef = inject<MatDialogRef<unknown, R>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  private readonly sending = signal(false);
  private readonly error = signal<MessageKey | null>(null);

  readonly pending = this.sending.asReadonly();
  readonly serverError = this.error.asReadonly();

  constructor(private readonly fieldErrors: FieldErrors = {}) {}

  /**
   * Shows what is wrong when `form` is invalid; else sends `request()`, or closes with nothing when
   * it gives null (an edit that changed nothing).
   */
  submit(form: AbstractControl, request: () => Observable<R> | null): void {
    if (this.sending()) return;
    if (form.invalid) {
      form.markAllAsTouched();
      return;
    }
    const sent = request();
    if (sent) this.send(sent);
    else this.dialogRef.close();
  }

  /** Sends `request` (the dialog has checked what it sends) and closes with its answer. */
  send(request: Observable<R>): void {
    if (this.sending()) return;
    this.sending.set(true);
    this.error.set(null);
    this.dialogRef.disableClose = true;
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (saved) => this.dialogRef.close(saved),
      error: (error: unknown) => this.fail(error),
    });
  }

  private fail(error: unknown): void {
    this.sending.set(false);
    this.dialogRef.disableClose = false;
    const code = apiErrorCode(error);
    const field = code && Object.hasOwn(this.fieldErrors, code) ? this.fieldErrors[code] : null;
    if (field) {
      field.control.setErrors({ [field.error]: true });
      field.control.markAsTouched();
    } else {
      this.error.set(apiErrorMessage(error));
    }
  }
}
