import { DOCUMENT, Injectable, OnDestroy, computed, inject, signal } from '@angular/core';
import type { Ack, ChatMessage } from '@hearth/contract';
import { newClientId } from '../shared/client-id';
import { backoffMs } from './backoff';
import { ChatHistory } from './chat-history';
import { ChatItem, fromEntry, fromMessage } from './chat-item';
import { CHAT_STORAGE } from './chat-storage';
import { OUTBOX_STORAGE_KEY, Outbox, OutboxEntry, OutboxError, isSendable } from './outbox';
import { Receipts } from './receipts';
import { VisitorApi } from './visitor-api';
import { VisitorToken } from './visitor-token';
import { ACK_TIMEOUT_MS, VISITOR_SOCKET_FACTORY, VisitorSocket } from './visitor-socket';

export const PROFILE_STORAGE_KEY = 'hearth.chat.profile';
/** The server's limit on a message's text, counted in characters (an emoji is one). */
export const MAX_BODY_CHARS = 4000;
const TYPING_REPEAT_MS = 3000;
const TYPING_IDLE_MS = 4000;
/** Forget "typing…" if the staff member's `typing: false` never comes (they closed the tab). */
const STAFF_TYPING_TTL_MS = 8000;
// Ack codes that mean "not now" rather than "not like this": tried again later, never shown.
const TRANSIENT_CODES = /internal|unavailable|busy|rate|timeout|try_again/i;

export type { ChatItem, ChatItemImage } from './chat-item';

export type ConnectionState = 'connecting' | 'connected' | 'reconnecting';

export type Profile = { name: string | null; phone: string | null };

export type SendTextResult = 'queued' | 'empty' | 'too_long';

/**
 * The visitor's side of the web chat: the token, the socket, the conversation, and the outbox that
 * makes sending safe offline. Provided by the chat page; everything it shows is a signal here.
 */
@Injectable()
export class ChatSession implements OnDestroy {
  private readonly api = inject(VisitorApi);
  private readonly storage = inject(CHAT_STORAGE);
  private readonly token = inject(VisitorToken);
  private readonly makeSocket = inject(VISITOR_SOCKET_FACTORY);
  private readonly document = inject(DOCUMENT);

  readonly outbox = new Outbox(this.storage);
  private readonly history = new ChatHistory((clientId) => {
    if (this.outbox.remove(clientId)) this.releasePreview(clientId);
  });
  private readonly receipts = new Receipts();
  /** Object URLs of images being sent, by clientId; their files, while not yet uploaded. */
  private readonly previews = signal<ReadonlyMap<string, string>>(new Map());
  private readonly files = new Map<string, Blob>();

  private readonly connectionState = signal<ConnectionState>('connecting');
  private readonly browserOnline = signal(this.document.defaultView?.navigator.onLine ?? true);
  private readonly around = signal<boolean | null>(null);
  private readonly typingName = signal<string | null>(null);
  private readonly savedProfile = signal<Profile>(this.readProfile());

  /** Connected, or (re)connecting — which includes a browser that says it is offline. */
  readonly connection = computed<ConnectionState>(() => {
    const state = this.connectionState();
    return state === 'connected' && !this.browserOnline() ? 'reconnecting' : state;
  });
  /** Whether any staff member is online (null until the server says). */
  readonly staffAround = this.around.asReadonly();
  /** The name of the staff member typing a reply, or null. */
  readonly staffTyping = this.typingName.asReadonly();
  readonly historyLoaded = this.history.loaded;
  readonly hasOlder = this.history.hasOlder;
  readonly loadingOlder = this.history.loadingOlder;
  readonly profile = this.savedProfile.asReadonly();

  /** Stored messages oldest first, then what is still being sent. */
  readonly items = computed<readonly ChatItem[]>(() => {
    const stored = this.history.messages();
    const previews = this.previews();
    const storedIds = new Set(stored.filter((m) => m.from === 'customer').map((m) => m.clientId));
    const pending = this.outbox
      .entries()
      .filter((e) => !storedIds.has(e.clientId))
      .map((e) => fromEntry(e, previews.get(e.clientId)));
    return [...stored.map(fromMessage), ...pending];
  });

