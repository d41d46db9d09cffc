import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatSelectModule } from '@angular/material/select';
import { catchError, map, of } from 'rxjs';
import { Auth } from '../core/auth';
import { TranslatePipe } from '../core/i18n';
import { Store, StoresApi } from '../core/stores-api';
import { CustomerFinder } from './customer-finder';
import { QueuedVisits } from './queued-visits';
import { TodayVisits } from './today-visits';
import type { DraftCustomer } from './visit-draft';
import { VisitForm } from './visit-form';
import { VisitOutbox } from './visit-outbox';

/**
 * The store screen, tablet first: find who walked in (or add them), log the visit in one short
 * form, and today's diary of who came in. Store staff land here after signing in.
 */
@Component({
  selector: 'app-store-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatFormFieldModule, MatSelectModule, CustomerFinder, QueuedVisits, TodayVisits, TranslatePipe, VisitForm],
  templateUrl: './store-page.html',
  styleUrl: './store-page.scss',
})
export class StorePage {
  private readonly auth = inject(Auth);
  private readonly storesApi = inject(StoresApi);
  protected readonly outbox = inject(VisitOutbox);

  /** Store staff log at their own store; anyone else (an admin) says which one first. */
  protected readonly ownStore = computed(() => this.auth.staff()?.storeId ?? null);
  protected readonly chosenStore = computed(() => (this.ownStore() ? null : this.outbox.draft().storeId));
  protected readonly needsStore = computed(() => !this.ownStore() && !this.chosenStore());
  protected readonly stores = this.ownStore()
    ? null
    : toSignal(
        this.storesApi.list().pipe(
          map((stores): readonly Store[] | 'error' => stores),
          catchError(() => of('error' as const)),
        ),
        { initialValue: null },
      );
  protected readonly title = computed(() => {
    if (this.ownStore()) return this.auth.staff()?.storeName ?? null;
    const list = this.stores?.();
    return Array.isArray(list) ? (list.find((s) => s.id === this.chosenStore())?.name ?? null) : null;
  });

  protected choose(customer: DraftCustomer): void {
    this.outbox.update({ customer });
  }

  protected chooseStore(storeId: string): void {
    this.outbox.update({ storeId });
  }
}
