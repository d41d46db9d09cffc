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

const byCreatedAt = (a: OutboxEntry, b: OutboxEntry) => a.createdAt - b.createdAt;

/**
 * The visitor's unsent messages, oldest first, mirrored to storage on every change. Every open tab
 * shares the stored list: each change re-reads it and applies only this tab's own change, so one
 * tab never erases another's messages.
 */
export class Outbox {
  private readonly list = signal<readonly OutboxEntry[]>([]);
  readonly entries = this.list.asReadonly();
  /** The clientIds storage held when this tab last read it; gone from there = settled elsewhere. */
  private seen = new Set<string>();

  constructor(
    private readonly store: KeyValueStore,
    private readonly key = OUTBOX_STORAGE_KEY,
  ) {
    this.list.set(this.mergeStored());
  }

  get(clientId: string): OutboxEntry | undefined {
    return this.list().find((e) => e.clientId === clientId);
  }

  add(entry: OutboxEntry): void {
    if (this.get(entry.clientId)) return;
    this.commit(entry.clientId, (current) => current ?? entry);
  }

  update(clientId: string, patch: Partial<Omit<OutboxEntry, 'clientId' | 'createdAt'>>): void {
    if (!this.get(clientId)) return;
    // Settled in another tab meanwhile: it stays gone.
    this.commit(clientId, (current) => (current ? { ...current, ...patch } : null));
  }

  /** Takes an entry out (acknowledged, or deleted by the visitor); true if it was there. */
  remove(clientId: string): boolean {
    if (!this.get(clientId)) return false;
    this.commit(clientId, () => null);
    return true;
  }

  /** Another tab changed the stored outbox: take its entries, keep this tab's uploads in flight. */
  syncFromStorage(): void {
    this.list.set(this.mergeStored());
  }

  /** Re-reads storage, applies this tab's change to one entry, and writes the result back. */
  private commit(clientId: string, change: (current: OutboxEntry | undefined) => OutboxEntry | null): void {
    const merged = this.mergeStored();
    const next = change(merged.find((e) => e.clientId === clientId));
    const others = merged.filter((e) => e.clientId !== clientId);
    const list = next ? [...others, next].sort(byCreatedAt) : others;
    this.list.set(list);
    const durable = list.filter(isDurable);
    if (durable.length) this.store.set(this.key, JSON.stringify(durable));
    else this.store.remove(this.key);
    this.seen = new Set(this.readStored().map((e) => e.clientId));
  }

  /**
   * Storage's entries (with other tabs' additions and changes), plus this tab's entries storage
   * never held: uploads in flight, or writes storage refused. An entry storage held before and no
   * longer does was settled in another tab, so it is dropped here too.
   */
  private mergeStored(): OutboxEntry[] {
    const stored = this.readStored();
    const storedIds = new Set(stored.map((e) => e.clientId));
    const localOnly = this.list().filter((e) => !storedIds.has(e.clientId) && !this.seen.has(e.clientId));
    this.seen = storedIds;
    return [...stored, ...localOnly].sort(byCreatedAt);
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
