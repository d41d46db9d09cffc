import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CaseDetail, CaseSummary, Gesture } from '@hearth/contract';
import { Subscription, forkJoin } from 'rxjs';
import { Realtime } from '../../core/realtime';
import { TimelineStore } from '../timeline-store';
import { CasesApi, caseOrder, summaryOf } from './cases-api';

export type CasesLoad = 'idle' | 'loading' | 'ready' | 'error';

/**
 * One customer's cases and gestures as the customer page shows them: loaded with the page, kept
 * live from `case.changed` / `gesture.changed`, and mirrored onto the timeline (which event
 * belongs to which case). Provided per customer page.
 */
@Injectable()
export class CaseStore {
  private readonly api = inject(CasesApi);
  private readonly timeline = inject(TimelineStore);
  private readonly destroyRef = inject(DestroyRef);

  private readonly customer = signal<string | null>(null);
  private readonly list = signal<readonly CaseSummary[]>([]);
  private readonly gestureList = signal<readonly Gesture[]>([]);
  private readonly loadState = signal<CasesLoad>('idle');
  private request?: Subscription;

  readonly customerId = this.customer.asReadonly();
  readonly state = this.loadState.asReadonly();
  /** Open first (newest first), then resolved (newest resolved first). */
  readonly cases = this.list.asReadonly();
  readonly openCases = computed(() => this.list().filter((c) => c.status === 'open'));
  /** Newest first. */
  readonly gestures = this.gestureList.asReadonly();
  /** Case id → title, for the chips on timeline events. */
  readonly titles = computed(() => new Map(this.list().map((c) => [c.id, c.title])));

  constructor() {
    const realtime = inject(Realtime);
    realtime.caseChanged$.pipe(takeUntilDestroyed()).subscribe((summary) => {
      if (summary.customerId === this.customer()) this.applySummary(summary);
    });
    realtime.gestureChanged$.pipe(takeUntilDestroyed()).subscribe((gesture) => {
      if (gesture.customerId === this.customer()) this.applyGesture(gesture);
    });
    // Changes made while the socket was away are not replayed: read the lists again.
    realtime.connect$.pipe(takeUntilDestroyed()).subscribe(() => {
      if (this.loadState() === 'ready') this.reload();
    });
  }

  /** Shows `customerId`'s cases and gestures. */
  open(customerId: string): void {
    if (this.customer() !== customerId) {
      this.list.set([]);
      this.gestureList.set([]);
    }
    this.customer.set(customerId);
    this.reload();
  }

  reload(): void {
    const id = this.customer();
    if (!id) return;
    if (this.loadState() !== 'ready') this.loadState.set('loading');
    this.request?.unsubscribe();
    this.request = forkJoin({ cases: this.api.casesOf(id), gestures: this.api.gesturesOf(id) })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: ({ cases, gestures }) => {
          this.list.set([...cases].sort(caseOrder));
          this.gestureList.set(gestures);
          for (const summary of cases) this.timeline.applyCase(summary);
          this.loadState.set('ready');
        },
        error: () => this.loadState.set('error'),
      });
  }

  get(caseId: string): CaseSummary | undefined {
    return this.list().find((c) => c.id === caseId);
  }

  /** A case as the server answered a change (ours) or announced it (anyone's). */
  apply(detail: CaseDetail): void {
    this.applySummary(summaryOf(detail));
    for (const gesture of detail.gestures) this.applyGesture(gesture);
  }

  applySummary(summary: CaseSummary): void {
    this.list.update((list) => [...list.filter((c) => c.id !== summary.id), summary].sort(caseOrder));
    this.timeline.applyCase(summary);
  }

  applyGesture(gesture: Gesture): void {
    this.gestureList.update((list) => {
      const i = list.findIndex((g) => g.id === gesture.id);
      if (i < 0) return [gesture, ...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
      const next = [...list];
      next[i] = gesture;
      return next;
    });
  }
}