  private socket: VisitorSocket | null = null;
  private stopped = false;
  private everConnected = false;
  /** Bumped on each connection; work begun on an earlier one stops when it sees the change. */
  private generation = 0;
  private pumpGeneration = -1;
  private sendAttempt = 0;
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private typingSentAt = 0;
  private typingIdleTimer: ReturnType<typeof setTimeout> | null = null;
  private staffTypingTimer: ReturnType<typeof setTimeout> | null = null;
  private viewing = false;
  private readonly timers = new Set<ReturnType<typeof setTimeout>>();

  private readonly onStorage = (event: StorageEvent) => {
    if (event.key !== OUTBOX_STORAGE_KEY) return;
    this.outbox.syncFromStorage();
    void this.pump();
  };
  private readonly onVisibility = () => this.sendReceipts();
  // A socket can outlive a network drop without noticing (until its heartbeat fails): when the
  // browser is back online, resend at once what is in flight, with the same clientIds.
  private readonly onOnline = () => {
    this.browserOnline.set(true);
    if (this.socket?.connected) this.connected();
  };
  private readonly onOffline = () => this.browserOnline.set(false);

  /** Gets a visitor token if there is none, and connects. */
  start(): void {
    if (this.socket || this.stopped) return;
    const socket = this.makeSocket(() => this.token.current());
    this.socket = socket;
    socket.on('connect', () => this.connected());
    socket.on('disconnect', (reason) => this.disconnected(reason));
    socket.on('connect_error', (err) => void this.connectFailed(err));
    socket.on('chat.message', (message) => this.received(message));
    socket.on('chat.typing', ({ typing, name }) => this.staffTypingChanged(typing, name));
    socket.on('presence', ({ staffAround }) => this.around.set(staffAround));
    this.document.defaultView?.addEventListener('storage', this.onStorage);
    this.document.addEventListener('visibilitychange', this.onVisibility);
    this.document.defaultView?.addEventListener('online', this.onOnline);
    this.document.defaultView?.addEventListener('offline', this.onOffline);
    void this.token.get().then(
      () => this.stopped || socket.connect(),
      () => undefined,
    );
  }

  ngOnDestroy(): void {
    this.stopped = true;
    this.timers.forEach(clearTimeout);
    this.timers.clear();
    [this.retryTimer, this.typingIdleTimer, this.staffTypingTimer].forEach((t) => t && clearTimeout(t));
    this.document.defaultView?.removeEventListener('storage', this.onStorage);
    this.document.removeEventListener('visibilitychange', this.onVisibility);
    this.document.defaultView?.removeEventListener('online', this.onOnline);
    this.document.defaultView?.removeEventListener('offline', this.onOffline);
    this.socket?.disconnect();
    this.previews().forEach((url) => this.revoke(url));
  }

  /** Queues text to send. Nothing is sent for blank text or text over the limit. */
  sendText(text: string): SendTextResult {
    const body = text.trim();
    if (!body) return 'empty';
    if (Array.from(body).length > MAX_BODY_CHARS) return 'too_long';
    this.stopTyping();
    this.outbox.add({ clientId: newClientId(), createdAt: Date.now(), body, state: 'sending' });
    void this.pump();
    return 'queued';
  }

  /** Shows the image at once from a local preview, uploads it, then sends it. */
  sendImage(file: Blob): void {
    const clientId = newClientId();
    this.files.set(clientId, file);
    const url = this.document.defaultView?.URL?.createObjectURL?.(file);
    if (url) this.previews.update((m) => new Map(m).set(clientId, url));
    this.outbox.add({ clientId, createdAt: Date.now(), uploading: true, state: 'sending' });
    void this.upload(clientId);
  }

  /** Tries a message that did not go out again, with the same clientId. */
  retry(clientId: string): void {
    const entry = this.outbox.get(clientId);
    if (!entry || entry.state !== 'failed') return;
    if (!entry.imageId && !entry.body) {
      if (!this.files.has(clientId)) return;
      this.outbox.update(clientId, { state: 'sending', error: undefined, uploading: true });
      void this.upload(clientId);
      return;
    }
    this.outbox.update(clientId, { state: 'sending', error: undefined });
    void this.pump();
  }

  /** Drops an unsent message (the visitor chose to). */
  discard(clientId: string): void {
    this.outbox.remove(clientId);
    this.files.delete(clientId);
    this.releasePreview(clientId);
  }

  /** Loads the page of messages before the oldest shown. */
  async loadOlder(): Promise<void> {
    if (this.socket) await this.history.loadOlder(this.socket);
  }

