import type { TimelineEvent, VisitOutcome, VisitReason } from '@hearth/contract';
import { VISIT_OUTCOMES, VISIT_REASONS } from './visit-draft';

/** What the diary shows of a `store.visit` event, read defensively from its details. */
export interface VisitView {
  readonly reasons: readonly VisitReason[];
  readonly reasonText: string;
  readonly actions: string;
  readonly outcome: VisitOutcome | null;
  readonly followUpNote: string | null;
  readonly staffName: string | null;
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

export function visitView(event: TimelineEvent): VisitView {
  const d = event.details ?? {};
  const reasons = Array.isArray(d['reasons'])
    ? VISIT_REASONS.filter((r) => (d['reasons'] as unknown[]).includes(r))
    : [];
  const outcome = VISIT_OUTCOMES.find((o) => o === d['outcome']) ?? null;
  return {
    reasons,
    reasonText: text(d['reasonText']),
    actions: text(d['actions']),
    outcome,
    followUpNote: text(d['followUpNote']) || null,
    staffName: text(d['staffName']) || event.author.name,
  };
}
