import { ChangeDetectionStrategy, Component, ElementRef, computed, inject, signal, untracked, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatFormFieldModule } from '@angular/material/form-field';
import { MatInputModule } from '@angular/material/input';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { Subject, debounceTime, distinctUntilChanged, map, merge, of, scan, startWith, switchMap, tap } from 'rxjs';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';
import { ChannelIcon } from './channel-icon';
import { ColleaguesOnline } from './colleagues-online';
import { Customer, SearchResult, channelFamily } from './customer';
import { CustomersApi } from './customers-api';
import { SEARCH_DEBOUNCE_MS, searchSteps } from './customer-search';
import { Highlight } from './highlight';
import { InboxSection } from './inbox-section';
import { InboxStore } from './inbox-store';
import { formatPhone } from './phone';
import { calendarDate } from './timeline-rows';

interface SearchState {
  readonly query: string;
  readonly loading: boolean;
  readonly results: readonly SearchResult[];
  readonly error: MessageKey | null;
}

/**
 * The desk's front door: who is waiting for a reply and recent conversations; and finding a
 * customer by name, phone or something they wrote (results take the inbox's place while searching).
 */
@Component({
  selector: 'app-desk-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [
    MatButtonModule,
    MatFormFieldModule,
    MatInputModule,
    MatProgressBarModule,
    RouterLink,
    ChannelIcon,
    ColleaguesOnline,
    EmptyState,
    Highlight,
    InboxSection,
    TranslatePipe,
  ],
  providers: [InboxStore],
  templateUrl: './desk-page.html',
  styleUrl: './desk-page.scss',
})
export class DeskPage {
  private readonly api = inject(CustomersApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  protected readonly i18n = inject(I18n);
  protected readonly inbox = inject(InboxStore);

  private readonly input = viewChild.required<ElementRef<HTMLInputElement>>('searchInput');
  private readonly list = viewChild<ElementRef<HTMLElement>>('resultList');

  protected readonly initialQuery = this.route.snapshot.queryParamMap.get('q') ?? '';
  private readonly typed = new Subject<string>();
  private readonly retries = new Subject<void>();

  protected readonly search = toSignal(
    searchSteps(
      merge(of(this.initialQuery), this.typed.pipe(debounceTime(SEARCH_DEBOUNCE_MS))).pipe(
        map((q) => q.trim()),
        distinctUntilChanged(),
        tap((q) => this.rememberQuery(q)),
        switchMap((q) => this.retries.pipe(startWith(undefined), map(() => q))),
      ),
      (q) => this.api.search(q),
    ).pipe(
      // Keep the last results on screen while the next ones load, so typing doesn't flicker.
      scan(
        (state: SearchState, step): SearchState =>
          step.kind === 'loading'
            ? { ...state, query: step.query, loading: true, error: null }
            : step.kind === 'done'
              ? { query: step.query, loading: false, results: step.results, error: null }
              : { query: step.query, loading: false, results: [], error: step.error },
        { query: this.initialQuery.trim(), loading: true, results: [], error: null },
      ),
    ),
    { initialValue: { query: '', loading: true, results: [], error: null } as SearchState },
  );

  protected readonly heading = computed<MessageKey>(() => (this.search().query ? 'desk.results' : 'desk.recent'));

  /** What is in the box right now: the inbox steps aside from the first keystroke of a search. */
  private readonly boxText = signal(this.initialQuery.trim());
  protected readonly showInbox = computed(() => !this.boxText() && !this.search().query);

  protected onInput(value: string): void {
    this.boxText.set(value.trim());
    this.typed.next(value);
  }

  protected retry(): void {
    this.retries.next();
  }

  protected identityFamilies(customer: Customer): string[] {
    return [...new Set(customer.identities.map((i) => channelFamily(i.channel)))];
  }

  protected phone(customer: Customer): string | null {
    return customer.phone ? formatPhone(customer.phone) : null;
  }

  protected date(iso: string): string {
    return calendarDate(iso, this.i18n.lang());
  }

  /** Down from the box enters the list; up/down move between results; up from the top returns. */
  protected onInputKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown') return;
    const first = this.links()[0];
    if (first) {
      event.preventDefault();
      first.focus();
    }
  }

  protected onListKey(event: KeyboardEvent): void {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const links = this.links();
    const at = links.indexOf(event.target as HTMLAnchorElement);
    if (at === -1) return;
    event.preventDefault();
    const next = at + (event.key === 'ArrowDown' ? 1 : -1);
    if (next < 0) this.input().nativeElement.focus();
    else links[Math.min(next, links.length - 1)].focus();
  }

  private links(): HTMLAnchorElement[] {
    return Array.from(this.list()?.nativeElement.querySelectorAll<HTMLAnchorElement>('a.result') ?? []);
  }

  /**
   * The query lives in the URL, so Back from a customer returns to the same results. Not while
   * leaving: a click on a customer just before the search settles must not be pulled back here.
   */
  private rememberQuery(q: string): void {
    if (untracked(this.router.currentNavigation)) return;
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { q: q || null },
      replaceUrl: true,
    });
  }
}
