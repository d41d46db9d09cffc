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
