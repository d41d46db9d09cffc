import type { Lang } from '../core/i18n';
import type { TimelineEvent } from './customer';

export type TimelineRow =
  | { readonly type: 'day'; readonly key: string; readonly label: DayLabel }
  | { readonly type: 'event'; readonly key: string; readonly event: TimelineEvent };

/** 'today' and 'yesterday' are translated by the caller; other days come formatted. */
export type DayLabel = { readonly relative: 'today' | 'yesterday' } | { readonly date: string };

/** The local calendar day of an instant, as YYYY-MM-DD. */
export function localDay(iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** Formatters are costly to build and a long history formats thousands of dates: keep them. */
function formatter(lang: Lang, kind: 'date' | 'time'): Intl.DateTimeFormat {
  const key = `${lang}|${kind}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(
      lang,
      kind === 'date'
        ? { year: 'numeric', month: 'long', day: 'numeric' }
        : { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    );
    formats.set(key, format);
  }
  return format;
}

export function dayLabel(day: string, now: Date, lang: Lang): DayLabel {
  if (day === localDay(now)) return { relative: 'today' };
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day === localDay(yesterday)) return { relative: 'yesterday' };
  const [y, m, d] = day.split('-').map(Number);
  return { date: formatter(lang, 'date').format(new Date(y, m - 1, d)) };
}

/** Events (newest first) with a separator before the first event of each calendar day. */
export function timelineRows(events: readonly TimelineEvent[], now: Date, lang: Lang): TimelineRow[] {
  const rows: TimelineRow[] = [];
  let current: string | null = null;
  for (const event of events) {
    const day = localDay(event.occurredAt);
    if (day !== current) {
      current = day;
      rows.push({ type: 'day', key: `day:${day}`, label: dayLabel(day, now, lang) });
    }
    rows.push({ type: 'event', key: event.id, event });
  }
  return rows;
}

/** HH:mm in the reader's language, 24-hour. */
export function clockTime(iso: string, lang: Lang): string {
  return formatter(lang, 'time').format(new Date(iso));
}

/** A calendar date, e.g. 2026年11月20日 / November 20, 2026. */
export function calendarDate(iso: string, lang: Lang): string {
  return formatter(lang, 'date').format(new Date(iso));
}
