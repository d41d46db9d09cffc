import { Injectable, InjectionToken, effect, inject, signal } from '@angular/core';
import type {
  CaseSummary,
  ChatReceipt,
  ChatTyping,
  ClientToServerEvents,
  InboxItem,
  ServerToClientEvents,
  Gesture,
  StaffPresence,
  ThanksNote,
  TimelineEvent,
  WeChatDeliveryUpdate,
} from '@hearth/contract';
import { Observable, Subject } from 'rxjs';
import { Socket, io } from 'socket.io-client';
import { Auth } from './auth';

export type HearthSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A conversation as `inbox.changed` brings it: the per-person `readUpTo` is not included. */
export type InboxChange = Omit<InboxItem, 'readUpTo'>;
export type CustomerViewers = Parameters<ServerToClientEvents['customer.viewers']>[0];
export type CustomerMerge = Parameters<ServerToClientEvents['customer.merged']>[0];
export type InboxRead = Parameters<ServerToClientEvents['inbox.read']>[0];
export type ChatSend = Parameters<ClientToServerEvents['chat.send']>[0];
/** The answer to `chat.send`: the stored message, or why it was refused. */
export type ChatSendAck = Parameters<Parameters<ClientToServerEvents['chat.send']>[1]>[0];
export type PresenceStatus = StaffPresence['status'];

/** What `customer.watch` answers: the events missed, or `hasMore` when too many were (reload). */
export interface WatchResult {
  readonly missed: readonly TimelineEvent[];
  readonly hasMore: boolean;
}

/** Makes the socket; a token so specs can hand in a fake. */
export const SOCKET_FACTORY = new InjectionToken<() => HearthSocket>('SOCKET_FACTORY', {
  providedIn: 'root',
  // Same origin, cookie session; connects only when told to (see Realtime).
  factory: () => () => io({ path: '/socket.io', autoConnect: false, withCredentials: true }),
});

const ACK_TIMEOUT_MS = 10_000;

/**
 * The one socket.io connection. Open while someone is signed in; exposes read-only state and
 * streams, and typed requests with acknowledgements. Pages decide what to watch.
 */
@Injectable({ providedIn: 'root' })
export class Realtime {
  private readonly socket = inject(SOCKET_FACTORY)();
  private readonly isConnected = signal(false);
  private readonly timelineEvents = new Subject<TimelineEvent>();
  private readonly merges = new Subject<CustomerMerge>();
  private readonly connects = new Subject<void>();
  private readonly inboxChanges = new Subject<InboxChange>();
  private readonly inboxReads = new Subject<InboxRead>();
  private readonly typings = new Subject<ChatTyping>();
  private readonly receipts = new Subject<ChatReceipt>();
  private readonly viewers = new Subject<CustomerViewers>();
  private readonly wechatDeliveries = new Subject<WeChatDeliveryUpdate>();
  private readonly staff = signal<readonly StaffPresence[]>([]);
  private readonly caseChanges = new Subject<CaseSummary>();
  private readonly gestureChanges = new Subject<Gesture>();
  private readonly thanks = new Subject<ThanksNote>();
  private readonly erasures = new Subject<{ customerId: string }>();

