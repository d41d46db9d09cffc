import { Injectable, InjectionToken, effect, inject, signal } from '@angular/core';
import type { ClientToServerEvents, ServerToClientEvents, TimelineEvent } from '@hearth/contract';
import { Observable, Subject } from 'rxjs';
import { Socket, io } from 'socket.io-client';
import { Auth } from './auth';

export type HearthSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

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
  private readonly merges = new Subject<{ fromCustomerId: string; intoCustomerId: string }>();
  private readonly connects = new Subject<void>();

  /** True while the socket is connected. */
  readonly connected = this.isConnected.asReadonly();
  /** Every `timeline.event` for the customers this client watches. */
  readonly timelineEvent$: Observable<TimelineEvent> = this.timelineEvents.asObservable();
  readonly customerMerged$ = this.merges.asObservable();
  /** Each (re)connection: watchers re-watch from what they have, to receive what they missed. */
  readonly connect$: Observable<void> = this.connects.asObservable();

  constructor() {
    this.socket.on('connect', () => {
      this.isConnected.set(true);
      this.connects.next();
    });
    this.socket.on('disconnect', () => this.isConnected.set(false));
    this.socket.on('timeline.event', (event) => this.timelineEvents.next(event));
    this.socket.on('customer.merged', (payload) => this.merges.next(payload));

    const auth = inject(Auth);
    effect(() => {
      if (auth.signedIn()) this.socket.connect();
      else this.socket.disconnect();
    });
  }

  /** Follows a customer; resolves with the events recorded after `afterId`. */
  async watch(customerId: string, afterId?: string): Promise<readonly TimelineEvent[]> {
    const res = await this.socket
      .timeout(ACK_TIMEOUT_MS)
      .emitWithAck('customer.watch', afterId ? { customerId, afterId } : { customerId });
    if (!res.ok) throw new Error(`${res.code}: ${res.message}`);
    return res.missed;
  }

  unwatch(customerId: string): void {
    if (this.socket.connected) this.socket.emit('customer.unwatch', { customerId }, () => undefined);
  }
}
