import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, ElementRef, inject, output, signal, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Observable, Subject, catchError, debounceTime, distinctUntilChanged, forkJoin, map, merge, of, scan, startWith, switchMap } from 'rxjs';
import { apiErrorCode, apiErrorMessage, apiErrorText } from '../core/api-error';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import type { Customer, SearchResult } from '../desk/customer';
import { CustomersApi } from '../desk/customers-api';
import { SEARCH_DEBOUNCE_MS, searchSteps } from '../desk/customer-search';
import { calendarDate, dayLabel, localDay } from '../desk/timeline-rows';
import { looksLikePhone, maskPhone } from './phone-text';
import type { DraftCustomer } from './visit-draft';

/** How many people a search shows: enough to tell namesakes apart on one tablet screen. */
export const FINDER_LIMIT = 10;

interface FinderState {
  readonly query: string;
  readonly loading: boolean;
  readonly results: readonly SearchResult[];
  readonly error: MessageKey | null;
}

/** Someone already has the phone typed for a new customer (409 `customer.phone_on_file`). */
interface PhoneOwner {
  readonly id: string;
  readonly displayName: string;
}

/** Text made only of digits and phone punctuation belongs in the phone field, anything else is a name. */
function isPhoneText(text: string): boolean {
  return /^\+?[\d\s\-().]*\d[\d\s\-().]*$/.test(text.normalize('NFKC'));
}

function phoneOwner(error: unknown): PhoneOwner | null {
  if (!(error instanceof HttpErrorResponse) || apiErrorCode(error) !== 'customer.phone_on_file') return null;
  const body = error.error as { customerId?: unknown; displayName?: unknown };
  return typeof body.customerId === 'string' && typeof body.displayName === 'string'
    ? { id: body.customerId, displayName: body.displayName }
    : null;
}

/**
 * Finds who walked in, by phone (any common format; an exact match comes first) or by name, or
 * adds them on the spot with just a name or a phone. Emits the chosen customer.
 */
@Component({
  selector: 'app-customer-finder',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatFormFieldModule, MatInputModule, MatProgressBarModule, RouterLink, TranslatePipe],
  templateUrl: './customer-finder.html',
  styleUrl: './customer-finder.scss',
})
export class CustomerFinder {
  private readonly customers = inject(CustomersApi);
  private readonly i18n = inject(I18n);

  /** The person the visit is for. */
  readonly chosen = output<DraftCustomer>();

  private readonly box = viewChild.required<ElementRef<HTMLInputElement>>('box');

  /** Phone numbers are what stores look people up by: the number pad comes first on a tablet. */
  protected readonly keypad = signal(true);
  protected readonly text = signal('');
  private readonly typed = new Subject<string>();
  private readonly entered = new Subject<string>();
  private readonly retries = new Subject<void>();

  protected readonly search = toSignal(
    searchSteps(
      merge(this.typed.pipe(debounceTime(SEARCH_DEBOUNCE_MS)), this.entered).pipe(
        map((q) => q.trim()),
        distinctUntilChanged(),
        switchMap((q) => this.retries.pipe(startWith(undefined), map(() => q))),
      ),
      (q) => (q ? this.find(q) : of([])),
    ).pipe(
      // The last results stay on screen while the next ones load, so typing doesn't flicker.
      scan(
        (state: FinderState, step): FinderState =>
          step.kind === 'loading'
            ? { ...state, query: step.query, loading: !!step.query, error: null }
            : step.kind === 'done'
              ? { query: step.query, loading: false, results: step.results, error: null }
              : { query: step.query, loading: false, results: [], error: step.error },
        { query: '', loading: false, results: [], error: null },
      ),
    ),
    { initialValue: { query: '', loading: false, results: [], error: null } as FinderState },
  );

  /** The new-customer form: opened by hand when there are results, by itself when there are none. */
  protected readonly createOpen = signal(false);
  protected readonly newName = signal('');
  protected readonly newPhone = signal('');
  protected readonly creating = signal(false);
  protected readonly createError = signal<string | null>(null);
  protected readonly owner = signal<PhoneOwner | null>(null);

