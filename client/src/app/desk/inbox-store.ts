import { Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { InboxItem } from '@hearth/contract';
import { Subscription } from 'rxjs';
import { Realtime } from '../core/realtime';
import { ChatApi, InboxView } from './chat-api';
import { compareIds } from './customer';
import { InboxList, appendPage, applyInboxChange, isUnread } from './inbox-list';

export type InboxLoad = 'loading' | 'ready' | 'error';

/** One view of the inbox as a section shows it. */
export interface InboxSectionState {
  readonly rows: readonly InboxRow[];
  readonly load: InboxLoad;
  readonly hasMore: boolean;
  readonly loadingMore: boolean;
  readonly moreFailed: boolean;
}

export interface InboxRow {
  readonly item: InboxItem;
  readonly unread: boolean;
  /** "已跟进" on this row: being sent, or it failed (the button is there to try again). */
  readonly handling: 'idle' | 'sending' | 'failed';
  /** One of my replies to this person did not get through (WeChat): the start of it, until something newer is said. */
  readonly undelivered: string | null;
}

const PAGE_SIZE = 30;
const EMPTY: InboxList = { items: [], nextCursor: null };

/**
 * The desk inbox: who is waiting for a reply (oldest first) and recent conversations (newest
 * first), kept live from `inbox.changed`, with my own unread markers (`inbox.read`, any device).
 * Provided per desk page.
 */
@Injectable()
export class InboxStore {
  private readonly api = inject(ChatApi);
  private readonly realtime = inject(Realtime);

  private readonly lists = signal<{ waiting: InboxList; recent: InboxList }>({ waiting: EMPTY, recent: EMPTY });
  private readonly loads = signal<Record<InboxView, InboxLoad>>({ waiting: 'loading', recent: 'loading' });
  private readonly more = signal<Record<InboxView, 'idle' | 'loading' | 'error'>>({ waiting: 'idle', recent: 'idle' });
  /** How far I have read each conversation (the REST answer and `inbox.read` both tell). */
  private readonly reads = signal<ReadonlyMap<string, string>>(new Map());
  private readonly requests: Partial<Record<InboxView, Subscription>> = {};
  private readonly handling = signal<ReadonlyMap<string, 'sending' | 'failed'>>(new Map());
  /** My replies that finally failed, by customer (the server tells their author wherever they are). */
  private readonly undelivered = signal<ReadonlyMap<string, { eventId: string; body: string }>>(new Map());

  readonly waiting = computed(() => this.section('waiting'));
  /** Recent conversations that nobody waits in (those are listed above). */
  readonly recent = computed(() => this.section('recent'));

  constructor() {
    this.realtime.inboxChanged$.pipe(takeUntilDestroyed()).subscribe((change) => {
      this.lists.update((lists) => applyInboxChange(lists, change, this.reads().get(change.customerId) ?? ''));
      // Something newer was said (a reply, the customer again): the notice has done its job.
      const notice = this.undelivered().get(change.customerId);
      if (notice && compareIds(change.lastMessage.id, notice.eventId) > 0) this.setUndelivered(change.customerId, null);
    });
    // A reply of mine that did not get through: the server puts the person back among those waiting; the row says why.
    this.realtime.wechatDelivery$.pipe(takeUntilDestroyed()).subscribe((update) => {
      if (update.delivery.status === 'failed' && update.customerName !== undefined) {
        this.setUndelivered(update.customerId, { eventId: update.eventId, body: update.body ?? '' });
      }
    });
    this.realtime.inboxRead$.pipe(takeUntilDestroyed()).subscribe(({ customerId, readUpTo }) => this.read(customerId, readUpTo));
    // Back from a disconnection: what changed meanwhile comes with a fresh first page.
    this.realtime.connect$.pipe(takeUntilDestroyed()).subscribe(() => {
      for (const view of ['waiting', 'recent'] as const) if (this.loads()[view] !== 'loading') this.load(view);
    });
    this.load('waiting');
    this.load('recent');
  }

  /** Loads a view's first page again (retry, or catching up after a reconnect). */
  load(view: InboxView): void {
    // Keep what is shown while refreshing; only a first load shows the loading state.
    if (this.loads()[view] === 'error') this.setLoad(view, 'loading');
    this.requests[view]?.unsubscribe();
    this.requests[view] = this.api.inbox(view, null, PAGE_SIZE).subscribe({
      next: (page) => {
        this.remember(page.items);
        this.lists.update((lists) => ({ ...lists, [view]: { items: page.items, nextCursor: page.nextCursor } }));
        this.more.update((m) => ({ ...m, [view]: 'idle' }));
        this.setLoad(view, 'ready');
      },
      error: () => {
        if (this.loads()[view] === 'loading') this.setLoad(view, 'error');
      },
    });
  }

  loadMore(view: InboxView): void {
    const cursor = this.lists()[view].nextCursor;
    if (!cursor || this.more()[view] === 'loading' || this.loads()[view] !== 'ready') return;
    this.more.update((m) => ({ ...m, [view]: 'loading' }));
    this.requests[view] = this.api.inbox(view, cursor, PAGE_SIZE).subscribe({
      next: (page) => {
        this.remember(page.items);
        this.lists.update((lists) => ({ ...lists, [view]: appendPage(lists[view], page) }));
        this.more.update((m) => ({ ...m, [view]: 'idle' }));
      },
      error: () => this.more.update((m) => ({ ...m, [view]: 'error' })),
    });
  }

  /**
   * Someone got back to this person outside the chat (a store's follow-up, a phone call): they
   * leave "waiting". Moved at once on success; the server's `inbox.changed` says the same.
   */
  markHandled(customerId: string): void {
    if (this.handling().get(customerId) === 'sending') return;
    const since = this.lists().waiting.items.find((i) => i.customerId === customerId)?.waitingSince;
    this.setHandling(customerId, 'sending');
    this.api.markHandled(customerId).subscribe({
      next: () => {
        this.setHandling(customerId, null);
        this.lists.update((lists) => {
          const item = lists.waiting.items.find((i) => i.customerId === customerId);
          // Gone already (the socket was quicker), or waiting again since: leave it to the server.
          if (!item || item.waitingSince !== since) return lists;
          return applyInboxChange(lists, { ...item, waitingSince: null }, this.reads().get(customerId) ?? item.readUpTo);
        });
      },
      error: () => this.setHandling(customerId, 'failed'),
    });
  }

  private section(view: InboxView): InboxSectionState {
    const lists = this.lists();
    const reads = this.reads();
    const waitingIds = new Set(lists.waiting.items.map((i) => i.customerId));
    const items = view === 'recent' ? lists.recent.items.filter((i) => !waitingIds.has(i.customerId)) : lists.waiting.items;
    const more = this.more()[view];
    const handling = this.handling();
    const undelivered = this.undelivered();
    return {
      rows: items.map((item) => {
        const readUpTo = laterId(item.readUpTo, reads.get(item.customerId) ?? '');
        return {
          item,
          unread: isUnread({ lastCustomerMessageId: item.lastCustomerMessageId, readUpTo }),
          handling: handling.get(item.customerId) ?? 'idle',
          undelivered: undelivered.get(item.customerId)?.body ?? null,
        };
      }),
      load: this.loads()[view],
      hasMore: lists[view].nextCursor !== null,
      loadingMore: more === 'loading',
      moreFailed: more === 'error',
    };
  }

  private remember(items: readonly InboxItem[]): void {
    for (const item of items) if (item.readUpTo) this.read(item.customerId, item.readUpTo);
  }

  private read(customerId: string, upTo: string): void {
    const known = this.reads().get(customerId) ?? '';
    if (known && compareIds(upTo, known) <= 0) return;
    this.reads.update((reads) => new Map(reads).set(customerId, upTo));
  }

  private setHandling(customerId: string, state: 'sending' | 'failed' | null): void {
    this.handling.update((map) => {
      const next = new Map(map);
      if (state) next.set(customerId, state);
      else next.delete(customerId);
      return next;
    });
  }

  private setUndelivered(customerId: string, notice: { eventId: string; body: string } | null): void {
    this.undelivered.update((map) => {
      const next = new Map(map);
      if (notice) next.set(customerId, notice);
      else next.delete(customerId);
      return next;
    });
  }

  private setLoad(view: InboxView, load: InboxLoad): void {
    this.loads.update((loads) => ({ ...loads, [view]: load }));
  }
}

function laterId(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return compareIds(a, b) >= 0 ? a : b;
}
