import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { apiErrorMessage } from '../core/api-error';
import { Auth } from '../core/auth';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { ROLE_LABELS, Staff } from '../core/staff';
import { ConfirmDialog, ConfirmDialogData } from '../shared/confirm-dialog';
import { formatYuan } from '../shared/money';
import { AdminList, openFormDialog } from './admin-list';
import { AdminListLayout } from './admin-list-layout';
import { StaffAllowanceDialog } from './staff-allowance-dialog';
import { StaffApi, StaffMember } from './staff-api';
import { StaffCreateDialog } from './staff-create-dialog';
import { StaffPasswordDialog } from './staff-password-dialog';

/** Admin → staff accounts: list, create, disable or enable, reset a password. */
@Component({
  selector: 'app-staff-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, AdminListLayout, TranslatePipe],
  templateUrl: './staff-admin-page.html',
  styleUrls: ['./admin-list.scss', './staff-admin-page.scss'],
})
export class StaffAdminPage {
  private readonly api = inject(StaffApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly me = inject(Auth).staff;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly staff = new AdminList(() => this.api.list());
  /** Rows with a request in flight, so their buttons cannot be pressed twice. */
  protected readonly busy = signal<ReadonlySet<string>>(new Set());

  protected openCreate(): void {
    openFormDialog<StaffMember>(this.dialog, StaffCreateDialog).subscribe((staff) => {
      this.staff.add(staff);
      this.notify('admin.created', staff);
    });
  }

  protected setActive(staff: Staff, active: boolean): void {
    if (active) {
      this.update(staff, true);
      return;
    }
    const data: ConfirmDialogData = {
      title: this.i18n.t('admin.confirmDisable.title', { name: staff.displayName }),
      body: this.i18n.t('admin.confirmDisable.body'),
      confirm: this.i18n.t('admin.disable'),
      cancel: this.i18n.t('action.cancel'),
    };
    openFormDialog<boolean>(this.dialog, ConfirmDialog, data).subscribe(() => this.update(staff, false));
  }

  protected resetPassword(staff: Staff): void {
    openFormDialog<boolean>(this.dialog, StaffPasswordDialog, staff).subscribe(() =>
      this.notify('admin.passwordResetDone', staff),
    );
  }

  /** Only the amount someone may spend on gestures each month; what anyone spent is never shown. */
  protected editAllowance(staff: StaffMember): void {
    openFormDialog<StaffMember>(this.dialog, StaffAllowanceDialog, staff).subscribe((updated) => {
      this.staff.replace(updated);
      this.notify('allowance.saved', updated);
    });
  }

  protected allowance(staff: StaffMember): string {
    return formatYuan(staff.monthlyGestureAllowanceCents ?? 0);
  }

  protected isBusy(staff: Staff): boolean {
    return this.busy().has(staff.id);
  }

  private update(staff: Staff, active: boolean): void {
    this.setBusy(staff.id, true);
    this.api
      .update(staff.id, { active })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (updated) => {
          this.setBusy(staff.id, false);
          this.staff.replace(updated);
          this.notify(active ? 'admin.enabledDone' : 'admin.disabledDone', updated);
        },
        error: (error: unknown) => {
          this.setBusy(staff.id, false);
          const key = apiErrorMessage(error, { 'staff.cannot_disable_self': 'error.cannotDisableSelf' });
          this.snackBar.open(this.i18n.t(key), this.i18n.t('action.dismiss'), { duration: 6000 });
        },
      });
  }

  private setBusy(id: string, busy: boolean): void {
    this.busy.update((ids) => {
      const next = new Set(ids);
      if (busy) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  private notify(key: MessageKey, staff: Staff): void {
    this.snackBar.open(this.i18n.t(key, { name: staff.displayName }), undefined, { duration: 4000 });
  }
}
