import { ChangeDetectionStrategy, Component, DestroyRef, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MAT_DIALOG_DATA, MatDialogModule, MatDialogRef } from '@angular/material/dialog';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { Subject, debounceTime, distinctUntilChanged, map, startWith } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { MessageKey, TranslatePipe } from '../core/i18n';
import { Customer } from './customer';
import { CustomersApi } from './customers-api';
import { SEARCH_DEBOUNCE_MS, searchSteps } from './customer-search';
import { formatPhone } from './phone';

export interface MergeDialogData {
  /** The customer who keeps everything (usually the one shown on the page). */
  readonly into: Customer;
  /** Already chosen (a suggestion to check): the dialog opens at the confirmation. */
  readonly from?: Customer;
}

export interface MergeResult {
  readonly from: Customer;
  /** The customer after the merge. */
  readonly customer: Customer;
}

/** Picks another customer record and merges it into this one, after a plain confirmation. */
@Component({
  selector: 'app-merge-dialog',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatDialogModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, TranslatePipe],
  template: `
    <h2 mat-dialog-title>{{ (picked() ? 'merge.confirmTitle' : 'merge.title') | t }}</h2>
    <mat-dialog-content>
      @if (picked(); as from) {
        <p class="confirm">{{ 'merge.confirm' | t: { from: from.displayName, into: data.into.displayName } }}</p>
      } @else {
        <p class="hint">{{ 'merge.body' | t: { into: data.into.displayName } }}</p>
        <mat-form-field class="search" subscriptSizing="dynamic">
          <mat-label>{{ 'desk.search.label' | t }}</mat-label>
          <input
            matInput
            type="search"
            autocomplete="off"
            [placeholder]="'desk.search.placeholder' | t"
            (input)="typed.next($any($event.target).value)"
          />
        </mat-form-field>
        <div class="progress">
          @if (search()?.kind === 'loading') {
            <mat-progress-bar mode="indeterminate" />
          }
        </div>
        <ul class="candidates">
          @for (customer of candidates(); track customer.id) {
            <li>
              <button type="button" class="candidate" (click)="picked.set(customer)">
                <span class="name">{{ customer.displayName }}</span>
                <span class="phone">{{ customer.phone ? phone(customer.phone) : '' }}</span>
              </button>
            </li>
          } @empty {
            @if (search()?.kind === 'done') {
              <li class="none">{{ 'desk.empty' | t }}</li>
            }
          }
        </ul>
      }
      @if (error(); as error) {
        <p class="error" role="alert">{{ error | t }}</p>
      }
    </mat-dialog-content>
    <mat-dialog-actions align="end">
      @if (picked()) {
        @if (data.from) {
          <button mat-button type="button" [disabled]="merging()" mat-dialog-close>{{ 'action.cancel' | t }}</button>
        } @else {
          <button mat-button type="button" [disabled]="merging()" (click)="picked.set(null)">{{ 'merge.back' | t }}</button>
        }
        <button mat-flat-button type="button" [disabled]="merging()" (click)="confirm()">{{ 'merge.submit' | t }}</button>
      } @else {
        <button mat-button type="button" mat-dialog-close>{{ 'action.cancel' | t }}</button>
      }
    </mat-dialog-actions>
  `,
  styles: `
    .hint, .confirm { color: var(--mat-sys-on-surface-variant); line-height: 1.7; margin-bottom: 12px; }
    .confirm { color: var(--mat-sys-on-surface); }
    .search { width: 100%; }
    .progress { height: 4px; margin: 4px 0; }
    .candidates { list-style: none; margin: 0; padding: 0; max-height: 280px; overflow: auto; }
    .candidate {
      display: flex; justify-content: space-between; gap: 12px; width: 100%;
      padding: 10px 12px; border: 0; border-radius: 8px; background: none;
      font: var(--mat-sys-body-large); color: inherit; text-align: start; cursor: pointer;
    }
    .candidate:hover, .candidate:focus-visible { background: var(--mat-sys-surface-container); }
    .phone, .none { color: var(--mat-sys-on-surface-variant); }
    .none { padding: 10px 12px; }
    .error { color: var(--mat-sys-error); margin-top: 8px; }
  `,
})
export class MergeDialog {
  private readonly api = inject(CustomersApi);
  private readonly ref = inject<MatDialogRef<MergeDialog, MergeResult>>(MatDialogRef);
  private readonly destroyRef = inject(DestroyRef);
  protected readonly data = inject<MergeDialogData>(MAT_DIALOG_DATA);

  protected readonly typed = new Subject<string>();
  protected readonly picked = signal<Customer | null>(this.data.from ?? null);
  protected readonly merging = signal(false);
  protected readonly error = signal<MessageKey | null>(null);

  protected readonly search = toSignal(
    searchSteps(
      this.typed.pipe(
        debounceTime(SEARCH_DEBOUNCE_MS),
        map((q) => q.trim()),
        startWith(''),
        distinctUntilChanged(),
      ),
      (q) => this.api.search(q),
    ),
  );

  /** Everyone found except the customer we merge into. */
  protected readonly candidates = computed(() => {
    const step = this.search();
    if (step?.kind !== 'done') return [];
    return step.results.map((r) => r.customer).filter((c) => c.id !== this.data.into.id);
  });

  protected phone(e164: string): string {
    return formatPhone(e164);
  }

  protected confirm(): void {
    const from = this.picked();
    if (!from) return;
    this.merging.set(true);
    this.error.set(null);
    this.api
      .merge(this.data.into.id, from.id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (customer) => this.ref.close({ from, customer }),
        error: (error: unknown) => {
          this.merging.set(false);
          this.error.set(apiErrorMessage(error, { 'customer.merge_self': 'merge.error.self' }));
        },
      });
  }
}
