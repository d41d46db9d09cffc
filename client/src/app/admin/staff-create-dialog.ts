import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { FormError } from '../shared/form-error';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatSelectModule } from '@angular/material/select';
import { catchError, map, of, startWith } from 'rxjs';
import { TranslatePipe } from '../core/i18n';
import { ROLES, ROLE_LABELS, Role, Staff } from '../core/staff';
import { Store, StoresApi } from '../core/stores-api';
import { DialogSubmission } from './dialog-submission';
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
  imports: [FormError, 
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

  protected readonly submission = new DialogSubmission<Staff>({
    'staff.email_taken': { control: this.form.controls.email, error: 'taken' },
    'staff.store_required': { control: this.form.controls.storeId, error: 'required' },
  });

  constructor() {
    this.form.controls.role.valueChanges.pipe(takeUntilDestroyed()).subscribe((role) => {
      const store = this.form.controls.storeId;
      if (role === 'store') store.enable();
      else store.disable();
    });
  }

  protected submit(): void {
    this.submission.submit(this.form, () => {
      const value = this.form.getRawValue();
      return this.api.create({
        displayName: value.displayName.trim(),
        email: value.email.trim(),
        role: value.role,
        password: value.password,
        storeId: value.role === 'store' ? value.storeId : null,
      });
    });
  }
}
