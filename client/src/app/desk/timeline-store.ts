import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { CaseSummary, WeChatDeliveryUpdate } from '@hearth/contract';
import { Observable, Subscription, map, tap } from 'rxjs';
import { Auth } from '../core/auth';
import { Realtime } from '../core/realtime';
import { ChatOutbox } from './chat-outbox';
import { TimelineChannel, TimelineEvent, maxEventId, mergeEvents, newestFirst } from './customer';
import { CustomersApi } from './customers-api';
import { isPendingWechatReply, outgoingEvent } from './delivery-state';

const PAGE_SIZE = 50;

export type TimelineLoad = 'idle' | 'loading' | 'ready' | 'error';

/** A note on its way to the server, shown at once. */
export interface PendingNote {
  readonly clientId: string;
  readonly event: TimelineEvent;
}

/**
 * One customer's timeline as the page shows it: pages loaded backwards by cursor, live events from
 * the socket merged in by id (never twice), a channel filter applied on the server and to live
 * events, and notes shown while they are being saved. Provided per customer page.
 */
@Injectable()
export class TimelineStore {
  private readonly api = inject(CustomersApi);
  private readonly realtime = inject(Realtime);
  private readonly auth = inject(Auth);
  private readonly destroyRef = inject(DestroyRef);
  private readonly outbox = inject(ChatOutbox);

  private readonly customer = signal<string | null>(null);
  private readonly loaded = signal<readonly TimelineEvent[]>([]);
  private readonly pendingNotes = signal<readonly PendingNote[]>([]);
  private readonly cursor = signal<string | null>(null);
  private readonly loadState = signal<TimelineLoad>('idle');
  private readonly moreState = signal<'idle' | 'loading' | 'error'>('idle');
  private readonly filter = signal<TimelineChannel | null>(null);
  /** Highest id seen whatever the filter, so a re-watch asks only for what is really new. */
  private readonly lastId = signal<string | undefined>(undefined);
  private pageRequest?: Subscription;

  readonly channel = this.filter.asReadonly();
  readonly state = this.loadState.asReadonly();
  readonly loadingMore = computed(() => this.moreState() === 'loading');
  readonly moreFailed = computed(() => this.moreState() === 'error');
  /** True once the oldest event is loaded. */
  readonly complete = computed(() => this.loadState() === 'ready' && this.cursor() === null);
  /** Replies on their way out to this customer (under a channel filter, those going out on that channel). */
  private readonly pendingChats = computed<readonly TimelineEvent[]>(() => {
    const id = this.customer();
    const channel = this.filter();
    return this.outbox
      .entries()
      .filter((entry) => entry.customerId === id)
      .map(outgoingEvent)
      .filter((event) => !channel || event.channel === channel);
  });
  /** Pending notes and replies first (they are the newest), then events newest first. */
  readonly events = computed<readonly TimelineEvent[]>(() => [
    ...[...this.pendingChats(), ...this.pendingNotes().map((p) => p.event)].sort(newestFirst),
    ...this.loaded(),
  ]);
  /** Notes being saved (chat replies show their own delivery state). */
  readonly pendingIds = computed(() => new Set(this.pendingNotes().map((p) => p.event.id)));
  /** The newest stored event id seen, whatever the filter: what "read up to here" means. */
  readonly newestId = this.lastId.asReadonly();

  constructor() {
    this.realtime.timelineEvent$
      .pipe(takeUntilDestroyed())
      .subscribe((event) => this.receive([event]));
    this.outbox.stored$.pipe(takeUntilDestroyed()).subscribe((event) => this.receive([event]));
    this.realtime.wechatDelivery$.pipe(takeUntilDestroyed()).subscribe((update) => this.applyDelivery(update));
    this.realtime.connect$.pipe(takeUntilDestroyed()).subscribe(() => {
      this.watch();
      this.refreshPendingReplies();
    });
    this.destroyRef.onDestroy(() => this.leave());
  }

  /** Shows `customerId`'s timeline from its newest event, with `channel` only (null: all). */
  open(customerId: string, channel: TimelineChannel | null = this.filter()): void {
    if (this.customer() !== customerId) {
      this.leave();
      this.lastId.set(undefined);
      this.pendingNotes.set([]);
    }
    this.customer.set(customerId);
    this.filter.set(channel);
    this.loaded.set([]);
    this.cursor.set(null);
    this.moreState.set('idle');
    this.loadState.set('loading');
    this.pageRequest?.unsubscribe();
    this.pageRequest = this.page(null).subscribe({
      next: () => {
        this.loadState.set('ready');
        this.watch();
      },
      error: () => this.loadState.set('error'),
    });
  }

  setChannel(channel: TimelineChannel | null): void {
    const id = this.customer();
    if (id && channel !== this.filter()) this.open(id, channel);
  }

  /** Loads the next older page; does nothing while one is loading or when all is loaded. */
  loadMore(): void {
    const before = this.cursor();
    if (this.loadState() !== 'ready' || !before || this.moreState() === 'loading') return;
    this.moreState.set('loading');
    this.pageRequest = this.page(before).subscribe({
      next: () => this.moreState.set('idle'),
      error: () => this.moreState.set('error'),
    });
  }

