import type { ChatImage, NewVisit, VisitOutcome, VisitReason } from '@hearth/contract';
import { newClientId } from '../../shared/client-id';
import { VISIT_OUTCOMES, VISIT_REASONS } from '../desk/store-visit';

/** Who the visit is for, as much as the form needs to show them. */
export interface DraftCustomer {
  readonly id: string;
  readonly displayName: string;
  readonly phone: string | null;
}

/** The visit form as typed so far. `clientId` is made once per draft and kept through every resend. */
export interface VisitDraft {
  readonly clientId: string;
  /** Only for staff who belong to no store (admins): where the visit was. */
  readonly storeId: string | null;
  readonly customer: DraftCustomer | null;
  readonly reasons: readonly VisitReason[];
  readonly reasonText: string;
  readonly actions: string;
  readonly outcome: VisitOutcome | null;
  readonly images: readonly ChatImage[];
  readonly followUpNote: string;
}

/** What still stops a draft from being saved. */
export type DraftProblem = 'reason' | 'outcome' | 'followUpNote';

/** A new form; an admin's store carries over from the last one. */
export function emptyDraft(storeId: string | null = null): VisitDraft {
  return {
    clientId: newClientId(),
    storeId,
    customer: null,
    reasons: [],
    reasonText: '',
    actions: '',
    outcome: null,
    images: [],
    followUpNote: '',
  };
}

/** Nothing chosen or typed yet (the store aside): the form can be replaced without losing anything. */
export function isBlank(draft: VisitDraft): boolean {
  return (
    !draft.customer &&
    draft.reasons.length === 0 &&
    !draft.reasonText.trim() &&
    !draft.actions.trim() &&
    !draft.outcome &&
    draft.images.length === 0 &&
    !draft.followUpNote.trim()
  );
}

export function draftProblems(draft: VisitDraft): readonly DraftProblem[] {
  const problems: DraftProblem[] = [];
  if (draft.reasons.length === 0 && !draft.reasonText.trim()) problems.push('reason');
  if (!draft.outcome) problems.push('outcome');
  else if (draft.outcome === 'follow_up' && !draft.followUpNote.trim()) problems.push('followUpNote');
  return problems;
}

/** The request body; the follow-up note goes only with a follow-up outcome. */
export function toNewVisit(draft: VisitDraft & { customer: DraftCustomer; outcome: VisitOutcome }): NewVisit {
  const reasonText = draft.reasonText.trim();
  const actions = draft.actions.trim();
  const followUpNote = draft.followUpNote.trim();
  return {
    clientId: draft.clientId,
    customerId: draft.customer.id,
    ...(draft.storeId ? { storeId: draft.storeId } : {}),
    reasons: [...draft.reasons],
    ...(reasonText ? { reasonText } : {}),
    ...(actions ? { actions } : {}),
    outcome: draft.outcome,
    imageIds: draft.images.map((image) => image.id),
    ...(draft.outcome === 'follow_up' && followUpNote ? { followUpNote } : {}),
  };
}

const isString = (v: unknown): v is string => typeof v === 'string';

function parseCustomer(value: unknown): DraftCustomer | null | undefined {
  if (value === null) return null;
  if (!value || typeof value !== 'object') return undefined;
  const c = value as Record<string, unknown>;
  if (!isString(c['id']) || !isString(c['displayName']) || !(c['phone'] === null || isString(c['phone']))) return undefined;
  return { id: c['id'], displayName: c['displayName'], phone: c['phone'] };
}

function isImage(value: unknown): value is ChatImage {
  return !!value && typeof value === 'object' && isString((value as ChatImage).id) && isString((value as ChatImage).thumbUrl);
}

/** A draft read back from storage, or null when it is not one (an older shape, or tampered). */
export function parseDraft(value: unknown): VisitDraft | null {
  if (!value || typeof value !== 'object') return null;
  const d = value as Record<string, unknown>;
  const clientId = d['clientId'];
  const customer = parseCustomer(d['customer']);
  if (!isString(clientId) || !/^[A-Za-z0-9_-]{8,64}$/.test(clientId) || customer === undefined) return null;
  const reasons = Array.isArray(d['reasons']) ? VISIT_REASONS.filter((r) => (d['reasons'] as unknown[]).includes(r)) : [];
  return {
    clientId,
    storeId: isString(d['storeId']) ? d['storeId'] : null,
    customer,
    reasons,
    reasonText: isString(d['reasonText']) ? d['reasonText'] : '',
    actions: isString(d['actions']) ? d['actions'] : '',
    outcome: VISIT_OUTCOMES.find((o) => o === d['outcome']) ?? null,
    images: Array.isArray(d['images']) ? d['images'].filter(isImage) : [],
    followUpNote: isString(d['followUpNote']) ? d['followUpNote'] : '',
  };
}
