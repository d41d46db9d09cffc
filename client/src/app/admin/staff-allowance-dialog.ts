import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { FormError } from '../shared/form-error';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { TranslatePipe } from '../core/i18n';
import { MAX_COST_CENTS, centsToYuanText, yuanToCents } from '../shared/money';
import { DialogSubmission } from './dialog-submission';
import { StaffApi, StaffMember } from './staff-api';

/** Sets one person's monthly gesture allowance (in yuan on screen, fen on the wire). Closes with the updated person. */
@Component({
  selector: 'app-staff-allowance-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [FormError, MatDialogModule, MatButtonModule, MatFormFieldModule, MatInputModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'allowance.dialogTitle' | t: { name: staff.displayName } }}</h2>
    <form (submit)="$event.preventDefault(); submit()" novalidate>
      <mat-dialog-content class="fields">
        <p class="lead">{{ 'allowance.lead' | t }}</p>
        <mat-form-field appearance="outline">
          <mat-label>{{ 'allowance.field' | t }}</mat-label>
          <span matTextPrefix>¥&nbsp;</span>
          <input
            matInput
            required
            inputmode="decimal"
            autocomplete="off"
            [value]="text()"
            (input)="text.set($any($event.target).value)"
          />
        </mat-form-field>
        @if (tried() && invalid()) {
          <p class="hint-error" role="alert">{{ 'allowance.invalid' | t }}</p>
        }
        <app-form-error [key]="submission.serverError()" />
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="submission.pending()">{{ 'action.cancel' | t }}</button>
        <button mat-flat-button type="submit" [disabled]="submission.pending()" [attr.aria-busy]="submission.pending()">{{ 'allowance.save' | t }}</button>
      </mat-dialog-actions>
    </form>
  `,
  styleUrl: './staff-dialog.scss',
})
export class StaffAllowanceDialog {
  private readonly api = inject(StaffApi);
  protected readonly staff = inject<StaffMember>(MAT_DIALOG_DATA);

  protected readonly text = signal(centsToYuanText(this.staff.monthlyGestureAllowanceCents ?? 0));
  private readonly cents = computed(() => yuanToCents(this.text()));
  protected readonly invalid = computed(() => {
    const cents = this.cents();
    return typeof cents !== 'number' || cents > MAX_COST_CENTS;
  });
  protected readonly tried = signal(false);
  protected readonly submission = new DialogSubmission<StaffMember>();

  protected submit(): void {
    if (this.submission.pending()) return;
    this.tried.set(true);
    const cents = this.cents();
    if (this.invalid() || typeof cents !== 'number') return;
    this.submission.send(this.api.update(this.staff.id, { monthlyGestureAllowanceCents: cents }));
  }
}
