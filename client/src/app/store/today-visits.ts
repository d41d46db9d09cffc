import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { TodayVisits as TodayVisitsAnswer } from '@hearth/contract';
import { MatButtonModule } from '@angular/material/button';
import { MatProgressBarModule } from '@angular/material/progress-bar';
import { RouterLink } from '@angular/router';
import { Subject, catchError, map, merge, of, switchMap } from 'rxjs';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import { Realtime } from '../core/realtime';
import { StoreVisitView, storeVisitView } from '../desk/store-visit';
import { clockTime } from '../desk/timeline-rows';
import { StoreApi } from './store-api';
import { VisitOutbox } from './visit-outbox';

type DiaryState =
  | { readonly kind: 'loading' }
  | { readonly kind: 'ready'; readonly today: TodayVisitsAnswer }
  | { readonly kind: 'error' };

interface DiaryRow {
  readonly id: string;
  readonly time: string;
  readonly at: string;
  readonly customer: { readonly id: string; readonly displayName: string };
  readonly visit: StoreVisitView;
}

/**
 * Who came in today at this store and what happened, newest first: a plain diary. No counts, no
 * charts. Reloads after each visit saved here and when the socket reconnects.
 */
@Component({
  selector: 'app-today-visits',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, MatProgressBarModule, RouterLink, TranslatePipe],
  templateUrl: './today-visits.html',
  styleUrl: './today-visits.scss',
})
export class TodayVisits {
  private readonly api = inject(StoreApi);
  private readonly i18n = inject(I18n);

  /** For staff of no store: the store to show (null: their own). */
  readonly storeId = input<string | null>(null);

  private readonly reloads = new Subject<void>();
  protected readonly state = signal<DiaryState>({ kind: 'loading' });
  protected readonly store = computed(() => {
    const state = this.state();
    return state.kind === 'ready' ? state.today.store : null;
  });
  protected readonly rows = computed<readonly DiaryRow[]>(() => {
    const state = this.state();
    if (state.kind !== 'ready') return [];
    const lang = this.i18n.lang();
    const t = (key: MessageKey) => this.i18n.t(key);
    return state.today.visits.map(({ event, customer }) => {
      const visit = storeVisitView(event, t);
      return {
        id: event.id,
        time: clockTime(event.occurredAt, lang),
        at: event.occurredAt,
        customer,
        visit: { ...visit, staffName: visit.staffName ?? event.author.name },
      };
    });
  });

  constructor() {
    const outbox = inject(VisitOutbox);
    const realtime = inject(Realtime);
    // After a visit saved here, and after the socket comes back (colleagues may have logged some).
    merge(this.reloads, outbox.saved$.pipe(map(() => undefined)), realtime.connect$)
      .pipe(
        switchMap(() =>
          this.api.today(this.storeId()).pipe(
            map((today): DiaryState => ({ kind: 'ready', today })),
            // A failed refresh keeps the diary on screen; only a first load shows the error.
            catchError(() => of<DiaryState>(this.state().kind === 'ready' ? this.state() : { kind: 'error' })),
          ),
        ),
        takeUntilDestroyed(),
      )
      .subscribe((state) => this.state.set(state));

    // The first load, and again whenever the store shown changes.
    effect(() => {
      this.storeId();
      untracked(() => this.reload(true));
    });
  }

  protected reload(fresh = false): void {
    if (fresh || this.state().kind === 'error') this.state.set({ kind: 'loading' });
    this.reloads.next();
  }
}
