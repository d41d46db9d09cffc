import { DestroyRef, Injectable, computed, inject, signal } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import type { ConversationState } from '@hearth/contract';
import { Observable, Subscription, filter } from 'rxjs';
import { Auth } from '../core/auth';
import { Realtime } from '../core/realtime';
import { ChatApi } from './chat-api';
import { compareIds } from './customer';
import type { Receipts } from './delivery-state';

export interface Person {
  readonly id: string;
  readonly name: string;
}

/** A typing signal that never got its "stopped" (a closed tab) fades after this long. */
export const TYPING_FADE_MS = 8_000;

/**
 * One customer's conversation as the customer page shows it: whether replies can go out by chat,
 * the customer's receipts (delivered / read up to), who else is looking, who is typing, and my
 * own "read up to" for the inbox. Provided per customer page.
 */
@Injectable()
export class ConversationStore {
  private readonly api = inject(ChatApi);
  private readonly realtime = inject(Realtime);
  private readonly auth = inject(Auth);

  private readonly customerId = signal<string | null>(null);
  private readonly current = signal<ConversationState | null>(null);
  private readonly failed = signal(false);
  private readonly customerTyping = signal(false);
  private readonly staffTypers = signal<readonly Person[]>([]);
  private readonly fades = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly handling = signal<'idle' | 'sending' | 'failed'>('idle');
  private request?: Subscription;
  private handledRequest?: Subscription;
  /** What I last marked read here, so scrolling doesn't repeat it. */
  private markedUpTo = '';

  readonly conversation = this.current.asReadonly();
  readonly loadFailed = this.failed.asReadonly();
  /** Where a reply goes: web chat, WeChat, or nowhere (null: no composer). */
  readonly replyChannel = computed(() => this.current()?.replyChannel ?? null);
  readonly canReply = computed(() => this.replyChannel() !== null);
  readonly receipts = computed<Receipts | null>(() => {
    const state = this.current();
    return state ? { deliveredUpTo: state.deliveredUpTo, readUpTo: state.readUpTo } : null;
  });
  /** When the person began waiting for us (a chat message, a store's follow-up); null: nobody waits. */
  readonly waitingSince = computed(() => this.current()?.waitingSince ?? null);
  /** "已跟进": being sent, or it failed. */
  readonly handledState = this.handling.asReadonly();
  readonly visitorOnline = computed(() => this.current()?.visitorOnline ?? false);
  /** Colleagues looking at this customer now (not me). */
  readonly viewers = computed<readonly Person[]>(() => {
    const me = this.auth.staff()?.id;
    return (this.current()?.viewers ?? []).filter((v) => v.id !== me);
  });
  readonly isCustomerTyping = this.customerTyping.asReadonly();
  /** Colleagues typing a reply to this customer right now. */
  readonly typingStaff = this.staffTypers.asReadonly();

  constructor() {
    // Only this customer's events, until the page goes.
    const mine = <T extends { customerId: string }>(source: Observable<T>) =>
      source.pipe(
        filter((payload) => payload.customerId === this.customerId()),
        takeUntilDestroyed(),
      );
    mine(this.realtime.chatRead$).subscribe((receipt) =>
      this.update((state) => ({
        ...state,
        deliveredUpTo: maxId(state.deliveredUpTo, receipt.deliveredUpTo),
        readUpTo: maxId(state.readUpTo, receipt.readUpTo),
      })),
    );
    mine(this.realtime.customerViewers$).subscribe(({ viewers, visitorOnline }) =>
      this.update((state) => ({ ...state, viewers, visitorOnline })),
    );
    mine(this.realtime.chatTyping$).subscribe(({ by, typing }) => {
      if (by.type === 'customer') this.setTyping('customer', typing, () => this.customerTyping.set(false));
      else if (by.id !== this.auth.staff()?.id) this.staffTyping({ id: by.id, name: by.name }, typing);
    });
    // A message from the customer ends their typing, whatever the typing signal says.
    mine(this.realtime.timelineEvent$).subscribe((event) => {
      if (event.kind === 'chat.message' && event.author.type === 'customer') this.setTyping('customer', false, () => undefined);
    });
    // Answered, followed up (here or by a colleague), or waiting again: the inbox's word for it.
    mine(this.realtime.inboxChanged$).subscribe(({ waitingSince }) => this.update((state) => ({ ...state, waitingSince })));
    this.realtime.connect$.pipe(takeUntilDestroyed()).subscribe(() => this.reload());
    inject(DestroyRef).onDestroy(() => {
      this.fades.forEach((timer) => clearTimeout(timer));
      this.handledRequest?.unsubscribe();
    });
  }

  open(customerId: string): void {
    if (customerId !== this.customerId()) {
      this.current.set(null);
      this.handledRequest?.unsubscribe();
      this.handling.set('idle');
      this.markedUpTo = '';
      this.customerTyping.set(false);
      this.staffTypers.set([]);
      this.fades.forEach((timer) => clearTimeout(timer));
      this.fades.clear();
    }
    this.customerId.set(customerId);
    this.reload();
  }

  /** Loads the state again (after a reconnect or a merge); the old one stays shown meanwhile. */
  reload(): void {
    const id = this.customerId();
    if (!id) return;
    this.request?.unsubscribe();
    this.request = this.api.conversation(id).subscribe({
      next: (state) => {
        this.failed.set(false);
        this.current.set(state);
      },
      error: () => this.failed.set(true),
    });
  }

  /**
   * We got back to this person outside the chat (a call, a store's follow-up done): nobody waits
   * any more. Works without web chat too.
   */
  markHandled(): void {
    const id = this.customerId();
    if (!id || this.handling() === 'sending') return;
    const since = this.waitingSince();
    this.handling.set('sending');
    this.handledRequest = this.api.markHandled(id).subscribe({
      next: () => {
        this.handling.set('idle');
        // Unless they wrote again meanwhile (then the socket has said so and they wait again).
        this.update((state) => (state.waitingSince === since ? { ...state, waitingSince: null } : state));
      },
      error: () => this.handling.set('failed'),
    });
  }

  /** I have seen the conversation up to `eventId` (newest shown, tab visible). */
  markRead(eventId: string): void {
    const id = this.customerId();
    if (!id || !this.realtime.connected() || (this.markedUpTo && compareIds(eventId, this.markedUpTo) <= 0)) return;
    const previous = this.markedUpTo;
    this.markedUpTo = eventId;
    this.realtime.markRead(id, eventId).catch(() => {
      // Not recorded: try again the next time the newest message is in view.
      if (this.markedUpTo === eventId) this.markedUpTo = previous;
    });
  }

  private update(change: (state: ConversationState) => ConversationState): void {
    const state = this.current();
    if (state) this.current.set(change(state));
  }

  private staffTyping(person: Person, typing: boolean): void {
    const others = this.staffTypers().filter((p) => p.id !== person.id);
    this.staffTypers.set(typing ? [...others, person] : others);
    this.setTyping(`staff:${person.id}`, typing, () =>
      this.staffTypers.update((list) => list.filter((p) => p.id !== person.id)),
    );
  }

  private setTyping(key: string, typing: boolean, fade: () => void): void {
    clearTimeout(this.fades.get(key));
    this.fades.delete(key);
    if (key === 'customer') this.customerTyping.set(typing);
    if (typing) {
      this.fades.set(
        key,
        setTimeout(() => {
          this.fades.delete(key);
          fade();
        }, TYPING_FADE_MS),
      );
    }
  }
}

function maxId(a: string, b: string): string {
  if (!a) return b;
  if (!b) return a;
  return compareIds(a, b) >= 0 ? a : b;
}
