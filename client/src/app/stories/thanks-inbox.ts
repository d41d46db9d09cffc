import { Injectable, InjectionToken, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { MatSnackBar } from '@angular/material/snack-bar';
import { Router } from '@angular/router';
import type { ThanksNote } from '@hearth/contract';
import { EMPTY, Observable, Subject, Subscription } from 'rxjs';
import { Auth } from '../core/auth';
import { I18n } from '../core/i18n';
import { Realtime } from '../core/realtime';
import { StoriesApi } from './stories-api';

/**
 * `thanks.received` from the socket: a thank-you note to me, wherever I am in the app.
 * Read from `Realtime.thanksReceived$` once the socket service offers it; nothing until then.
 */
export const THANKS_RECEIVED = new InjectionToken<Observable<ThanksNote>>('THANKS_RECEIVED', {
  providedIn: 'root',
  factory: () =>
    (inject(Realtime) as Partial<{ readonly thanksReceived$: Observable<ThanksNote> }>).thanksReceived$ ?? EMPTY,
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
  private readonly snackBar = inject(MatSnackBar);
  private readonly router = inject(Router);
  private readonly count = signal(0);
  private readonly arrivals = new Subject<ThanksNote>();
  private request?: Subscription;

  /** Notes to me not seen yet. */
  readonly unseen = this.count.asReadonly();
  /** Each note that arrives while the app is open. */
  readonly received$: Observable<ThanksNote> = this.arrivals.asObservable();

  constructor() {
    const auth = inject(Auth);
    // Whoever signs in (again, or someone else at a shared desk) starts from their own count.
    effect(() => {
      const id = auth.staff()?.id;
      untracked(() => this.refresh(id));
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

  private refresh(staffId: string | undefined): void {
    this.request?.unsubscribe();
    this.count.set(0);
    if (!staffId) return;
    // The dot is a nicety: if the count can't be had, there is simply no dot.
    this.request = this.api.myThanks().subscribe({ next: (res) => this.count.set(res.unseen), error: () => undefined });
  }

  private arrived(note: ThanksNote): void {
    this.count.update((n) => n + 1);
    this.arrivals.next(note);
    const body = note.body.length > SNACK_PREVIEW ? `${note.body.slice(0, SNACK_PREVIEW)}…` : note.body;
    this.snackBar
      .open(this.i18n.t('stories.thanks.arrived', { name: note.from.name, body }), this.i18n.t('stories.thanks.view'), {
        duration: SNACK_MS,
      })
      .onAction()
      .subscribe(() => void this.router.navigateByUrl('/stories/mine'));
  }
}
