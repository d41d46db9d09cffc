import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormError } from '../shared/form-error';
import { AbstractControl, NonNullableFormBuilder, ReactiveFormsModule, ValidationErrors, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { Observable } from 'rxjs';
import { TranslatePipe } from '../core/i18n';
import { Store, StoreFields, StoresApi } from '../core/stores-api';
import { DialogSubmission } from './dialog-submission';

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
  imports: [FormError, ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  templateUrl: './store-form-dialog.html',
  styleUrl: './staff-dialog.scss',
})
export class StoreFormDialog {
  private readonly api = inject(StoresApi);
  /** The store being edited; null when adding one. */
  protected readonly store = inject<Store | null>(MAT_DIALOG_DATA, { optional: true }) ?? null;

  protected readonly form = inject(NonNullableFormBuilder).group({
    name: [this.store?.name ?? '', [requiredText, Validators.maxLength(100)]],
    city: [this.store?.city ?? '', [requiredText, Validators.maxLength(60)]],
    address: [this.store?.address ?? '', [requiredText, Validators.maxLength(200)]],
  });
  protected readonly submission = new DialogSubmission<Store>({
    'store.name_taken': { control: this.form.controls.name, error: 'taken' },
  });

  protected submit(): void {
    this.submission.submit(this.form, () => this.save());
  }

  /** The request to send, or null when an edit changed nothing. */
  private save(): Observable<Store> | null {
    const raw = this.form.getRawValue();
    const fields: StoreFields = { name: raw.name.trim(), city: raw.city.trim(), address: raw.address.trim() };
    const store = this.store;
    if (!store) return this.api.create(fields);
    const changes: Partial<Record<keyof StoreFields, string>> = {};
    for (const key of ['name', 'city', 'address'] as const) {
      if (fields[key] !== store[key]) changes[key] = fields[key];
    }
    return Object.keys(changes).length ? this.api.update(store.id, changes) : null;
  }
}