  /** Moves the cursor to the search box, e.g. after a visit was saved. */
  focus(): void {
    this.box().nativeElement.focus();
  }

  protected onInput(value: string): void {
    this.text.set(value);
    this.typed.next(value);
    // The new-customer form starts from what was searched: a number as the phone, else the name.
    const text = value.trim();
    this.newName.set(isPhoneText(text) ? '' : text);
    this.newPhone.set(isPhoneText(text) ? text : '');
    this.createOpen.set(false);
    this.createError.set(null);
    this.owner.set(null);
  }

  protected onEnter(): void {
    this.entered.next(this.text());
  }

  protected retry(): void {
    this.retries.next();
  }

  protected toggleKeypad(): void {
    this.keypad.update((on) => !on);
    // A touch keyboard changes layout only when the field is focused again.
    const box = this.box().nativeElement;
    box.blur();
    box.focus();
  }

  protected choose(customer: Pick<Customer, 'id' | 'displayName' | 'phone'>): void {
    this.chosen.emit({ id: customer.id, displayName: customer.displayName, phone: customer.phone });
  }

  protected openCreate(): void {
    this.createOpen.set(true);
  }

  protected create(): void {
    const displayName = this.newName().trim();
    const phone = this.newPhone().trim();
    if (this.creating()) return;
    if (!displayName && !phone) {
      this.createError.set(this.i18n.t('store.create.needOne'));
      return;
    }
    this.creating.set(true);
    this.createError.set(null);
    this.owner.set(null);
    this.customers.createCustomer({ ...(displayName ? { displayName } : {}), ...(phone ? { phone } : {}) }).subscribe({
      next: (customer) => {
        this.creating.set(false);
        this.choose(customer);
      },
      error: (error: unknown) => {
        this.creating.set(false);
        const owner = phoneOwner(error);
        if (owner) {
          this.owner.set(owner);
          return;
        }
        const code = apiErrorCode(error);
        this.createError.set(
          code === 'customer.invalid_phone'
            ? this.i18n.t('store.create.badPhone')
            : code
              ? (apiErrorText(error) ?? this.i18n.t(apiErrorMessage(error)))
              : this.i18n.t(apiErrorMessage(error)),
        );
      },
    });
  }

  protected useOwner(owner: PhoneOwner): void {
    this.choose({ id: owner.id, displayName: owner.displayName, phone: null });
  }

  protected phone(customer: Customer): string | null {
    return customer.phone ? maskPhone(customer.phone) : null;
  }

  /** When we last heard from them: today, yesterday, or the date. */
  protected lastSeen(customer: Customer): string | null {
    if (!customer.lastEventAt) return null;
    const lang = this.i18n.lang();
    const label = dayLabel(localDay(customer.lastEventAt), new Date(), lang);
    const when = 'relative' in label
      ? this.i18n.t(label.relative === 'today' ? 'timeline.today' : 'timeline.yesterday')
      : calendarDate(customer.lastEventAt, lang);
    return this.i18n.t('store.result.lastSeen', { date: when });
  }

  /** Name and phone search; a whole phone number is also looked up exactly, and that person leads. */
  private find(q: string): Observable<readonly SearchResult[]> {
    const search = this.customers.search(q, FINDER_LIMIT);
    if (!looksLikePhone(q)) return search;
    return forkJoin([
      search.pipe(
        map((results) => ({ results, error: null as unknown })),
        catchError((error: unknown) => of({ results: [] as readonly SearchResult[], error })),
      ),
      this.customers.customerByPhone(q).pipe(catchError(() => of(null))),
    ]).pipe(
      map(([found, exact]) => {
        if (!exact) {
          if (found.error) throw found.error;
          return found.results;
        }
        const match = { field: 'phone' as const, text: exact.phone ?? q };
        return [{ customer: exact, match }, ...found.results.filter((r) => r.customer.id !== exact.id)];
      }),
    );
  }
}
