import { ChangeDetectionStrategy, Component, DestroyRef, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { filter } from 'rxjs';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { Store, StoresApi } from '../core/stores-api';
import { EmptyState } from '../shared/empty-state';
import { StoreFormDialog } from './store-form-dialog';
import { FORM_DIALOG } from '../shared/dialog-options';

type LoadState = 'loading' | 'ready' | 'error';

/** Admin → stores: list, add, edit. Stores are never deleted (staff and visits name them). */
@Component({
  selector: 'app-stores-admin-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, EmptyState, TranslatePipe],
  templateUrl: './stores-admin-page.html',
  styleUrls: ['./admin-list.scss', './stores-admin-page.scss'],
})
export class StoresAdminPage {
  private readonly api = inject(StoresApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly destroyRef = inject(DestroyRef);

  protected readonly stores = signal<readonly Store[]>([]);
  protected readonly state = signal<LoadState>('loading');

  constructor() {
    this.load();
  }

  protected load(): void {
    this.state.set('loading');
    this.api
      .list()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (stores) => {
          this.stores.set(stores);
          this.state.set('ready');
        },
        error: () => this.state.set('error'),
      });
  }

  protected openCreate(): void {
    this.dialog
      .open<StoreFormDialog, null, Store>(StoreFormDialog, { ...FORM_DIALOG, data: null })
      .afterClosed()
      .pipe(filter((store): store is Store => !!store))
      .subscribe((store) => {
        this.stores.update((list) => [...list, store]);
        this.notify('adminStores.created', store);
      });
  }

  protected openEdit(store: Store): void {
    this.dialog
      .open<StoreFormDialog, Store, Store>(StoreFormDialog, { ...FORM_DIALOG, data: store })
      .afterClosed()
      .pipe(filter((saved): saved is Store => !!saved))
      .subscribe((saved) => {
        this.stores.update((list) => list.map((s) => (s.id === saved.id ? saved : s)));
        this.notify('adminStores.saved', saved);
      });
  }

  private notify(key: MessageKey, store: Store): void {
    this.snackBar.open(this.i18n.t(key, { name: store.name }), undefined, { duration: 4000 });
  }
}
