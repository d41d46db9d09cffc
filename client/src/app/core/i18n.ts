import { DOCUMENT, Injectable, Pipe, PipeTransform, computed, inject, signal } from '@angular/core';
import { en } from './messages.en';
import { MessageKey, Messages, zhCN } from './messages.zh-CN';

export type { MessageKey } from './messages.zh-CN';

export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';
export const LANG_STORAGE_KEY = 'hearth.lang';

/** Each language's name in its own script, so a reader can always find theirs. */
export const LANG_NAMES: Readonly<Record<Lang, string>> = { 'zh-CN': '简体中文', en: 'English' };

export type MessageParams = Readonly<Record<string, string | number>>;

const DICTIONARIES: Readonly<Record<Lang, Messages>> = { 'zh-CN': zhCN, en };

function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** The UI language: a signal, a typed `t(key)` and the `<html lang>` attribute kept in step. */
@Injectable({ providedIn: 'root' })
export class I18n {
  private readonly document = inject(DOCUMENT);
  private readonly current = signal<Lang>(this.readStoredLang());

  readonly lang = this.current.asReadonly();
  private readonly messages = computed(() => DICTIONARIES[this.current()]);

  constructor() {
    this.document.documentElement.lang = this.current();
  }

  setLang(lang: Lang): void {
    this.current.set(lang);
    this.document.documentElement.lang = lang;
    try {
      this.document.defaultView?.localStorage.setItem(LANG_STORAGE_KEY, lang);
    } catch {
      // Private browsing may refuse storage; the choice still holds for this visit.
    }
  }

  /** Translates `key` into the current language, filling `{name}`-style placeholders. */
  t(key: MessageKey, params?: MessageParams): string {
    const text = this.messages()[key];
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (match, name: string) =>
      name in params ? String(params[name]) : match,
    );
  }

  private readStoredLang(): Lang {
    try {
      const stored = this.document.defaultView?.localStorage.getItem(LANG_STORAGE_KEY);
      return isLang(stored) ? stored : DEFAULT_LANG;
    } catch {
      return DEFAULT_LANG;
    }
  }
}

/**
 * `{{ 'nav.desk' | t }}`. Impure so it re-reads the language signal on every check; the signal
 * read also marks OnPush views for refresh when the language changes.
 */
@Pipe({ name: 't', pure: false })
export class TranslatePipe implements PipeTransform {
  private readonly i18n = inject(I18n);

  transform(key: MessageKey, params?: MessageParams): string {
    return this.i18n.t(key, params);
  }
}
