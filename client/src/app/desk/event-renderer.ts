import type { InputSignal } from '@angular/core';
import type { TimelineEvent } from './customer';

/** What every kind renderer receives. */
export interface EventRenderer {
  readonly event: InputSignal<TimelineEvent>;
}

/** A text detail, or null when missing or not text (details come from many channels). */
export function detail(event: TimelineEvent, key: string): string | null {
  const value = event.details?.[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/** Only web links may become hrefs: a detail could carry `javascript:`. */
export function safeUrl(url: string | null): string | null {
  return url && /^https?:\/\//i.test(url) ? url : null;
}

/**
 * A path on our own API (`/api/…`), or null: images in details may only load from us, never from
 * another site (`//evil.example`), a `javascript:` or `data:` URL, or a path that climbs out (`..`).
 */
export function apiPath(url: unknown): string | null {
  if (typeof url !== 'string') return null;
  return /^\/api\/[A-Za-z0-9._~\-/]+$/.test(url) && !/\/\.\.?(\/|$)|\/\//.test(url) ? url : null;
}
