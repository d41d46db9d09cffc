import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import type { ThemesMonth } from '@hearth/contract';
import { Subject, catchError, distinctUntilChanged, map, of, startWith, switchMap } from 'rxjs';
import { apiErrorMessage } from '../core/api-error';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { EmptyState } from '../shared/empty-state';
import { addMonths, isMonth, monthLabel, monthOf } from './month';
import { StoriesApi } from './stories-api';

type Load =
  | { readonly kind: 'loading'; readonly month: string }
  | { readonly kind: 'ready'; readonly data: ThemesMonth }
  | { readonly kind: 'error'; readonly month: string; readonly message: MessageKey };

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

  private readonly thisMonth = monthOf(new Date());
  private readonly month$ = this.route.queryParamMap.pipe(
    map((params) => {
      const month = params.get('month');
      return isMonth(month) ? month : this.thisMonth;
    }),
  );
  protected readonly month = toSignal(this.month$, { requireSync: true });
  protected readonly isThisMonth = computed(() => this.month() === this.thisMonth);
  protected readonly label = computed(() => monthLabel(this.month(), this.i18n.lang()));
  protected readonly heading = computed(() =>
    this.isThisMonth()
      ? this.i18n.t('stories.themesPage.thisMonth')
      : this.i18n.t('stories.themesPage.otherMonth', { month: this.label() }),
  );
  protected readonly load = signal<Load>({ kind: 'loading', month: this.month() });

  constructor() {
    this.month$
      .pipe(
        distinctUntilChanged(),
        switchMap((month) => this.retries.pipe(startWith(undefined), map(() => month))),
        switchMap((month) => {
          this.load.set({ kind: 'loading', month });
          return this.api.themes(month).pipe(
            map((data): Load => ({ kind: 'ready', data })),
            // An error ends this month's request; retrying starts it over.
            catchError((error: unknown) => of<Load>({ kind: 'error', month, message: apiErrorMessage(error) })),
          );
        }),
        takeUntilDestroyed(),
      )
      .subscribe((load) => this.load.set(load));
  }

  protected go(delta: number): void {
    const month = addMonths(this.month(), delta);
    void this.router.navigate([], {
      relativeTo: this.route,
      queryParams: { month: month === this.thisMonth ? null : month },
    });
  }

  protected showThisMonth(): void {
    void this.router.navigate([], { relativeTo: this.route, queryParams: { month: null } });
  }

  protected retry(): void {
    this.retries.next();
  }
}
