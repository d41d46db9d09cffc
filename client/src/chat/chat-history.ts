import { computed, signal } from '@angular/core';
import type { Ack, ChatMessage } from '@hearth/contract';
import { byTime } from './chat-item';
import { ACK_TIMEOUT_MS, VisitorSocket } from './visitor-socket';

export const HISTORY_PAGE_SIZE = 30;
/** Catching up after a reconnect reads at most this many pages before starting afresh. */
const CATCH_UP_PAGES = 10;

type HistoryAck = Ack<{ messages: ChatMessage[]; nextCursor: string | null }>;

/**
 * How a catch-up ended: `loaded` (first page, or back to what was shown), `restarted` (too much was
 * missed: the newest pages replace what was shown), or `stale` (a newer connection took over).
 */
export type CatchUp = 'loaded' | 'restarted' | 'stale';

/**
 * The stored conversation, oldest first: the first page, older pages on demand, the pages missed
 * while away, and messages as they arrive, each shown once.
 */
export class ChatHistory {
  private readonly stored = signal<readonly ChatMessage[]>([]);
  private readonly cursor = signal<string | null>(null);
  private readonly loadedOnce = signal(false);
  private readonly loadingOlderPage = signal(false);

  readonly messages = this.stored.asReadonly();
  readonly loaded = this.loadedOnce.asReadonly();
  readonly hasOlder = computed(() => this.cursor() !== null);
  readonly loadingOlder = this.loadingOlderPage.asReadonly();

  /** @param settled told of each of the visitor's own messages seen stored (its clientId). */
  constructor(private readonly settled: (clientId: string) => void) {}

  /**
   * The first page of history, or on a reconnect the pages back to what is already shown, so
   * nothing sent meanwhile is missed. Throws when the server times out or refuses.
   * @param current false once a newer connection has taken over: then this one stops.
   */
  async catchUp(socket: VisitorSocket, current: () => boolean): Promise<CatchUp> {
    const fresh = !this.loadedOnce();
    const known = new Set(this.stored().map((m) => m.id));
    const pages: ChatMessage[] = [];
    let before: string | null = null;
    for (let page = 0; page < CATCH_UP_PAGES; page++) {
      const res: HistoryAck = await socket
        .timeout(ACK_TIMEOUT_MS)
        .emitWithAck('chat.history', before ? { before, limit: HISTORY_PAGE_SIZE } : { limit: HISTORY_PAGE_SIZE });
      if (!current()) return 'stale';
      if (!res.ok) throw new Error(res.code);
      pages.push(...res.messages);
      before = res.nextCursor;
      if (fresh || !before || res.messages.some((m) => known.has(m.id))) {
        this.merge(pages);
        if (fresh) this.cursor.set(before);
        this.loadedOnce.set(true);
        return 'loaded';
      }
    }
    // More was missed than is worth paging through: show the newest pages, older on scroll.
    this.stored.set([]);
    this.merge(pages);
    this.cursor.set(before);
    return 'restarted';
  }

  /** Loads the page of messages before the oldest shown. */
  async loadOlder(socket: VisitorSocket): Promise<void> {
    const before = this.cursor();
    if (!before || !socket.connected || this.loadingOlderPage()) return;
    this.loadingOlderPage.set(true);
    try {
      const res = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat.history', { before, limit: HISTORY_PAGE_SIZE });
      if (res.ok) {
        this.merge(res.messages);
        this.cursor.set(res.nextCursor);
      }
    } catch {
      // Timed out: the next scroll to the top asks again.
    } finally {
      this.loadingOlderPage.set(false);
    }
  }

  /** Adds messages not shown yet (by id); a stored message of the visitor's settles its outbox entry. */
  merge(incoming: readonly ChatMessage[]): void {
    if (!incoming.length) return;
    const current = this.stored();
    const ids = new Set(current.map((m) => m.id));
    const clientIds = new Set(current.map((m) => `${m.from}:${m.clientId}`));
    const added: ChatMessage[] = [];
    for (const m of incoming) {
      if (m.from === 'customer') this.settled(m.clientId);
      const clientKey = `${m.from}:${m.clientId}`;
      if (ids.has(m.id) || (m.clientId && clientIds.has(clientKey))) continue;
      ids.add(m.id);
      clientIds.add(clientKey);
      added.push(m);
    }
    if (added.length) this.stored.set([...current, ...added].sort(byTime));
  }

  /** The newest message from staff, if any. */
  newestFromStaff(): ChatMessage | undefined {
    const stored = this.stored();
    for (let i = stored.length - 1; i >= 0; i--) if (stored[i].from === 'staff') return stored[i];
    return undefined;
  }

  /** A new visitor: an empty conversation, loaded afresh on the next connection. */
  clear(): void {
    this.stored.set([]);
    this.cursor.set(null);
    this.loadedOnce.set(false);
  }
}
