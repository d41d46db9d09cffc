import { signal } from '@angular/core';
import type { CaseSummary, ChatReceipt, ChatTyping, Gesture, StaffPresence, ThanksNote, TimelineEvent, WeChatDeliveryUpdate } from '@hearth/contract';
import { Subject } from 'rxjs';
import type {
  ChatSend,
  ChatSendAck,
  CustomerMerge,
  CustomerViewers,
  InboxChange,
  InboxRead,
  PresenceStatus,
  WatchResult,
} from '../app/core/realtime';

export interface FakeWatch {
  readonly customerId: string;
  readonly afterId?: string;
  resolve(missed: TimelineEvent[], hasMore?: boolean): void;
}

export interface FakeSend {
  readonly payload: ChatSend;
  /** Answers as the server would. */
  ack(res: ChatSendAck): void;
  /** No answer came: disconnected or timed out. */
  lose(): void;
}

/** Stands in for `Realtime`: tests push socket events and answer requests by hand. */
export class FakeRealtime {
  readonly connected = signal(true);
  readonly timelineEvent$ = new Subject<TimelineEvent>();
  readonly customerMerged$ = new Subject<CustomerMerge>();
  readonly customerErased$ = new Subject<{ customerId: string }>();
  readonly connect$ = new Subject<void>();
  readonly inboxChanged$ = new Subject<InboxChange>();
  readonly inboxRead$ = new Subject<InboxRead>();
  readonly chatTyping$ = new Subject<ChatTyping>();
  readonly chatRead$ = new Subject<ChatReceipt>();
  readonly customerViewers$ = new Subject<CustomerViewers>();
  readonly caseChanged$ = new Subject<CaseSummary>();
  readonly gestureChanged$ = new Subject<Gesture>();
  readonly thanksReceived$ = new Subject<ThanksNote>();
  readonly wechatDelivery$ = new Subject<WeChatDeliveryUpdate>();
  readonly staffPresence = signal<readonly StaffPresence[]>([]);

  readonly watches: FakeWatch[] = [];
  readonly unwatched: string[] = [];
  readonly sends: FakeSend[] = [];
  readonly typings: { customerId: string; typing: boolean }[] = [];
  readonly reads: { customerId: string; upToId: string }[] = [];
  readonly presences: PresenceStatus[] = [];

  watch(customerId: string, afterId?: string): Promise<WatchResult> {
    return new Promise((resolve) =>
      this.watches.push({ customerId, afterId, resolve: (missed, hasMore = false) => resolve({ missed, hasMore }) }),
    );
  }

  unwatch(customerId: string): void {
    this.unwatched.push(customerId);
  }

  sendChat(payload: ChatSend): Promise<ChatSendAck> {
    return new Promise((resolve, reject) =>
      this.sends.push({ payload, ack: resolve, lose: () => reject(new Error('socket has been disconnected')) }),
    );
  }

  typing(customerId: string, typing: boolean): void {
    this.typings.push({ customerId, typing });
  }

  markRead(customerId: string, upToId: string): Promise<void> {
    this.reads.push({ customerId, upToId });
    return Promise.resolve();
  }

  setPresence(status: PresenceStatus): void {
    this.presences.push(status);
  }

  /** Drops the connection, then comes back: what a reconnect looks like to the app. */
  reconnect(): void {
    this.connected.set(false);
    this.connected.set(true);
    this.connect$.next();
  }
}
