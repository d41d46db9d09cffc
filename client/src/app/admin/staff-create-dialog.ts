import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { catchError, map, of, startWith } from 'rxjs';
import { apiErrorCode, apiErrorMessage } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { ROLES, ROLE_LABELS, Role, Staff } from '../core/staff';
import { Store, StoresApi } from '../core/stores-api';
import { StaffApi } from './staff-api';

type StoresState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly stores: readonly Store[] }
  | { readonly status: 'error' };

export const MIN_PASSWORD_LENGTH = 8;

/** Creates a staff account; closes with the new `Staff`, or nothing when cancelled. */
@Component({
  selector: 'app-staff-create-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    ReactiveFormsModule,
    MatDialogModule,
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatSelectModule,
    TranslatePipe,
  ],
  templateUrl: './staff-create-dialog.html',
  styleUrl: './staff-dialog.scss',
})
export class StaffCreateDialog {
  private readonly api = inject(StaffApi);
  private readonly dialogRef = inject<MatDialogRef<StaffCreateDialog, Staff>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly minPassword = MIN_PASSWORD_LENGTH;

  protected readonly form = inject(NonNullableFormBuilder).group({
    displayName: ['', [Validators.required, Validators.maxLength(100)]],
    email: ['', [Validators.required, Validators.email]],
    role: ['agent' as Role, Validators.required],
    storeId: [{ value: '', disabled: true }, Validators.required],
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
  });

  private readonly role = toSignal(
    this.form.controls.role.valueChanges.pipe(startWith(this.form.controls.role.value)),
    { requireSync: true },
  );
  /** Store staff belong to a store; nobody else picks one. */
  protected readonly needsStore = computed(() => this.role() === 'store');

  protected readonly stores = toSignal(
    inject(StoresApi)
      .list()
      .pipe(
        map((stores): StoresState => ({ status: 'ready', stores })),
        catchError(() => of<StoresState>({ status: 'error' })),
      ),
    { initialValue: { status: 'loading' } as StoresState },
  );

  protected readonly pending = signal(false);
  protected readonly serverError = signal<MessageKey | null>(null);

  constructor() {
    this.form.controls.role.valueChanges.pipe(takeUntilDestroyed()).subscribe((role) => {
      const store = this.form.controls.storeId;
      if (role === 'store') store.enable();
      else store.disable();
    });
  }

  protected submit(): void {
    if (this.pending()) return;
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    const value = this.form.getRawValue();
    this.pending.set(true);
    this.serverError.set(null);
    this.dialogRef.disableClose = true;
    this.api
      .create({
        displayName: value.displayName.trim(),
        email: value.email.trim(),
        role: value.role,
        password: value.password,
        storeId: value.role === 'store' ? value.storeId : null,
      })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (staff) => this.dialogRef.close(staff),
        error: (error: unknown) => this.showError(error),
      });
  }

  private showError(error: unknown): void {
    this.pending.set(false);
    this.dialogRef.disableClose = false;
    const code = apiErrorCode(error);
    if (code === 'staff.email_taken') {
      this.form.controls.email.setErrors({ taken: true });
      this.form.controls.email.markAsTouched();
    } else if (code === 'staff.store_required') {
      this.form.controls.storeId.setErrors({ required: true });
      this.form.controls.storeId.markAsTouched();
    } else {
      this.serverError.set(apiErrorMessage(error));
    }
  }
}
