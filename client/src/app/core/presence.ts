import { DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { StaffPresence } from '@hearth/contract';
import { Auth } from './auth';
import { PageVisibility } from './page-visibility';
import { PresenceStatus, Realtime } from './realtime';

/** A tab hidden this long counts as away (nothing about it is shown; it just says so). */
export const AWAY_AFTER_HIDDEN_MS = 5 * 60_000;

/**
 * My presence on the desk: online or away as I choose, and away on my behalf while this tab has
 * been hidden for a while; online again as soon as it is visible (unless I chose away). Also who
 * of my colleagues is online.
 */
@Injectable({ providedIn: 'root' })
export class Presence {
  private readonly realtime = inject(Realtime);
  private readonly auth = inject(Auth);
  private readonly visibility = inject(PageVisibility);

  private readonly chosen = signal<PresenceStatus>('online');
  private readonly hiddenLong = signal(false);
  private hiddenTimer?: ReturnType<typeof setTimeout>;

  /** What I chose in the status menu. */
  readonly choice = this.chosen.asReadonly();
  /** What colleagues see. */
  readonly status = computed<PresenceStatus>(() => (this.chosen() === 'away' || this.hiddenLong() ? 'away' : 'online'));
  /** Colleagues online now (not me), by name. */
  readonly colleaguesOnline = computed<readonly StaffPresence[]>(() => {
    const me = this.auth.staff()?.id;
    return this.realtime
      .staffPresence()
      .filter((s) => s.status === 'online' && s.id !== me)
      .sort((a, b) => a.name.localeCompare(b.name));
  });

  constructor() {
    effect(() => {
      const visible = this.visibility.visible();
      clearTimeout(this.hiddenTimer);
      if (visible) this.hiddenLong.set(false);
      else this.hiddenTimer = setTimeout(() => this.hiddenLong.set(true), AWAY_AFTER_HIDDEN_MS);
    });
    effect(() => {
      const status = this.status();
      untracked(() => this.realtime.setPresence(status));
    });
    // Each new connection starts without a status on the server: say it again.
    this.realtime.connect$.pipe(takeUntilDestroyed()).subscribe(() => this.realtime.setPresence(this.status()));
    inject(DestroyRef).onDestroy(() => clearTimeout(this.hiddenTimer));
  }

  choose(status: PresenceStatus): void {
    this.chosen.set(status);
  }
}
