import { DOCUMENT, DestroyRef, Injectable, computed, effect, inject, signal, untracked } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { TimelineEvent, VisitOutcome } from '@hearth/contract';
import { Observable, Subject, catchError, firstValueFrom, fromEvent, map, of, timeout } from 'rxjs';
import { apiErrorCode, apiErrorMessage, apiErrorStatus, apiErrorText } from '../core/api-error';
import { Auth } from '../core/auth';
import { I18n, MessageKey } from '../core/i18n';
import { Realtime } from '../core/realtime';
import { readJson, writeJson } from '../desk/reply-storage';
import { StoreApi } from './store-api';
import { DraftCustomer, VisitDraft, draftProblems, emptyDraft, isBlank, parseDraft, toNewVisit } from './visit-draft';

/** A draft with everything the server needs. */
export type ReadyDraft = VisitDraft & { readonly customer: DraftCustomer; readonly outcome: VisitOutcome };

/**
 * A visit saved on this device but not yet on the server:
 * - `waiting`: the server could not be reached; it goes again (same clientId) when we are back;
 * - `sending`: on its way;
 * - `refused`: the server said why it will not store it (a 4xx); a person fixes or drops it.
 */
export interface QueuedVisit {
  readonly draft: ReadyDraft;
  readonly status: 'waiting' | 'sending' | 'refused';
  readonly error: string | null;
}

type SendResult =
  | { readonly kind: 'saved'; readonly event: TimelineEvent }
  | { readonly kind: 'refused'; readonly message: string }
  | { readonly kind: 'unreachable' };

interface Stored {
  readonly draft: unknown;
  readonly queue: unknown;
}

export const VISITS_KEY_PREFIX = 'hearth.store.visits.';
/** An answer slower than this counts as no answer: the visit waits and goes again (same clientId). */
export const SEND_TIMEOUT_MS = 20_000;
/** Retry delays while the server stays out of reach; the last one repeats. */
export const RETRY_DELAYS_MS = [5_000, 15_000, 30_000, 60_000] as const;

/** Refusals we can explain in the reader's language; others show the server's own words. */
const REFUSALS: Readonly<Record<string, MessageKey>> = {
  'visit.reason_required': 'store.visit.reasonRequired',
  'visit.follow_up_note_required': 'store.visit.followUpRequired',
  'visit.image_not_found': 'store.visit.photoGone',
  'visit.no_store': 'store.visit.noStore',
  not_found: 'store.visit.customerGone',
};

function localStorageOf(document: Document): Storage | null {
  try {
    return document.defaultView?.localStorage ?? null;
  } catch {
    return null;
  }
}

/** A 4xx the person must act on; no answer, 5xx, 401 (sign in again), 408 and 429 are worth retrying. */
function isRefusal(error: unknown): boolean {
  const status = apiErrorStatus(error);
  return status >= 400 && status < 500 && status !== 401 && status !== 408 && status !== 429;
}

/**
 * The visit form and the visits this device still owes the server. Both live in localStorage per
 * staff member (a shared tablet shows each person only their own), are written as the person types,
 * and survive a reload, a dropped network or a server restart. A visit keeps its clientId from the
 * first try to the stored event, so the server stores it once however often it is resent.
 */
@Injectable({ providedIn: 'root' })
export class VisitOutbox {
  private readonly api = inject(StoreApi);
  private readonly auth = inject(Auth);
  private readonly i18n = inject(I18n);
  private readonly document = inject(DOCUMENT);
  private readonly storage = localStorageOf(this.document);

  private readonly owner = signal<string | null>(null);
  private readonly current = signal<VisitDraft>(emptyDraft());
  private readonly queued = signal<readonly QueuedVisit[]>([]);
  private readonly isSending = signal(false);
  private readonly refusal = signal<string | null>(null);
  private readonly lastSaved = signal<string | null>(null);
  private readonly saved = new Subject<TimelineEvent>();
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retryAttempt = 0;
  /** The clientIds storage held when this tab last read it; gone from there = settled in another tab. */
  private seen = new Set<string>();

  /** The form as typed so far. */
  readonly draft = this.current.asReadonly();
  /** Visits saved here and not yet on the server, oldest first. */
  readonly queue = this.queued.asReadonly();
  /** The form is on its way to the server. */
  readonly sending = this.isSending.asReadonly();
  /** Why the server refused the form, in its words. */
  readonly error = this.refusal.asReadonly();
  /** Whose visit the server stored last, for a calm confirmation (cleared when the next one starts). */
  readonly savedFor = this.lastSaved.asReadonly();
  readonly blank = computed(() => isBlank(this.current()));
  /** Every visit the server stored from this device (the form's or a resent one). */
  readonly saved$: Observable<TimelineEvent> = this.saved.asObservable();

