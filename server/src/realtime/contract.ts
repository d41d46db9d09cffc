// The socket.io contract shared by the server and the Angular client (imported there by path).
// Types only: no runtime imports, so the client bundle takes nothing from the server.

export type EventAuthor = { type: 'customer' | 'staff' | 'fan' | 'system'; id: string | null; name: string | null };

/** One event on a customer's timeline, as every client sees it. */
export type TimelineEvent = {
  id: string;
  customerId: string;
  kind: string;
  channel: string;
  author: EventAuthor;
  body: string;
  details: Record<string, unknown> | null;
  occurredAt: string;
  recordedAt: string;
  source: string;
  sourceId: string;
  caseId: string | null;
  internal: boolean;
};

export type Ack<T = object> = ({ ok: true } & T) | { ok: false; code: string; message: string };

/** Events the server emits. */
export interface ServerToClientEvents {
  'timeline.event': (event: TimelineEvent) => void;
  /** A customer was merged into another: a page showing `fromCustomerId` should move to `intoCustomerId`. */
  'customer.merged': (payload: { fromCustomerId: string; intoCustomerId: string }) => void;
}

/** Events a client sends; each gets an acknowledgement. */
export interface ClientToServerEvents {
  /**
   * Follow a customer's timeline live. `afterId` is the id of the newest event the client already
   * has: the ack carries every event recorded after it (what was missed while disconnected).
   */
  'customer.watch': (payload: { customerId: string; afterId?: string }, ack: (res: Ack<{ missed: TimelineEvent[] }>) => void) => void;
  'customer.unwatch': (payload: { customerId: string }, ack: (res: Ack) => void) => void;
}
