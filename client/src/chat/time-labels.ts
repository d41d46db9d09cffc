import type { ChatLang } from './chat-i18n';

/** A new time label when more than this passed since the message before (WeChat shows about five minutes). */
export const TIME_GAP_MS = 5 * 60_000;

const EN_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function sameDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

function pad(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Whether a message at `at` starts a new group after one at `previous` (null: first shown). */
export function startsTimeGroup(previous: number | null, at: number): boolean {
  if (previous === null) return true;
  return at - previous > TIME_GAP_MS || !sameDay(new Date(previous), new Date(at));
}

/**
 * WeChat-style label in local time, to the minute: "10:32" today, "昨天 10:32" yesterday,
 * "11月20日 10:32" this year, "2024年11月20日 10:32" before (English: "Yesterday 10:32",
 * "Nov 20 10:32", "Nov 20, 2024 10:32").
 */
export function timeLabel(at: number, now: number, lang: ChatLang): string {
  const when = new Date(at);
  const today = new Date(now);
  const clock = `${pad(when.getHours())}:${pad(when.getMinutes())}`;
  if (sameDay(when, today)) return clock;
  const yesterday = new Date(today.getFullYear(), today.getMonth(), today.getDate() - 1);
  if (sameDay(when, yesterday)) return `${lang === 'en' ? 'Yesterday' : '昨天'} ${clock}`;
  const month = when.getMonth();
  const day = when.getDate();
  const year = when.getFullYear();
  if (lang === 'en') {
    return year === today.getFullYear() ? `${EN_MONTHS[month]} ${day} ${clock}` : `${EN_MONTHS[month]} ${day}, ${year} ${clock}`;
  }
  return year === today.getFullYear() ? `${month + 1}月${day}日 ${clock}` : `${year}年${month + 1}月${day}日 ${clock}`;
}
