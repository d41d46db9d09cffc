import { apiErrorMessage, apiErrorStatus, apiErrorText } from '../../core/api-error';
import type { I18n } from '../../core/i18n';

/**
 * What to tell the person when a case or gesture request failed: the server's own words for a
 * conflict (they name the other case, the colleague, or what is left of the allowance), else the
 * app's plain message for the status.
 */
export function caseErrorText(error: unknown, i18n: I18n): string {
  const status = apiErrorStatus(error);
  const text = apiErrorText(error);
  if (text && (status === 409 || status === 404 || status === 403)) return text;
  return i18n.t(apiErrorMessage(error));
}
