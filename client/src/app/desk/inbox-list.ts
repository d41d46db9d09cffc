import type { InboxItem } from '@hearth/contract';
import type { I18n, Lang } from '../core/i18n';
import type { InboxChange } from '../core/realtime';
import { compareIds } from './customer';
import { clockTime, localDay } from './timeline-rows';

/** A loaded part of one inbox view, in that view's order. */
export interface InboxList {
  readonly items: readonly InboxItem[];
  /** Null once everything is loaded. */
  readonly nextCursor: string | null;
}

/** Who waits longest comes first: by the first unanswered message, then by customer. */
export function waitingOrder(a: InboxItem, b: InboxItem): number {
  const since = (a.waitingSince ?? '').localeCompare(b.waitingSince ?? '');
  return since || a.customerId.localeCompare(b.customerId);
}

/** Newest conversation first: by the last message. */
export function recentOrder(a: InboxItem, b: InboxItem): number {
  if (a.lastMessage.at !== b.lastMessage.at) return a.lastMessage.at < b.lastMessage.at ? 1 : -1;
  return compareIds(b.lastMessage.id, a.lastMessage.id);
}

/** True when the customer wrote after what this person has read. */
export function isUnread(item: Pick<InboxItem, 'lastCustomerMessageId' | 'readUpTo'>): boolean {
  // '0' (or nothing): the customer has not written yet, e.g. only left a phone number.
  const last = item.lastCustomerMessageId;
  if (!last || last === '0') return false;
  return !item.readUpTo || compareIds(last, item.readUpTo) > 0;
}

/**
 * Applies a live change to both views: a conversation leaves wherever it was and goes to
 * "waiting" when someone waits, else to "recent". It is placed only where it falls within what is
 * loaded: past the last loaded item of a view with more pages, it comes with a later page instead.
 */
export function applyInboxChange(
  lists: { readonly waiting: InboxList; readonly recent: InboxList },
  change: InboxChange,
  readUpTo: string,
): { waiting: InboxList; recent: InboxList } {
  const item: InboxItem = { ...change, readUpTo };
  const without = (list: InboxList): InboxList => ({
    ...list,
    items: list.items.filter((i) => i.customerId !== item.customerId),
  });
  const place = (list: InboxList, order: (a: InboxItem, b: InboxItem) => number): InboxList => {
    const last = list.items.at(-1);
    if (list.nextCursor !== null && last && order(item, last) > 0) return list;
    return { ...list, items: [...list.items, item].sort(order) };
  };
  const waiting = without(lists.waiting);
  const recent = without(lists.recent);
  return item.waitingSince
    ? { waiting: place(waiting, waitingOrder), recent }
    : { waiting, recent: place(recent, recentOrder) };
}

/** Adds a loaded page to a list, once per conversation (a live change may have brought one already). */
export function appendPage(list: InboxList, page: InboxList): InboxList {
  const known = new Set(list.items.map((i) => i.customerId));
  return { items: [...list.items, ...page.items.filter((i) => !known.has(i.customerId))], nextCursor: page.nextCursor };
}

/** A plain time: "10:32" today, ["yesterday", "10:32"] yesterday, a short date before. */
export type PlainTime =
  | { readonly kind: 'today'; readonly time: string }
  | { readonly kind: 'yesterday'; readonly time: string }
  | { readonly kind: 'date'; readonly date: string };

const dateFormats = new Map<string, Intl.DateTimeFormat>();

export function plainTime(iso: string, now: Date, lang: Lang): PlainTime {
  const day = localDay(iso);
  if (day === localDay(now)) return { kind: 'today', time: clockTime(iso, lang) };
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day === localDay(yesterday)) return { kind: 'yesterday', time: clockTime(iso, lang) };
  const sameYear = new Date(iso).getFullYear() === now.getFullYear();
  const key = `${lang}|${sameYear}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(lang, sameYear ? { month: 'short', day: 'numeric' } : { year: 'numeric', month: 'short', day: 'numeric' });
    dateFormats.set(key, format);
  }
  return { kind: 'date', date: format.format(new Date(iso)) };
}

/** A plain time in words: "10:32", "昨天 10:32", or the date. */
export function plainTimeWords(time: PlainTime, i18n: Pick<I18n, 't'>): string {
  if (time.kind === 'today') return time.time;
  if (time.kind === 'yesterday') return i18n.t('inbox.yesterdayAt', { time: time.time });
  return time.date;
}
