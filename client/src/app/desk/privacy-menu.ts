import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatMenuModule } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Auth } from '../core/auth';
import { I18n, TranslatePipe } from '../core/i18n';
import { FORM_DIALOG } from '../shared/dialog-options';
import { Customer } from './customer';
import { EraseCustomerDialog } from './erase-customer-dialog';
import { PrivacyApi } from './privacy-api';

/** Admins, on a customer page: export the customer's data, or erase it at their request. */
@Component({
  selector: 'app-privacy-menu',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatMenuModule, TranslatePipe],
  template: `
    @if (isAdmin()) {
      <button mat-icon-button type="button" [matMenuTriggerFor]="menu" [attr.aria-label]="'privacy.menu' | t" [attr.title]="'privacy.menu' | t">
        <span class="material-symbols-outlined" aria-hidden="true">shield_person</span>
      </button>
      <mat-menu #menu="matMenu" xPosition="before">
        <a mat-menu-item [href]="exportUrl()" download [attr.title]="'privacy.exportHint' | t">
          <span class="material-symbols-outlined" aria-hidden="true">download</span>
          <span>{{ 'privacy.export' | t }}</span>
        </a>
        @if (!customer().erasedAt) {
          <button mat-menu-item type="button" class="erase" (click)="openErase()">
            <span class="material-symbols-outlined" aria-hidden="true">person_remove</span>
            <span>{{ 'privacy.erase' | t }}</span>
          </button>
        }
      </mat-menu>
    }
  `,
  styles: `
    .erase { color: var(--mat-sys-error); }
    .material-symbols-outlined { margin-inline-end: var(--hearth-space-3); vertical-align: middle; }
    button[mat-icon-button] .material-symbols-outlined { margin: 0; }
  `,
})
export class PrivacyMenu {
  private readonly auth = inject(Auth);
  private readonly api = inject(PrivacyApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  readonly customer = input.required<Customer>();
  /** The customer's data was erased: the page shows the tombstone. */
  readonly erased = output<Customer>();

  protected readonly isAdmin = computed(() => this.auth.staff()?.role === 'admin');
  protected readonly exportUrl = computed(() => this.api.exportUrl(this.customer().id));

  protected openErase(): void {
    this.dialog
      .open<EraseCustomerDialog, Customer, Customer>(EraseCustomerDialog, { ...FORM_DIALOG, width: '640px', data: this.customer() })
      .afterClosed()
      .subscribe((customer) => {
        if (!customer) return;
        this.snackBar.open(this.i18n.t('privacy.erased'), undefined, { duration: 4000 });
        this.erased.emit(customer);
      });
  }
}