  /** True while the socket is connected. */
  readonly connected = this.isConnected.asReadonly();
  /** Every `timeline.event` for the customers this client watches. */
  readonly timelineEvent$: Observable<TimelineEvent> = this.timelineEvents.asObservable();
  readonly customerMerged$: Observable<CustomerMerge> = this.merges.asObservable();
  /** An admin erased a customer's data: a page showing them reloads. */
  readonly customerErased$: Observable<{ customerId: string }> = this.erasures.asObservable();
  /** Each (re)connection: watchers re-watch from what they have, to receive what they missed. */
  readonly connect$: Observable<void> = this.connects.asObservable();
  /** A conversation changed (new message, answered, suggestion): for the desk inbox. */
  readonly inboxChanged$: Observable<InboxChange> = this.inboxChanges.asObservable();
  /** I read a conversation, here or on another device. */
  readonly inboxRead$: Observable<InboxRead> = this.inboxReads.asObservable();
  /** Someone typing in a watched customer's conversation (the customer or a colleague). */
  readonly chatTyping$: Observable<ChatTyping> = this.typings.asObservable();
  /** A watched customer's chat received / read messages up to an event. */
  readonly chatRead$: Observable<ChatReceipt> = this.receipts.asObservable();
  /** Who looks at a watched customer right now, and whether the visitor is online. */
  readonly customerViewers$: Observable<CustomerViewers> = this.viewers.asObservable();
  /** A reply to WeChat was delivered, or finally was not (with the reason). */
  readonly wechatDelivery$: Observable<WeChatDeliveryUpdate> = this.wechatDeliveries.asObservable();
  /** The desk's staff and whether each is online or away, as last announced. */
  readonly staffPresence = this.staff.asReadonly();
  /** A watched customer's case was opened, changed, resolved, or had events attached or detached. */
  readonly caseChanged$: Observable<CaseSummary> = this.caseChanges.asObservable();
  /** A watched customer's gesture was recorded or updated. */
  readonly gestureChanged$: Observable<Gesture> = this.gestureChanges.asObservable();
  /** A thank-you note to me, wherever I am in the app. */
  readonly thanksReceived$: Observable<ThanksNote> = this.thanks.asObservable();

  constructor() {
    this.socket.on('connect', () => {
      this.isConnected.set(true);
      this.connects.next();
    });
    this.socket.on('disconnect', () => this.isConnected.set(false));
    this.socket.on('timeline.event', (event) => this.timelineEvents.next(event));
    this.socket.on('customer.merged', (payload) => this.merges.next(payload));
    this.socket.on('customer.erased', (payload) => this.erasures.next(payload));
    this.socket.on('inbox.changed', (item) => this.inboxChanges.next(item));
    this.socket.on('inbox.read', (payload) => this.inboxReads.next(payload));
    this.socket.on('chat.typing', (payload) => this.typings.next(payload));
    this.socket.on('chat.read', (payload) => this.receipts.next(payload));
    this.socket.on('customer.viewers', (payload) => this.viewers.next(payload));
    this.socket.on('wechat.delivery', (payload) => this.wechatDeliveries.next(payload));
    this.socket.on('presence', (payload) => this.staff.set(payload.staff));
    this.socket.on('case.changed', (summary) => this.caseChanges.next(summary));
    this.socket.on('gesture.changed', (gesture) => this.gestureChanges.next(gesture));
    this.socket.on('thanks.received', (note) => this.thanks.next(note));

    const auth = inject(Auth);
    effect(() => {
      if (auth.signedIn()) this.socket.connect();
      else this.socket.disconnect();
    });
  }

  /**
   * Follows a customer; resolves with the events recorded after `afterId`, or `hasMore` when there
   * were too many to send (the caller reloads its first page instead).
   */
  async watch(customerId: string, afterId?: string): Promise<WatchResult> {
    const res = await this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('customer.watch', afterId ? { customerId, afterId } : { customerId });
    if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
    return { missed: res.missed, hasMore: res.hasMore };
  }

  unwatch(customerId: string): void {
    if (this.socket.connected) this.socket.emit('customer.unwatch', { customerId }, () => undefined);
  }

  /**
   * Sends a chat reply. Resolves with the server's answer (stored, or refused with a reason);
   * rejects when no answer came (disconnected or timed out): then it is unknown whether the
   * message was stored, and a retry with the same `clientId` is safe.
   */
  sendChat(payload: ChatSend): Promise<ChatSendAck> {
    return this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat.send', payload);
  }

  /** Tells the customer and colleagues that I am (or stopped) typing. Dropped while offline. */
  typing(customerId: string, typing: boolean): void {
    if (this.socket.connected) this.socket.emit('chat.typing', { customerId, typing });
  }

  /** Marks a conversation read for me up to an event (my unread markers, on every device). */
  async markRead(customerId: string, upToId: string): Promise<void> {
    const res = await this.socket.timeout(ACK_TIMEOUT_MS).emitWithAck('inbox.read', { customerId, upToId });
    if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
  }

  /** Announces me as online or away; callers announce again after each reconnect. */
  setPresence(status: PresenceStatus): void {
    if (this.socket.connected) this.socket.emit('presence.set', { status });
  }
}
