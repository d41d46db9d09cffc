import { Injectable, computed, inject, signal } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import { Subject, filter } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n';
import { Customer } from './customer';
import { CustomersApi } from './customers-api';
import { MergeDialog, MergeDialogData, MergeResult } from './merge-dialog';
import { FORM_DIALOG } from '../shared/dialog-options';

const MERGE_ROLES: ReadonlySet<string> = new Set(['agent', 'manager', 'admin']);

/**
 * Merging from a customer page: from the Merge button (pick another record to bring here) or from
 * a suggestion on the timeline (this visitor is really that customer). Always a person's decision,
 * confirmed in the merge dialog. Provided per customer page.
 */
@Injectable()
export class MergeFlow {
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly i18n = inject(I18n);
  private readonly api = inject(CustomersApi);
  private readonly router = inject(Router);
  private readonly auth = inject(Auth);
  private readonly current = signal<Customer | null>(null);
  private readonly merges = new Subject<MergeResult>();

  /** The page's customer, once loaded. */
  readonly customer = this.current.asReadonly();
  readonly canMerge = computed(() => MERGE_ROLES.has(this.auth.staff()?.role ?? ''));
  /** A merge into the page's customer finished: reload it. */
  readonly mergedHere$ = this.merges.asObservable();

  setCustomer(customer: Customer | null): void {
    this.current.set(customer);
  }

  /** Finds another record of the page's customer and merges it in. */
  mergeIntoThis(): void {
    const into = this.current();
    if (into) this.open({ into });
  }

  /** Merges the page's customer (a visitor) into `intoId`, after the person checks and confirms. */
  mergeThisInto(intoId: string): void {
    const from = this.current();
    if (!from) return;
    this.api.get(intoId).subscribe({
      next: (into) => this.open({ into, from }),
      error: (error: unknown) => this.snackBar.open(this.i18n.t(apiErrorMessage(error)), undefined, { duration: 4000 }),
    });
  }

  private open(data: MergeDialogData): void {
    this.dialog
      .open<MergeDialog, MergeDialogData, MergeResult>(MergeDialog, { ...FORM_DIALOG, data })
      .afterClosed()
      .pipe(filter((result): result is MergeResult => !!result))
      .subscribe((result) => {
        const message = this.i18n.t('merge.done', { from: result.from.displayName, into: result.customer.displayName });
        this.snackBar.open(message, undefined, { duration: 4000 });
        // This page's customer went into another: follow them there. Else reload (history moved in).
        if (result.from.id === this.current()?.id) {
          void this.router.navigate(['/desk/customers', result.customer.id], { replaceUrl: true });
        } else {
          this.merges.next(result);
        }
      });
  }
}
