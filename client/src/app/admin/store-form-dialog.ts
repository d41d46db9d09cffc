import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Observable } from 'rxjs';
import { apiErrorCode, apiErrorMessage } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { Store, StoreFields, StoresApi } from '../core/stores-api';

/** The server trims, so a value of only spaces is as empty as no value. */
function requiredText(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() ? null : { required: true };
}

/**
 * Adds a store, or edits the one passed as data (sending only what changed). Closes with the saved
 * `Store`, or nothing when cancelled or nothing changed.
 */
@Component({
  selector: 'app-store-form-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  templateUrl: './store-form-dialog.html',
  styleUrl: './staff-dialog.scss',
})
export class StoreFormDialog {
  private readonly api = inject(StoresApi);
  private readonly dialogRef = inject<MatDialogRef<StoreFormDialog, Store>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  /** The store being edited; null when adding one. */
  protected readonly store = inject<Store | null>(MAT_DIALOG_DATA, { optional: true }) ?? null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.store?.name ?? '', [requiredText, Validators.maxLength(100)]],
    city: [this.store?.city ?? '', [requiredText, Validators.maxLength(60)]],
    address: [this.store?.address ?? '', [requiredText, Validators.maxLength(200)]],
  });
  protected readonly pending = signal(false);
  protected readonly serverError = signal<MessageKey | null>(null);

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const raw = this.form.getRawValue();
    const fields: StoreFields = { name: raw.name.trim(), city: raw.city.trim(), address: raw.address.trim() };
    const request = this.save(fields);
    if (!request) {
      this.dialogRef.close();
      return;
    }
    this.pending.set(true);
    this.serverError.set(null);
    this.dialogRef.disableClose = true;
    request.pipe(takeUntilDestroyed(this.destroyRef)).subscribe({
      next: (store) => this.dialogRef.close(store),
      error: (error: unknown) => this.showError(error),
    });
  }

  /** The request to send, or null when an edit changed nothing. */
  private save(fields: StoreFields): Observable<Store> | null {
    const store = this.store;
    if (!store) return this.api.create(fields);
    const changes: Partial<Record<keyof StoreFields, string>> = {};
    for (const key of ['name', 'city', 'address'] as const) {
      if (fields[key] !== store[key]) changes[key] = fields[key];
    }
    return Object.keys(changes).length ? this.api.update(store.id, changes) : null;
  }

  private showError(error: unknown): void {
    this.pending.set(false);
    this.dialogRef.disableClose = false;
    if (apiErrorCode(error) === 'store.name_taken') {
      this.form.controls.name.setErrors({ taken: true });
      this.form.controls.name.markAsTouched();
    } else {
      this.serverError.set(apiErrorMessage(error));
    }
  }
}
