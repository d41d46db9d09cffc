import type { StoreVisitDetails, VisitOutcome, VisitReason } from '@hearth/contract';
import type { MessageKey } from '../core/i18n';
import type { TimelineEvent } from './customer';
import { apiPath, detail } from './event-renderer';

/** Why they came, in chip order. */
export const VISIT_REASONS: readonly VisitReason[] = ['repair', 'return', 'question', 'purchase', 'pickup', 'other'];
/** How it ended, in button order. */
export const VISIT_OUTCOMES: readonly VisitOutcome[] = ['solved', 'repair', 'follow_up', 'browsing'];

/** The one set of words for visit codes: the store's form and diary and the desk's card all use it. */
export const REASON_LABELS: Readonly<Record<VisitReason, MessageKey>> = {
  repair: 'store.reason.repair',
  return: 'store.reason.return',
  question: 'store.reason.question',
  purchase: 'store.reason.purchase',
  pickup: 'store.reason.pickup',
  other: 'store.reason.other',
};
export const OUTCOME_LABELS: Readonly<Record<VisitOutcome, MessageKey>> = {
  solved: 'store.outcome.solved',
  repair: 'store.outcome.repair',
  follow_up: 'store.outcome.follow_up',
  browsing: 'store.outcome.browsing',
};

export interface VisitPhoto {
  readonly url: string;
  readonly thumbUrl: string;
}

/** What a visit shows, in words, from either shape of `details` (see `storeVisitView`). */
export interface StoreVisitView {
  readonly storeName: string | null;
  readonly staffName: string | null;
  readonly reasons: readonly string[];
  readonly reasonText: string | null;
  readonly actions: string | null;
  readonly outcome: string | null;
  /** The outcome asks the service team to get back to them. */
  readonly followUp: boolean;
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
  const details: Partial<Record<keyof StoreVisitDetails, unknown>> & Record<string, unknown> = event.details ?? {};
  const structured = Array.isArray(details.reasons);
  const reasons = structured
    ? (details.reasons as unknown[]).filter((r): r is string => typeof r === 'string').map((r) => label(REASON_LABELS, r))
    : [detail(event, 'reason')].filter((r): r is string => !!r);
  const outcome = detail(event, 'outcome');
  const images = Array.isArray(details.images) ? (details.images as unknown[]) : [];
  const photos = images.flatMap((image): VisitPhoto[] => {
    if (!image || typeof image !== 'object') return [];
    const url = apiPath((image as Record<string, unknown>)['url']);
    const thumbUrl = apiPath((image as Record<string, unknown>)['thumbUrl']);
    return url && thumbUrl ? [{ url, thumbUrl }] : [];
  });
  return {
    storeName: text(details.storeName),
    staffName: text(details.staffName),
    reasons,
    reasonText: structured ? text(details.reasonText) : null,
    actions: structured ? text(details.actions) : null,
    outcome: outcome ? (structured ? label(OUTCOME_LABELS, outcome) : outcome) : null,
    followUp: structured && outcome === ('follow_up' satisfies VisitOutcome),
    followUpNote: text(details.followUpNote),
    photos,
    body: structured ? null : text(event.body),
  };
}