  constructor() {
    this.load(this.auth.staff()?.id ?? null);
    effect(() => {
      const staffId = this.auth.staff()?.id ?? null;
      untracked(() => this.load(staffId));
    });
    // Back online, or the socket reached the server again: whatever waits goes now.
    const window = this.document.defaultView;
    if (window) {
      fromEvent(window, 'online').pipe(takeUntilDestroyed()).subscribe(() => this.flush());
      // Another tab of the same person queued, sent or dropped a visit: take its queue in.
      fromEvent<StorageEvent>(window, 'storage')
        .pipe(takeUntilDestroyed())
        .subscribe((event) => this.syncFromStorage(event.key));
    }
    inject(Realtime).connect$.pipe(takeUntilDestroyed()).subscribe(() => this.flush());
    inject(DestroyRef).onDestroy(() => this.cancelRetry());
  }

  /** Changes the form; kept on this device at once. */
  update(changes: Partial<Omit<VisitDraft, 'clientId'>>): void {
    this.current.update((draft) => ({ ...draft, ...changes }));
    if (changes.customer) this.lastSaved.set(null);
    this.persist();
  }

  /** Drops the form (the customer left, or it was a mistake) and starts a new one. */
  discardDraft(): void {
    this.refusal.set(null);
    this.current.set(emptyDraft(this.current().storeId));
    this.persist();
  }

  /** Saves the form; it resets for the next person once the server has it or this device keeps it. */
  async submit(): Promise<void> {
    const draft = this.current();
    if (this.isSending() || !draft.customer || !draft.outcome || draftProblems(draft).length > 0) return;
    const ready = draft as ReadyDraft;
    const staffId = this.owner();
    this.isSending.set(true);
    this.refusal.set(null);
    const result = await this.send(ready);
    this.isSending.set(false);
    // Someone else signed in meanwhile: the draft is still in the first person's storage, and a
    // resend of it is harmless (same clientId).
    if (this.owner() !== staffId) return;
    if (result.kind === 'refused') {
      this.refusal.set(result.message);
      return;
    }
    if (result.kind === 'unreachable') {
      // Kept here and shown as waiting (see QueuedVisits); the form is free for the next person.
      this.current.set(emptyDraft(ready.storeId));
      this.commit(ready.clientId, (entry) => entry ?? { draft: ready, status: 'waiting', error: null });
      this.lastSaved.set(null);
      this.scheduleRetry();
    } else {
      this.lastSaved.set(ready.customer.displayName);
      this.saved.next(result.event);
      this.current.set(emptyDraft(ready.storeId));
      this.persist();
    }
  }

  /** Brings a refused visit back into the form to fix it; only when the form holds nothing else. */
  reopen(clientId: string): boolean {
    const entry = this.queued().find((e) => e.draft.clientId === clientId);
    if (!entry || entry.status !== 'refused' || !this.blank()) return false;
    this.current.set(entry.draft);
    this.refusal.set(entry.error);
    this.commit(clientId, () => null);
    return true;
  }

  /** Gives up on a refused visit. */
  discard(clientId: string): void {
    this.commit(clientId, (entry) => (entry?.status === 'refused' ? null : (entry ?? null)));
  }

  /** Sends every waiting visit now. */
  flush(): void {
    this.cancelRetry();
    for (const entry of this.queued()) {
      if (entry.status === 'waiting') void this.resend(entry.draft);
    }
  }

  private async resend(draft: ReadyDraft): Promise<void> {
    const staffId = this.owner();
    this.patch(draft.clientId, { status: 'sending' });
    const result = await this.send(draft);
    if (this.owner() !== staffId) return;
    if (result.kind === 'saved') {
      this.retryAttempt = 0;
      this.commit(draft.clientId, () => null);
      if (this.blank()) this.lastSaved.set(draft.customer.displayName);
      this.saved.next(result.event);
    } else if (result.kind === 'refused') {
      this.patch(draft.clientId, { status: 'refused', error: result.message });
    } else {
      this.patch(draft.clientId, { status: 'waiting' });
      this.scheduleRetry();
    }
  }

  private send(draft: ReadyDraft): Promise<SendResult> {
    return firstValueFrom(
      this.api.logVisit(toNewVisit(draft)).pipe(
        timeout(SEND_TIMEOUT_MS),
        map((event): SendResult => ({ kind: 'saved', event })),
        catchError((error: unknown) =>
          of<SendResult>(isRefusal(error) ? { kind: 'refused', message: this.reason(error) } : { kind: 'unreachable' }),
        ),
      ),
    );
  }

