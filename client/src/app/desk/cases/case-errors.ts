import { HttpErrorResponse } from '@angular/common/http';
import { apiErrorCode, apiErrorMessage } from '../../core/api-error';
import type { I18n, MessageKey } from '../../core/i18n';
import { formatYuan } from '../../shared/money';

/** Codes of the cases API the person can act on, in their language. */
const BY_CODE: Readonly<Record<string, MessageKey>> = {
  'case.not_found': 'cases.error.notFound',
  'case.event_not_found': 'cases.error.eventNotFound',
  'case.event_in_other_case': 'cases.error.eventInOtherCase',
  'case.event_required': 'cases.error.eventRequired',
  'case.other_customer': 'cases.error.otherCustomer',
  'case.resolution_changed': 'cases.error.resolutionChanged',
  'case.already_open': 'cases.error.alreadyOpen',
  'gesture.not_found': 'cases.error.gestureNotFound',
  'gesture.over_allowance': 'cases.error.overAllowance',
  'gesture.not_giver': 'cases.error.notGiver',
};

/** Codes whose message names something the server sent along (`otherCaseTitle`, `changedBy`). */
const NAMED: Readonly<Record<string, { readonly field: string; readonly key: MessageKey }>> = {
  'case.event_in_other_case': { field: 'otherCaseTitle', key: 'cases.error.eventInOtherCaseNamed' },
  'case.resolution_changed': { field: 'changedBy', key: 'cases.error.resolutionChangedBy' },
};

/** An extra field of the error body (`leftCents`, `currentVersion`, …), when the server sent one. */
function extra(error: unknown, field: string): string | null {
  if (!(error instanceof HttpErrorResponse) || typeof error.error !== 'object' || error.error === null) return null;
  const value = (error.error as Record<string, unknown>)[field];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : null;
}

/**
 * What to tell the person when a case or gesture request failed, in their language: what is left
 * of the allowance, which case already has the event, who saved which version meanwhile, or the
 * app's plain message for the status.
 */
export function caseErrorText(error: unknown, i18n: I18n): string {
  const code = apiErrorCode(error);
  const key = code ? BY_CODE[code] : undefined;
  if (!key) return i18n.t(apiErrorMessage(error));
  const left = extra(error, 'leftCents');
  const named = NAMED[code!];
  const name = named ? extra(error, named.field)?.trim() : undefined;
  return i18n.t(name ? named.key : key, {
    left: left !== null && /^\d+$/.test(left) ? formatYuan(Number(left)) : '',
    version: extra(error, 'currentVersion') ?? '',
    title: name ?? '',
    name: name ?? '',
  });
}
