import { signal } from '@angular/core';
import type { ChatImage } from '@hearth/contract';
import type { KeyValueStore } from './chat-storage';

export const OUTBOX_STORAGE_KEY = 'hearth.chat.outbox';

/** Why an entry did not go out: a server code and message, or one of the page's own reasons. */
export type OutboxError = { code: string; message?: string };

/**
 * A message the visitor sent that the server has not acknowledged yet. Text (and uploaded images)
 * are kept in localStorage from the moment of sending until the ack, so neither a lost
 * connection nor a reload loses them; the same `clientId` goes out on every retry.
 */
export type OutboxEntry = {
  readonly clientId: string;
  readonly createdAt: number;
  readonly body?: string;
  /** Set once the image is uploaded; an image entry without it is still uploading. */
  readonly imageId?: string;
  readonly image?: ChatImage;
  /** An image still on its way to the server (its file lives only in this page's memory). */
  readonly uploading?: boolean;
  readonly state: 'sending' | 'failed';
  readonly error?: OutboxError;
};

/** An entry the server could store as it is: text, or an image it already has. */
export function isSendable(entry: OutboxEntry): boolean {
  return entry.state === 'sending' && !entry.uploading && (!!entry.body || !!entry.imageId);
}

// Only what can be sent again survives a reload: an image whose upload had not finished is
// gone with the page (the file was never stored), so it is kept in memory only.
function isDurable(entry: OutboxEntry): boolean {
  return !entry.uploading && (!!entry.body || !!entry.imageId);
}

function isEntry(value: unknown): value is OutboxEntry {
  if (!value || typeof value !== 'object') return false;
  const e = value as Record<string, unknown>;
  return (
    typeof e['clientId'] === 'string' &&
    typeof e['createdAt'] === 'number' &&
    (e['state'] === 'sending' || e['state'] === 'failed') &&
    (typeof e['body'] === 'string' || typeof e['imageId'] === 'string')
  );
}

/** The visitor's unsent messages, oldest first, mirrored to storage on every change. */
export class Outbox {
  private readonly list = signal<readonly OutboxEntry[]>([]);
  readonly entries = this.list.asReadonly();

  constructor(
    private readonly store: KeyValueStore,
    private readonly key = OUTBOX_STORAGE_KEY,
  ) {
    this.list.set(this.readStored());
  }

  get(clientId: string): OutboxEntry | undefined {
    return this.list().find((e) => e.clientId === clientId);
  }

  add(entry: OutboxEntry): void {
    if (this.get(entry.clientId)) return;
    this.commit([...this.list(), entry]);
  }

  update(clientId: string, patch: Partial<Omit<OutboxEntry, 'clientId' | 'createdAt'>>): void {
    if (!this.get(clientId)) return;
    this.commit(this.list().map((e) => (e.clientId === clientId ? { ...e, ...patch } : e)));
  }

  /** Takes an entry out (acknowledged, or deleted by the visitor); true if it was there. */
  remove(clientId: string): boolean {
    if (!this.get(clientId)) return false;
    this.commit(this.list().filter((e) => e.clientId !== clientId));
    return true;
  }

  /** Another tab changed the stored outbox: take its entries, keep this tab's uploads in flight. */
  syncFromStorage(): void {
    const stored = this.readStored();
    const storedIds = new Set(stored.map((e) => e.clientId));
    const localOnly = this.list().filter((e) => !isDurable(e) && !storedIds.has(e.clientId));
    this.list.set([...stored, ...localOnly].sort((a, b) => a.createdAt - b.createdAt));
  }

  private commit(next: readonly OutboxEntry[]): void {
    this.list.set(next);
    const durable = next.filter(isDurable);
    if (durable.length) this.store.set(this.key, JSON.stringify(durable));
    else this.store.remove(this.key);
  }

  private readStored(): OutboxEntry[] {
    const raw = this.store.get(this.key);
    if (!raw) return [];
    try {
      const parsed: unknown = JSON.parse(raw);
      return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
    } catch {
      return [];
    }
  }
}
