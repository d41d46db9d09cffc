import type { ChatMessage, VisitorClientToServerEvents, VisitorServerToClientEvents } from '@hearth/contract';
import type { KeyValueStore } from '../chat-storage';
import type { VisitorSocket } from '../visitor-socket';

type ClientEvent = keyof VisitorClientToServerEvents;
type Payload<E extends ClientEvent> = Parameters<VisitorClientToServerEvents[E]>[0];
type AckOf<E extends ClientEvent> =
  Parameters<VisitorClientToServerEvents[E]> extends [unknown, ((res: infer R) => void)?] ? R : never;

/** How the fake server answers an event: a value, a promise, or a thrown error (an ack timeout). */
export type Reply<E extends ClientEvent> = (payload: Payload<E>) => AckOf<E> | Promise<AckOf<E>>;

export type Sent = { event: string; payload: unknown; acked: boolean };

type Handler = (...args: never[]) => void;

/**
 * A socket.io client stand-in for the visitor namespace: records what the page sends, answers
 * acks with `replies`, and lets a spec play the server (`open`, `drop`, `serverEmit`).
 */
export class FakeVisitorSocket {
  connected = false;
  active = false;
  /** Every emit, in order (`acked`: sent with emitWithAck). */
  readonly sent: Sent[] = [];
  readonly replies: { [E in ClientEvent]?: Reply<E> } = {
    'chat.history': () => ({ ok: true, messages: [], nextCursor: null }),
  };
  /** Open as soon as the page calls connect() (else a spec calls open()). */
  autoOpen = true;
  connectCalls = 0;
  private readonly handlers = new Map<string, Handler[]>();

  constructor(readonly token: () => string = () => '') {}

  asSocket(): VisitorSocket {
    return this as unknown as VisitorSocket;
  }

  on(event: string, handler: Handler): this {
    this.handlers.set(event, [...(this.handlers.get(event) ?? []), handler]);
    return this;
  }

  off(): this {
    return this;
  }

  connect(): this {
    this.connectCalls++;
    this.active = true;
    if (this.autoOpen) this.open();
    return this;
  }

  disconnect(): this {
    this.active = false;
    if (this.connected) {
      this.connected = false;
      this.fire('disconnect', 'io client disconnect');
    }
    return this;
  }

  emit(event: string, payload: unknown): this {
    this.sent.push({ event, payload, acked: false });
    return this;
  }

  timeout(_ms: number) {
    return {
      emitWithAck: async (event: ClientEvent, payload: unknown): Promise<unknown> => {
        this.sent.push({ event, payload, acked: true });
        const reply = this.replies[event] as ((p: unknown) => unknown) | undefined;
        if (!reply) throw new Error('operation has timed out');
        return reply(payload);
      },
    };
  }

  // ——— the server's side ———

  open(): void {
    this.connected = true;
    this.active = true;
    this.fire('connect');
  }

  /** The connection drops (socket.io will reconnect by itself). */
  drop(): void {
    this.connected = false;
    this.fire('disconnect', 'transport close');
  }

  /** The server's middleware refused the connection. */
  refuse(message: string): void {
    this.connected = false;
    this.active = false;
    this.fire('connect_error', new Error(message));
  }

  serverEmit<E extends keyof VisitorServerToClientEvents>(event: E, ...args: Parameters<VisitorServerToClientEvents[E]>): void {
    this.fire(event, ...args);
  }

  /** Payloads of every emit of `event`. */
  payloads<E extends ClientEvent>(event: E): Payload<E>[] {
    return this.sent.filter((s) => s.event === event).map((s) => s.payload as Payload<E>);
  }

  private fire(event: string, ...args: unknown[]): void {
    for (const handler of this.handlers.get(event) ?? []) (handler as (...a: unknown[]) => void)(...args);
  }
}

let seq = 0;

/** A stored chat message as the server sends it. */
export function chatMessage(overrides: Partial<ChatMessage> = {}): ChatMessage {
  seq++;
  return {
    id: `m-${String(seq).padStart(4, '0')}`,
    clientId: `client-${seq}-abcdefgh`,
    from: 'customer',
    staffName: null,
    body: `message ${seq}`,
    image: null,
    at: new Date(Date.UTC(2026, 10, 23, 2, 0, seq)).toISOString(),
    ...overrides,
  };
}

/** Lets pending promise callbacks (acks, awaits) run. */
export async function settle(rounds = 10): Promise<void> {
  for (let i = 0; i < rounds; i++) await Promise.resolve();
}

/** localStorage stand-in a spec can look into; pass the same one to a second session to "reload". */
export function memoryStore(initial: Record<string, string> = {}): KeyValueStore & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}

export type FakeResponse = { status: number; body?: unknown };

/**
 * `fetch` answering by "METHOD /path"; each route answers with the next queued response (the last
 * one repeats). Unknown routes, or a route answering `'network-error'`, reject like fetch offline.
 */
export function fakeFetch(routes: Record<string, (FakeResponse | 'network-error')[]>) {
  const calls: { route: string; init: RequestInit | undefined }[] = [];
  const fn = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const route = `${init?.method ?? 'GET'} ${String(input)}`;
    calls.push({ route, init });
    const queue = routes[route];
    const next = queue && (queue.length > 1 ? queue.shift()! : queue[0]);
    if (!next || next === 'network-error') throw new TypeError('Failed to fetch');
    return {
      ok: next.status >= 200 && next.status < 300,
      status: next.status,
      json: async () => next.body,
    } as Response;
  };
  return Object.assign(fn, { calls });
}
