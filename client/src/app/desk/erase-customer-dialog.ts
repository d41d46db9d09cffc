import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { apiErrorMessage } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { Customer } from './customer';
import { PrivacyApi } from './privacy-api';

const REMOVED: readonly MessageKey[] = [
  'privacy.removed.identities',
  'privacy.removed.words',
  'privacy.removed.images',
  'privacy.removed.forum',
  'privacy.removed.case',
];
const KEPT: readonly MessageKey[] = ['privacy.kept.shape', 'privacy.kept.staff', 'privacy.kept.audit'];

/**
 * Erasing a customer at their request: says exactly what goes and what stays, then asks for their
 * name typed as shown before anything happens. Closes with the erased customer.
 */
@Component({
  selector: 'app-erase-customer-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ 'privacy.eraseTitle' | t: { name: customer.displayName } }}</h2>
    <form (submit)="$event.preventDefault(); erase()">
      <mat-dialog-content>
        <p class="intro">{{ 'privacy.eraseIntro' | t }}</p>
        <div class="lists">
          <section class="removed" aria-labelledby="erase-removed">
            <h3 id="erase-removed"><span class="material-symbols-outlined" aria-hidden="true">delete</span>{{ 'privacy.removedTitle' | t }}</h3>
            <ul>
              @for (key of removed; track key) {
                <li>{{ key | t }}</li>
              }
            </ul>
          </section>
          <section class="kept" aria-labelledby="erase-kept">
            <h3 id="erase-kept"><span class="material-symbols-outlined" aria-hidden="true">inventory_2</span>{{ 'privacy.keptTitle' | t }}</h3>
            <ul>
              @for (key of kept; track key) {
                <li>{{ key | t }}</li>
              }
            </ul>
          </section>
        </div>
        <mat-form-field class="confirm" subscriptSizing="dynamic">
          <mat-label>{{ 'privacy.confirmLabel' | t: { name: customer.displayName } }}</mat-label>
          <input
            matInput
            name="confirmName"
            autocomplete="off"
            [value]="typed()"
            (input)="typed.set($any($event.target).value); error.set(null)"
            [disabled]="busy()"
          />
        </mat-form-field>
        @if (busy()) {
          <mat-progress-bar mode="indeterminate" [attr.aria-label]="'privacy.erasing' | t" />
        }
        @if (error(); as error) {
          <p class="error" role="alert">{{ error | t }}</p>
        }
      </mat-dialog-content>
      <mat-dialog-actions align="end">
        <button mat-button type="button" mat-dialog-close [disabled]="busy()">{{ 'privacy.cancel' | t }}</button>
        <button mat-flat-button type="submit" class="erase" [disabled]="!matches() || busy()">
          {{ (busy() ? 'privacy.erasing' : 'privacy.eraseSubmit') | t }}
        </button>
      </mat-dialog-actions>
    </form>
  `,
  styles: `
    .intro { margin-bottom: var(--hearth-space-4); color: var(--mat-sys-on-surface-variant); }
    .lists { display: grid; grid-template-columns: 1fr 1fr; gap: var(--hearth-space-4); margin-bottom: var(--hearth-space-4); }
    @media (max-width: 600px) { .lists { grid-template-columns: 1fr; } }
    section { padding: var(--hearth-space-3) var(--hearth-space-4); border-radius: var(--hearth-radius); }
    .removed { background: var(--mat-sys-error-container); color: var(--mat-sys-on-error-container); }
    .kept { background: var(--mat-sys-surface-container); }
    h3 { display: flex; align-items: center; gap: var(--hearth-space-2); font: var(--mat-sys-title-small); margin-bottom: var(--hearth-space-2); }
    h3 .material-symbols-outlined { font-size: 20px; }
    ul { margin: 0; padding-inline-start: 1.2em; font: var(--mat-sys-body-medium); line-height: 1.6; }
    .confirm { width: 100%; }
    .error { margin-top: var(--hearth-space-2); color: var(--mat-sys-error); }
    .erase:not([disabled]) { --mat-button-filled-container-color: var(--mat-sys-error); --mat-button-filled-label-text-color: var(--mat-sys-on-error); }
  `,
})
export class EraseCustomerDialog {
  private readonly api = inject(PrivacyApi);
  private readonly ref = inject<MatDialogRef<EraseCustomerDialog, Customer>>(MatDialogRef);
  protected readonly customer = inject<Customer>(MAT_DIALOG_DATA);
  protected readonly removed = REMOVED;
  protected readonly kept = KEPT;

  protected readonly typed = signal('');
  protected readonly busy = signal(false);
  protected readonly error = signal<MessageKey | null>(null);
  protected readonly matches = computed(() => this.typed().trim() === this.customer.displayName.trim());

  protected erase(): void {
    if (!this.matches() || this.busy()) return;
    this.busy.set(true);
    this.api.erase(this.customer.id, this.typed()).subscribe({
      next: (customer) => this.ref.close(customer),
      error: (error: unknown) => {
        this.busy.set(false);
        this.error.set(apiErrorMessage(error, { 'privacy.confirm_mismatch': 'privacy.confirmMismatch' }));
      },
    });
  }
}
