import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { FormError } from '../shared/form-error';
import { NonNullableFormBuilder, ReactiveFormsModule, Validators } from '@angular/forms';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { map } from 'rxjs';
import { TranslatePipe } from '../core/i18n';
import { Staff } from '../core/staff';
import { DialogSubmission } from './dialog-submission';
import { StaffApi } from './staff-api';
import { MIN_PASSWORD_LENGTH } from './staff-create-dialog';

/** Sets a new password for one staff member; closes with `true` once the server accepted it. */
@Component({
  selector: 'app-staff-password-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormError, ReactiveFormsModule, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'passwordForm.title' | t }}</h2>
    <form [formGroup]="form" (ngSubmit)="submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="lead">{{ 'passwordForm.body' | t: { name: staff.displayName } }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'passwordForm.newPassword' | t }}</mat-label>
          <input matInput type="password" formControlName="password" autocomplete="new-password" />
          <mat-hint>{{ 'staffForm.passwordHint' | t }}</mat-hint>
          @if (form.controls.password.hasError('required')) {
            <mat-error>{{ 'validation.passwordRequired' | t }}</mat-error>
          } @else if (form.controls.password.hasError('minlength')) {
            <mat-error>{{ 'validation.passwordMin' | t }}</mat-error>
          }
        </mat-form-field>
        <app-form-error [key]="submission.serverError()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="submission.pending()">{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.pending()" [attr.aria-busy]="submission.pending()">
          {{ 'passwordForm.submit' | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './staff-dialog.scss',
})
export class StaffPasswordDialog {
  private readonly api = inject(StaffApi);
  protected readonly staff = inject<Staff>(MAT_DIALOG_DATA);

  protected readonly form = inject(NonNullableFormBuilder).group({
    password: ['', [Validators.required, Validators.minLength(MIN_PASSWORD_LENGTH)]],
  });
  protected readonly submission = new DialogSubmission<boolean>();

  protected submit(): void {
    this.submission.submit(this.form, () =>
      this.api.resetPassword(this.staff.id, this.form.getRawValue().password).pipe(map(() => true)),
    );
  }
}
