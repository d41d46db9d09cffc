import { DOCUMENT, inject } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { Auth } from '../core/auth';

// Replies not yet stored and reply drafts live in the tab's sessionStorage (see ChatOutbox):
// entries carry their `staffId`, drafts are keyed `<staffId>:<customerId>`.
export const OUTBOX_KEY = 'hearth.desk.outbox';
export const DRAFTS_KEY = 'hearth.desk.drafts';

/** The tab's sessionStorage, or null where the browser refuses it. */
export function sessionStorageOf(document: Document): Storage | null {
  try {
    return document.defaultView?.sessionStorage ?? null;
  } catch {
    return null;
  }
}

export function readJson<T>(storage: Storage | null, key: string): T | null {
  try {
    const raw = storage?.getItem(key);
    return raw ? (JSON.parse(raw) as T) : null;
  } catch {
    return null;
  }
}

export function writeJson(storage: Storage | null, key: string, value: unknown): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Storage full or refused: the memory copy still holds for this page.
  }
}

/** Whether a reply draft key belongs to this staff member. */
export function isDraftOf(key: string, staffId: string): boolean {
  return key.startsWith(`${staffId}:`);
}

/** Drops one person's unsent replies and reply drafts from the tab's storage. */
export function forgetReplies(storage: Storage | null, staffId: string): void {
  const outbox = readJson<unknown>(storage, OUTBOX_KEY);
  if (Array.isArray(outbox)) {
    const kept = outbox.filter((e: unknown) => !(e && typeof e === 'object' && (e as { staffId?: unknown }).staffId === staffId));
    if (kept.length !== outbox.length) writeJson(storage, OUTBOX_KEY, kept);
  }
  const drafts = readJson<unknown>(storage, DRAFTS_KEY);
  if (drafts && typeof drafts === 'object' && !Array.isArray(drafts)) {
    const entries = Object.entries(drafts);
    const kept = entries.filter(([key]) => !isDraftOf(key, staffId));
    if (kept.length !== entries.length) writeJson(storage, DRAFTS_KEY, Object.fromEntries(kept));
  }
}

/**
 * Whoever signs out leaves none of their replies or drafts in the tab for the next person, even
 * when this page never opened a conversation (ChatOutbox also clears its own copy). Run once at start.
 */
export function forgetRepliesOnSignOut(): void {
  const storage = sessionStorageOf(inject(DOCUMENT));
  inject(Auth)
    .signedOut$.pipe(takeUntilDestroyed())
    .subscribe((staff) => forgetReplies(storage, staff.id));
}