  /** The visitor typed: says so at most every few seconds, and "stopped" after a pause. */
  noteTyping(): void {
    const socket = this.socket;
    if (!socket?.connected) return;
    const now = Date.now();
    if (now - this.typingSentAt >= TYPING_REPEAT_MS) {
      socket.emit('chat.typing', { typing: true });
      this.typingSentAt = now;
    }
    if (this.typingIdleTimer) clearTimeout(this.typingIdleTimer);
    this.typingIdleTimer = setTimeout(() => this.stopTyping(), TYPING_IDLE_MS);
  }

  stopTyping(): void {
    if (this.typingIdleTimer) clearTimeout(this.typingIdleTimer);
    this.typingIdleTimer = null;
    if (this.typingSentAt && this.socket?.connected) this.socket.emit('chat.typing', { typing: false });
    this.typingSentAt = 0;
  }

  /** Whether the newest messages are on screen (the list is scrolled to the bottom). */
  setViewing(viewing: boolean): void {
    this.viewing = viewing;
    if (viewing) this.sendReceipts();
  }

  /** Saves name and/or phone; a refusal carries the server's code and reason (null: not reachable). */
  async saveProfile(name: string, phone: string): Promise<{ ok: true } | { ok: false; error: OutboxError | null }> {
    const socket = this.socket;
    if (!socket?.connected) return { ok: false, error: null };
    const payload: { name?: string; phone?: string } = {};
    if (name.trim()) payload.name = name.trim();
    if (phone.trim()) payload.phone = phone.trim();
    try {
      const res = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('visitor.profile', payload);
      if (!res.ok) return { ok: false, error: { code: res.code, message: res.message } };
      const profile: Profile = { name: res.name, phone: res.phone };
      this.savedProfile.set(profile);
      this.storage.set(PROFILE_STORAGE_KEY, JSON.stringify(profile));
      return { ok: true };
    } catch {
      return { ok: false, error: null };
    }
  }

  private connected(): void {
    this.generation++;
    this.everConnected = true;
    this.connectionState.set('connected');
    this.sendAttempt = 0;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    void this.catchUp();
    void this.pump();
  }

  private disconnected(reason: string): void {
    this.connectionState.set(this.everConnected ? 'reconnecting' : 'connecting');
    // Stale while away; the server says again on reconnect.
    this.around.set(null);
    this.typingName.set(null);
    this.typingSentAt = 0;
    // The server hung up on purpose (a restart, say): socket.io does not come back by itself then.
    if (reason === 'io server disconnect' && !this.stopped) {
      void this.sleep(backoffMs(0)).then(() => this.stopped || this.socket?.connect());
    }
  }

  private async connectFailed(err: Error): Promise<void> {
    const socket = this.socket;
    if (!socket || this.stopped) return;
    if (err.message === 'visitor.invalid_token') {
      await this.renewToken(this.token.current());
      if (!this.stopped) socket.connect();
    } else if (!socket.active) {
      // Refused by the server for another reason: socket.io gives up, so try again later.
      await this.sleep(backoffMs(3));
      if (!this.stopped && !socket.connected) socket.connect();
    }
  }

  private received(message: ChatMessage): void {
    if (message.from === 'staff') this.staffTypingChanged(false, '');
    this.history.merge([message]);
    this.sendReceipts();
  }

  private staffTypingChanged(typing: boolean, name: string): void {
    if (this.staffTypingTimer) clearTimeout(this.staffTypingTimer);
    this.staffTypingTimer = null;
    this.typingName.set(typing ? name : null);
    if (typing) this.staffTypingTimer = setTimeout(() => this.typingName.set(null), STAFF_TYPING_TTL_MS);
  }

  /** On each connection, the history missed (see ChatHistory.catchUp); asked again on a failure. */
  private async catchUp(): Promise<void> {
    const socket = this.socket;
    const generation = this.generation;
    if (!socket) return;
    const current = () => generation === this.generation;
    try {
      if ((await this.history.catchUp(socket, current)) === 'loaded') this.sendReceipts();
    } catch {
      // Timed out or refused: ask again while this connection lasts.
      if (!current() || this.stopped) return;
      await this.sleep(backoffMs(1));
      if (current() && socket.connected) void this.catchUp();
    }
  }

