import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { Store, StoresApi } from '../core/stores-api';
import { AdminList, openFormDialog } from './admin-list';
import { AdminListLayout } from './admin-list-layout';
import { StoreFormDialog } from './store-form-dialog';

/** Admin → stores: list, add, edit. Stores are never deleted (staff and visits name them). */
@Component({
  selector: 'app-stores-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, AdminListLayout, TranslatePipe],
  templateUrl: './stores-admin-page.html',
  styleUrls: ['./admin-list.scss', './stores-admin-page.scss'],
})
export class StoresAdminPage {
  private readonly api = inject(StoresApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);

  protected readonly stores = new AdminList(() => this.api.list());

  protected openCreate(): void {
    openFormDialog<Store>(this.dialog, StoreFormDialog).subscribe((store) => {
      this.stores.add(store);
      this.notify('adminStores.created', store);
    });
  }

  protected openEdit(store: Store): void {
    openFormDialog<Store>(this.dialog, StoreFormDialog, store).subscribe((saved) => {
      this.stores.replace(saved);
      this.notify('adminStores.saved', saved);
    });
  }

  private notify(key: MessageKey, store: Store): void {
    this.snackBar.open(this.i18n.t(key, { name: store.name }), undefined, { duration: 4000 });
  }
}
