import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ThemesMonth } from '@hearth/contract';
import { Subject, catchError, distinctUntilChanged, map, of, startWith, switchMap, tap } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';
import { addMonths, isMonth, monthLabel, monthOf } from './month';
import { StoriesApi } from './stories-api';

type Load =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly data: ThemesMonth }
  | { readonly kind: 'error'; readonly message: MessageKey };

/**
 * `/stories/themes?month=YYYY-MM`: what customers came with that month, by theme. Counts are of
 * customers' needs; nothing here counts what any staff member did.
 */
@Component({
  selector: 'app-themes-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, EmptyState, TranslatePipe],
  templateUrl: './themes-page.html',
  styleUrl: './themes-page.scss',
})
export class ThemesPage {
  private readonly api = inject(StoriesApi);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly i18n = inject(I18n);
  private readonly retries = new Subject<void>();

  /** The month in the address; null: the server's current month (in the stores' time zone). */
  private readonly requested$ = this.route.queryParamMap.pipe(
    map((params) => {
      const month = params.get('month');
      return isMonth(month) ? month : null;
    }),
  );
  private readonly requested = toSignal(this.requested$, { requireSync: true });
  /** The server's current month, once it has said (answering a request without a month). */
  private readonly serverMonth = signal<string | null>(null);
  protected readonly load = signal<Load>({ kind: 'loading' });

  /** The month shown: the one asked for, or the server's current month once known. */
  protected readonly month = computed(() => this.requested() ?? this.serverMonth());
  protected readonly isThisMonth = computed(() => {
    const requested = this.requested();
    return requested === null || requested === this.serverMonth();
  });
  /** Nothing lies after the current month (before the server has said which that is, the browser guesses). */
  protected readonly atLatest = computed(() => {
    const month = this.month();
    return this.isThisMonth() || month === null || month >= (this.serverMonth() ?? monthOf(new Date()));
  });
  protected readonly label = computed(() => {
    const month = this.month();
    return month ? monthLabel(month, this.i18n.lang()) : '';
  });
  protected readonly heading = computed(() =>
    this.isThisMonth()
      ? this.i18n.t('stories.themesPage.thisMonth')
      : this.i18n.t('stories.themesPage.otherMonth', { month: this.label() }),
  );

  constructor() {
    this.requested$
      .pipe(
        distinctUntilChanged(),
        switchMap((month) => this.retries.pipe(startWith(undefined), map(() => month))),
        switchMap((month) => {
          this.load.set({ kind: 'loading' });
          return this.api.themes(month).pipe(
            tap((data) => {
              if (month === null) this.serverMonth.set(data.month);
            }),
            map((data): Load => ({ kind: 'ready', data })),
            // An error ends this month's request; retrying starts it over.
            catchError((error: unknown) => of<Load>({ kind: 'error', message: apiErrorMessage(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((load) => this.load.set(load));
  }

  protected go(delta: number): void {
    const shown = this.month();
    if (!shown) return;
    const month = addMonths(shown, delta);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { month: month === this.serverMonth() ? null : month },
    });
  }

  protected showThisMonth(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { month: null } });
  }

  protected retry(): void {
    this.retries.next();
  }
}