  /** Sends sendable outbox entries one at a time, oldest first, while this connection lasts. */
  private async pump(): Promise<void> {
    const socket = this.socket;
    const generation = this.generation;
    if (!socket?.connected || this.pumpGeneration === generation) return;
    this.pumpGeneration = generation;
    try {
      while (generation === this.generation && socket.connected) {
        const next = this.outbox.entries().find(isSendable);
        if (!next) return;
        const outcome = await this.deliver(socket, next);
        if (generation !== this.generation) return;
        if (outcome === 'retry') {
          this.scheduleRetry();
          return;
        }
        if (outcome === 'sent') this.sendAttempt = 0;
      }
    } finally {
      if (this.pumpGeneration === generation) this.pumpGeneration = -1;
    }
  }

  private async deliver(socket: VisitorSocket, entry: OutboxEntry): Promise<'sent' | 'failed' | 'retry'> {
    const payload: { clientId: string; body?: string; imageId?: string } = { clientId: entry.clientId };
    if (entry.body) payload.body = entry.body;
    if (entry.imageId) payload.imageId = entry.imageId;
    let res: Ack<{ message: ChatMessage }>;
    try {
      res = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('chat.send', payload);
    } catch {
      return 'retry';
    }
    if (res.ok) {
      this.history.merge([res.message]);
      // Whatever clientId the server echoed, this entry is stored: never send it again.
      this.outbox.remove(entry.clientId);
      this.releasePreview(entry.clientId);
      return 'sent';
    }
    if (TRANSIENT_CODES.test(res.code)) return 'retry';
    this.outbox.update(entry.clientId, { state: 'failed', error: { code: res.code, message: res.message } });
    return 'failed';
  }

  private scheduleRetry(): void {
    if (this.retryTimer || this.stopped) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.pump();
    }, backoffMs(this.sendAttempt++));
  }

  private async upload(clientId: string): Promise<void> {
    let renewed = false;
    for (let attempt = 0; ; attempt++) {
      const file = this.files.get(clientId);
      if (!file || !this.outbox.get(clientId) || this.stopped) return;
      try {
        const token = await this.token.get();
        const res = await this.api.uploadImage(token, file, file instanceof File ? file.name : 'image');
        if (!this.outbox.get(clientId)) return;
        if (res.ok) {
          this.files.delete(clientId);
          this.outbox.update(clientId, { uploading: undefined, imageId: res.image.id, image: res.image });
          void this.pump();
          return;
        }
        if (res.status === 401 && !renewed) {
          renewed = true;
          await this.renewToken(token);
          continue;
        }
        if (res.status === 429) {
          await this.sleep(res.retryAfterMs ?? backoffMs(attempt));
          continue;
        }
        this.outbox.update(clientId, {
          uploading: undefined,
          state: 'failed',
          error: { code: res.code ?? `upload.${res.status}`, message: res.message ?? undefined },
        });
        return;
      } catch {
        await this.sleep(backoffMs(attempt));
      }
    }
  }

  /** Receipts for the newest staff message: delivered at once, read when it is on screen. */
  private sendReceipts(): void {
    const socket = this.socket;
    if (!socket?.connected) return;
    this.receipts.send(socket, this.history.newestFromStaff(), () => this.viewing && this.document.visibilityState === 'visible');
  }

  /**
   * The server no longer knows this token: start as a new visitor (a new, empty conversation).
   * Unsent messages stay in the outbox and go out in the new one.
   */
  private async renewToken(rejected: string): Promise<void> {
    if (this.token.forget(rejected)) {
      this.storage.remove(PROFILE_STORAGE_KEY);
      this.savedProfile.set({ name: null, phone: null });
      this.history.clear();
      this.receipts.clear();
    }
    await this.token.get();
  }

  private releasePreview(clientId: string): void {
    const url = this.previews().get(clientId);
    if (!url) return;
    this.revoke(url);
    this.previews.update((m) => {
      const next = new Map(m);
      next.delete(clientId);
      return next;
    });
  }

  private revoke(url: string): void {
    this.document.defaultView?.URL?.revokeObjectURL?.(url);
  }

  private readProfile(): Profile {
    try {
      const parsed = JSON.parse(this.storage.get(PROFILE_STORAGE_KEY) ?? 'null') as Partial<Profile> | null;
      return { name: parsed?.name ?? null, phone: parsed?.phone ?? null };
    } catch {
      return { name: null, phone: null };
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        resolve();
      }, ms);
      this.timers.add(timer);
    });
  }
}
