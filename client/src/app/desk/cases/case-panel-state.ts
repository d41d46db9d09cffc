import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CaseDetail, CaseSummary, Gesture, TimelineEvent } from '@hearth/contract';
import { EMPTY, Observable, Subject, catchError, switchMap } from 'rxjs';
import { apiErrorStatus } from '../../core/api-error';
import { Auth } from '../../core/auth';
import { I18n } from '../../core/i18n';
import { Realtime } from '../../core/realtime';
import { caseErrorText } from './case-errors';
import { CaseStore } from './case-store';
import { CaseChanges, CasesApi } from './cases-api';

export type PanelLoad = 'loading' | 'ready' | 'not-found' | 'error';

/** Events that belong to the case itself (its opening, its story, its gestures) stay with it. */
export function isCaseOwnEvent(event: TimelineEvent, caseId: string): boolean {
  if (event.kind === 'case.opened' || event.kind === 'case.resolved') return true;
  return event.kind === 'gesture' && event.details?.['caseId'] === caseId;
}

/**
 * One case as its panel shows it: loaded in full, changed through the API (attach, detach, on it,
 * title and themes, reopen), and kept live — any `case.changed` for it shows at once and the full
 * case is read again (a colleague may have edited the story), as it is after the socket reconnects;
 * `gesture.changed` updates its gestures.
 * Every answer also goes to the page's CaseStore so the list and the timeline follow.
 */
@Injectable()
export class CasePanelState {
  private readonly api = inject(CasesApi);
  private readonly i18n = inject(I18n);
  private readonly auth = inject(Auth);
  private readonly store = inject(CaseStore, { optional: true });
  private readonly destroyRef = inject(DestroyRef);
  private readonly refetches = new Subject<string>();

  private readonly id = signal<string | null>(null);
  private readonly current = signal<CaseDetail | null>(null);
  private readonly loadState = signal<PanelLoad>('loading');
  private readonly busyCount = signal(0);
  private readonly failure = signal<string | null>(null);

  readonly detail = this.current.asReadonly();
  readonly state = this.loadState.asReadonly();
  /** A request of mine is on its way: buttons wait for it. */
  readonly busy = computed(() => this.busyCount() > 0);
  /** Why my last change did not happen, in words. */
  readonly error = this.failure.asReadonly();
  readonly onIt = computed(() => {
    const me = this.auth.staff()?.id;
    return !!me && !!this.current()?.onIt.some((s) => s.id === me);
  });

  constructor() {
    const realtime = inject(Realtime);
    realtime.caseChanged$.pipe(takeUntilDestroyed()).subscribe((summary) => {
      if (summary.id !== this.id()) return;
      this.applySummary(summary);
      this.refetches.next(summary.id);
    });
    realtime.gestureChanged$.pipe(takeUntilDestroyed()).subscribe((gesture) => {
      if (gesture.caseId === this.id()) this.applyGesture(gesture);
    });
    // Changes made while the socket was away are not replayed: read the case again.
    realtime.connect$.pipe(takeUntilDestroyed()).subscribe(() => {
      const id = this.id();
      if (!id) return;
      if (this.loadState() === 'ready') this.refetches.next(id);
      else if (this.loadState() === 'error') this.load(id);
    });
    // Only the newest read counts: several changes in a row are one refresh. A failed read is
    // dropped (what is shown stays) and the next change reads again.
    this.refetches
      .pipe(
        switchMap((id) => this.api.get(id).pipe(catchError(() => EMPTY))),
        takeUntilDestroyed(),
      )
      .subscribe((detail) => this.setDetail(detail));
  }

  load(caseId: string): void {
    this.id.set(caseId);
    this.loadState.set('loading');
    this.api
      .get(caseId)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (detail) => this.applyDetail(detail),
        error: (error: unknown) => {
          this.loadState.set(apiErrorStatus(error) === 404 ? 'not-found' : 'error');
        },
      });
  }

  reload(): void {
    const id = this.id();
    if (id) this.load(id);
  }

  setOnIt(onIt: boolean): void {
    this.run((id) => this.api.setOnIt(id, onIt));
  }

  detach(eventId: string): void {
    this.run((id) => this.api.detach(id, eventId));
  }

  attach(eventIds: readonly string[]): void {
    this.run((id) => this.api.attach(id, eventIds));
  }

  /** Resolves `true` once saved, so an edit form can close. */
  update(changes: CaseChanges): Observable<boolean> {
    const done = new Subject<boolean>();
    this.run(
      (id) => this.api.update(id, changes),
      (ok) => {
        done.next(ok);
        done.complete();
      },
    );
    return done;
  }

  reopen(): void {
    this.run((id) => this.api.reopen(id));
  }

  /** A full case from elsewhere (the story dialog's answer). */
  applyDetail(detail: CaseDetail): void {
    this.setDetail(detail);
    this.store?.apply(detail);
  }

  clearError(): void {
    this.failure.set(null);
  }

  private setDetail(detail: CaseDetail): void {
    if (detail.id !== this.id()) return;
    this.current.set(detail);
    this.loadState.set('ready');
  }

  private applySummary(summary: CaseSummary): void {
    this.current.update((detail) =>
      detail
        ? {
            ...detail,
            ...summary,
            // Events not known yet arrive with the read that follows.
            events: detail.events.filter((e) => summary.eventIds.includes(e.id)),
          }
        : detail,
    );
  }

  private applyGesture(gesture: Gesture): void {
    this.current.update((detail) => {
      if (!detail) return detail;
      const known = detail.gestures.some((g) => g.id === gesture.id);
      const gestures = known ? detail.gestures.map((g) => (g.id === gesture.id ? gesture : g)) : [gesture, ...detail.gestures];
      return { ...detail, gestures };
    });
  }

  private run(request: (id: string) => Observable<CaseDetail>, done?: (ok: boolean) => void): void {
    const id = this.id();
    if (!id) return;
    this.busyCount.update((n) => n + 1);
    this.failure.set(null);
    request(id)
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (detail) => {
          this.busyCount.update((n) => n - 1);
          this.applyDetail(detail);
          done?.(true);
        },
        error: (error: unknown) => {
          this.busyCount.update((n) => n - 1);
          this.failure.set(caseErrorText(error, this.i18n));
          done?.(false);
        },
      });
  }
}
