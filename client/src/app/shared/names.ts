import type { I18n } from '../core/i18n';

/** People (or places) as one list in the reader's language: 王芳、李雷 / Wang Fang, Li Lei. */
export function nameList(items: readonly { readonly name: string }[], i18n: I18n): string {
  return items.map((item) => item.name).join(i18n.t('shared.names.separator'));
}