  /**
   * Saves a note; shown at once as pending, replaced by the server's event. The same `clientId`
   * on a retry makes the server store it once. Errors reach the caller, who keeps the text.
   */
  addNote(body: string, clientId: string, deskOnly = false): Observable<TimelineEvent> {
    const customerId = this.customer();
    if (!customerId) throw new Error('No customer open');
    const staff = this.auth.staff();
    const event: TimelineEvent = {
      id: `pending:${clientId}`,
      customerId,
      kind: 'note',
      channel: 'desk',
      author: { type: 'staff', id: staff?.id ?? null, name: staff?.displayName ?? null },
      body,
      details: deskOnly ? { deskOnly: true } : null,
      occurredAt: new Date().toISOString(),
      recordedAt: new Date().toISOString(),
      source: 'desk',
      sourceId: clientId,
      caseId: null,
      internal: true,
      deskOnly,
    };
    this.pendingNotes.update((list) => [{ clientId, event }, ...list.filter((p) => p.clientId !== clientId)]);
    const drop = () => this.pendingNotes.update((list) => list.filter((p) => p.clientId !== clientId));
    return this.api.addNote(customerId, body, clientId, deskOnly).pipe(
      tap({
        next: (saved) => {
          drop();
          this.receive([saved]);
        },
        error: drop,
      }),
    );
  }

  /** Merges events from the socket (live or missed) into the list: once each, in order. */
  receive(events: readonly TimelineEvent[]): void {
    const customerId = this.customer();
    const mine = events.filter((e) => e.customerId === customerId);
    this.lastId.set(maxEventId(mine, this.lastId()));
    // Our own note may come back over the socket before the POST answers: show it once.
    // The server keeps a note's clientId in its sourceId (`<staffId>:<clientId>`).
    const saved = new Set(mine.filter((e) => e.kind === 'note').map((e) => e.sourceId.split(':').at(-1)));
    if (this.pendingNotes().some((p) => saved.has(p.clientId))) {
      this.pendingNotes.update((list) => list.filter((p) => !saved.has(p.clientId)));
    }
    const channel = this.filter();
    const shown = channel ? mine.filter((e) => e.channel === channel) : mine;
    // An event older than the oldest loaded one arrives with its page later; adding it now would
    // leave a gap above it.
    const oldest = this.loaded().at(-1);
    const inRange = this.cursor() && oldest ? shown.filter((e) => e.occurredAt >= oldest.occurredAt) : shown;
    this.loaded.update((list) => mergeEvents(list, inRange));
  }

  /**
   * A case changed (`case.changed`, or our own change's answer): its events now say so, and events
   * detached from it no longer do. Attaching does not resend events, so this is how chips appear.
   */
  applyCase(summary: CaseSummary): void {
    const attached = new Set(summary.eventIds);
    const caseIdOf = (event: TimelineEvent) =>
      attached.has(event.id) ? summary.id : event.caseId === summary.id ? null : event.caseId;
    if (this.loaded().every((event) => caseIdOf(event) === event.caseId)) return;
    this.loaded.update((list) =>
      list.map((event) => (caseIdOf(event) === event.caseId ? event : { ...event, caseId: caseIdOf(event) })),
    );
  }

  /** A reply to WeChat was delivered or not: the shown event says so at once (a reload reads it from the server). */
  applyDelivery(update: WeChatDeliveryUpdate): void {
    if (update.customerId !== this.customer()) return;
    this.loaded.update((list) =>
      list.map((e) => (e.id === update.eventId ? { ...e, details: { ...e.details, delivery: update.delivery } } : e)),
    );
  }

  /** Highest event id this page has seen: what a (re)watch asks to be caught up from. */
  afterId(): string | undefined {
    return this.lastId();
  }

  /** Reloads the newest page (history moved in by a merge, or too much was missed to catch up). */
  reload(): void {
    const id = this.customer();
    if (id) this.open(id);
  }

  private page(before: string | null): Observable<void> {
    const id = this.customer()!;
    const channel = this.filter();
    return this.api
      .timeline(id, { before, limit: PAGE_SIZE, channels: channel ? [channel] : undefined })
      .pipe(
        takeUntilDestroyed(this.destroyRef),
        tap((page) => {
          this.lastId.set(maxEventId(page.events, this.lastId()));
          this.loaded.update((list) => mergeEvents(list, page.events));
          this.cursor.set(page.nextCursor);
        }),
        map(() => undefined),
      );
  }

  private watch(): void {
    const id = this.customer();
    if (!id || this.loadState() !== 'ready' || !this.realtime.connected()) return;
    this.realtime
      .watch(id, this.lastId())
      // Too much missed to send at once: the newest page is the quicker way back.
      .then(({ missed, hasMore }) => (hasMore ? this.reload() : this.receive(missed)))
      // Live updates are a bonus: the page still works (and reloads show all) without them.
      .catch(() => undefined);
  }

  /**
   * Back from a disconnection: replies to WeChat still shown as pending may have been settled
   * meanwhile (catching up only brings newer events). Their page is read again and only they are
   * replaced, by id.
   */
  private refreshPendingReplies(): void {
    const id = this.customer();
    if (!id || this.loadState() !== 'ready') return;
    const pending = new Set(this.loaded().filter(isPendingWechatReply).map((e) => e.id));
    if (!pending.size) return;
    this.api
      .timeline(id, { before: null, limit: PAGE_SIZE, channels: ['wechat'] })
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe({
        next: (page) => {
          if (this.customer() !== id) return;
          const settled = page.events.filter((e) => pending.has(e.id));
          if (settled.length) this.loaded.update((list) => mergeEvents(list, settled));
        },
        // Best effort: a reload shows the outcome anyway.
        error: () => undefined,
      });
  }

  private leave(): void {
    const id = this.customer();
    if (id) this.realtime.unwatch(id);
  }
}

