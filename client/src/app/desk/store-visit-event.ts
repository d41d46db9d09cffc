import { ChangeDetectionStrategy, Component, computed, inject, input } from '@angular/core';
import type { VisitOutcome, VisitReason } from '@hearth/contract';
import { I18n, MessageKey, TranslatePipe } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { EventRenderer, apiPath, detail } from './event-renderer';

const REASON_LABELS: Readonly<Record<VisitReason, MessageKey>> = {
  repair: 'event.store.reason.repair',
  return: 'event.store.reason.return',
  question: 'event.store.reason.question',
  purchase: 'event.store.reason.purchase',
  pickup: 'event.store.reason.pickup',
  other: 'event.store.reason.other',
};

const OUTCOME_LABELS: Readonly<Record<VisitOutcome, MessageKey>> = {
  solved: 'event.store.outcome.solved',
  repair: 'event.store.outcome.repair',
  follow_up: 'event.store.outcome.follow_up',
  browsing: 'event.store.outcome.browsing',
};

export interface VisitPhoto {
  readonly url: string;
  readonly thumbUrl: string;
}

/** What the card shows, in words, from either shape of `details` (see `storeVisitView`). */
export interface StoreVisitView {
  readonly storeName: string | null;
  readonly staffName: string | null;
  readonly reasons: readonly string[];
  readonly reasonText: string | null;
  readonly actions: string | null;
  readonly outcome: string | null;
  readonly followUpNote: string | null;
  readonly photos: readonly VisitPhoto[];
  /** Older visits keep what happened in the body; newer ones keep only a search summary there. */
  readonly body: string | null;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() ? value : null;
}


/**
 * Reads a `store.visit` event. Visits logged from the store screen carry `StoreVisitDetails`
 * (reason and outcome codes, photos, a note for us); older ones (the demo seed) carry
 * `{storeName, reason, outcome, staffName}` already in words, shown as they are.
 */
export function storeVisitView(event: TimelineEvent, t: (key: MessageKey) => string): StoreVisitView {
  // A known code in the reader's language; a code this client doesn't know yet, as sent.
  const label = <K extends string>(labels: Readonly<Record<K, MessageKey>>, value: string): string =>
    Object.hasOwn(labels, value) ? t(labels[value as K]) : value;
  const details = event.details ?? {};
  const structured = Array.isArray(details['reasons']);
  const reasons = structured
    ? (details['reasons'] as unknown[]).filter((r): r is string => typeof r === 'string').map((r) => label(REASON_LABELS, r))
    : [detail(event, 'reason')].filter((r): r is string => !!r);
  const outcome = detail(event, 'outcome');
  const images = Array.isArray(details['images']) ? (details['images'] as unknown[]) : [];
  const photos = images.flatMap((image): VisitPhoto[] => {
    if (!image || typeof image !== 'object') return [];
    const url = apiPath((image as Record<string, unknown>)['url']);
    const thumbUrl = apiPath((image as Record<string, unknown>)['thumbUrl']);
    return url && thumbUrl ? [{ url, thumbUrl }] : [];
  });
  return {
    storeName: text(details['storeName']),
    staffName: text(details['staffName']),
    reasons,
    reasonText: structured ? text(details['reasonText']) : null,
    actions: structured ? text(details['actions']) : null,
    outcome: outcome ? (structured ? label(OUTCOME_LABELS, outcome) : outcome) : null,
    followUpNote: text(details['followUpNote']),
    photos,
    body: structured ? null : text(event.body),
  };
}

/**
 * A walk-in visit: which store and who served them, why they came (chips), what was done, how it
 * ended (a plain label: an outcome is not an alarm), photos, and the store's note for the desk.
 */
@Component({
  selector: 'app-store-visit-event',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [TranslatePipe],
  templateUrl: './store-visit-event.html',
  styleUrl: './store-visit-event.scss',
})
export class StoreVisitEvent implements EventRenderer {
  private readonly i18n = inject(I18n);

  readonly event = input.required<TimelineEvent>();

  protected readonly view = computed(() => storeVisitView(this.event(), (key) => this.i18n.t(key)));
}
