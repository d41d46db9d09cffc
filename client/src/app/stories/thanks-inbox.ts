import { Injectable, InjectionToken, Injector, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Router } from '@angular/router';
import type { ThanksNote } from '@hearth/contract';
import { Observable, Subject, Subscription } from 'rxjs';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n';
import { Realtime } from '../core/realtime';
import { StoriesApi } from './stories-api';

/** `thanks.received` from the socket: a thank-you note to me, wherever I am in the app. A token so specs can push notes. */
export const THANKS_RECEIVED = new InjectionToken<Observable<ThanksNote>>('THANKS_RECEIVED', {
  providedIn: 'root',
  factory: () => inject(Realtime).thanksReceived$,
});

const SNACK_MS = 8000;
const SNACK_PREVIEW = 60;

/**
 * My thank-you notes as the frame needs them: how many I have not seen (the dot on 服务故事),
 * a snack bar when one arrives live, and the notes that arrived for a page that shows them.
 */
@Injectable({ providedIn: 'root' })
export class ThanksInbox {
  private readonly api = inject(StoriesApi);
  private readonly i18n = inject(I18n);
  private readonly injector = inject(Injector);
  private readonly router = inject(Router);
  private readonly count = signal(0);
  private readonly arrivals = new Subject<ThanksNote>();
  private request?: Subscription;
  private staffId?: string;

  /** Notes to me not seen yet. */
  readonly unseen = this.count.asReadonly();
  /** Each note that arrives while the app is open. */
  readonly received$: Observable<ThanksNote> = this.arrivals.asObservable();

  constructor() {
    const auth = inject(Auth);
    const realtime = inject(Realtime);
    // Asked whenever the live connection comes up (and again after each reconnect, so a note
    // that arrived while offline still lights the dot); whoever signs in starts from their own.
    effect(() => {
      const id = auth.staff()?.id;
      const live = realtime.connected();
      untracked(() => this.refresh(id, live));
    });
    inject(THANKS_RECEIVED)
      .pipe(takeUntilDestroyed())
      .subscribe((note) => this.arrived(note));
  }

  /** Everything is seen: the dot goes. */
  markSeen(): void {
    this.count.set(0);
  }

  /** The count as the server last said (the page that lists notes passes it on). */
  setUnseen(unseen: number): void {
    this.count.set(unseen);
  }

  private refresh(staffId: string | undefined, live: boolean): void {
    this.request?.unsubscribe();
    if (staffId !== this.staffId) this.count.set(0);
    this.staffId = staffId;
    if (!staffId || !live) return;
    // The dot is a nicety: if the count can't be had, there is simply no dot.
    this.request = this.api.myThanks().subscribe({ next: (res) => this.count.set(res.unseen), error: () => undefined });
  }

  private arrived(note: ThanksNote): void {
    this.count.update((n) => n + 1);
    this.arrivals.next(note);
    void this.announce(note);
  }

  /** The snack bar is loaded when a note first arrives: it stays out of the app's first download. */
  private async announce(note: ThanksNote): Promise<void> {
    const { MatSnackBar } = await import('@angular/material/snack-bar');
    const body = note.body.length > SNACK_PREVIEW ? `${note.body.slice(0, SNACK_PREVIEW)}…` : note.body;
    this.injector
      .get(MatSnackBar)
      .open(this.i18n.t('stories.thanks.arrived', { name: note.from.name, body }), this.i18n.t('stories.thanks.view'), {
        duration: SNACK_MS,
      })
      .onAction()
      .subscribe(() => void this.router.navigateByUrl('/stories/mine'));
  }
}