  private reason(error: unknown): string {
    const known = REFUSALS[apiErrorCode(error) ?? ''];
    return known ? this.i18n.t(known) : (apiErrorText(error) ?? this.i18n.t(apiErrorMessage(error)));
  }

  private patch(clientId: string, changes: Partial<QueuedVisit>): void {
    // Settled in another tab meanwhile: it stays gone.
    this.commit(clientId, (entry) => (entry ? { ...entry, ...changes } : null));
  }

  private scheduleRetry(): void {
    if (this.retryTimer !== null) return;
    const delay = RETRY_DELAYS_MS[Math.min(this.retryAttempt, RETRY_DELAYS_MS.length - 1)];
    this.retryAttempt++;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      this.flush();
    }, delay);
  }

  private cancelRetry(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  /** Shows `staffId`'s own form and queue (nobody's when signed out) and sends what waits. */
  private load(staffId: string | null): void {
    if (this.owner() === staffId) return;
    this.cancelRetry();
    this.retryAttempt = 0;
    this.owner.set(staffId);
    const stored = this.readStored();
    this.current.set(parseDraft(stored?.draft) ?? emptyDraft());
    this.queued.set(parseQueue(stored?.queue));
    this.seen = new Set(this.queued().map((e) => e.draft.clientId));
    this.isSending.set(false);
    this.refusal.set(null);
    this.lastSaved.set(null);
    this.flush();
  }

  /** Keeps the form on this device, with the stored queue as other tabs left it. */
  private persist(): void {
    this.commit(null);
  }

  /**
   * Re-reads the stored queue, applies this tab's change to one visit (by clientId), and writes the
   * result back with this tab's form: two tabs of the same person never erase each other's visits.
   */
  private commit(clientId: string | null, change?: (entry: QueuedVisit | undefined) => QueuedVisit | null): void {
    const merged = this.mergeStored();
    const index = merged.findIndex((e) => e.draft.clientId === clientId);
    const next = change ? change(index >= 0 ? merged[index] : undefined) : null;
    const queue = merged.filter((e) => e.draft.clientId !== clientId);
    if (next) queue.splice(index >= 0 ? index : queue.length, 0, next);
    this.queued.set(queue);
    const staffId = this.owner();
    if (!staffId) return;
    writeJson(this.storage, VISITS_KEY_PREFIX + staffId, { draft: this.current(), queue });
    this.seen = new Set(parseQueue(this.readStored()?.queue).map((e) => e.draft.clientId));
  }

  /** Another tab wrote this person's visits: show its queue, and keep retrying what waits. */
  private syncFromStorage(key: string | null): void {
    const staffId = this.owner();
    if (!staffId || (key !== null && key !== VISITS_KEY_PREFIX + staffId)) return;
    this.queued.set(this.mergeStored());
    if (this.queued().some((e) => e.status === 'waiting')) this.scheduleRetry();
  }

  /**
   * The stored queue (with other tabs' additions and changes), plus this tab's visits storage never
   * held (a write storage refused). A visit storage held before and no longer does was settled in
   * another tab, so it is dropped here too. A visit on its way from this tab stays `sending`.
   */
  private mergeStored(): QueuedVisit[] {
    const local = new Map(this.queued().map((e) => [e.draft.clientId, e]));
    const stored = parseQueue(this.readStored()?.queue).map((e) => {
      const mine = local.get(e.draft.clientId);
      return mine?.status === 'sending' ? mine : e;
    });
    const storedIds = new Set(stored.map((e) => e.draft.clientId));
    const localOnly = this.queued().filter((e) => !storedIds.has(e.draft.clientId) && !this.seen.has(e.draft.clientId));
    this.seen = storedIds;
    return [...stored, ...localOnly];
  }

  private readStored(): Stored | null {
    const staffId = this.owner();
    return staffId ? readJson<Stored>(this.storage, VISITS_KEY_PREFIX + staffId) : null;
  }
}

/** A stored queue: what was on its way when the page closed is waiting again. */
function parseQueue(value: unknown): readonly QueuedVisit[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item: unknown): QueuedVisit[] => {
    if (!item || typeof item !== 'object') return [];
    const { draft: raw, status, error } = item as Record<string, unknown>;
    const draft = parseDraft(raw);
    if (!draft?.customer || !draft.outcome) return [];
    return [
      {
        draft: draft as ReadyDraft,
        status: status === 'refused' ? 'refused' : 'waiting',
        error: typeof error === 'string' ? error : null,
      },
    ];
  });
}
