import type { TimelineEvent } from '@hearth/contract';
import type { MaterialSymbol } from 'material-symbols';
import type { MessageKey } from '../core/i18n';

export type { TimelineEvent } from '@hearth/contract';

/** One way a customer reaches us (`IdentityDto`). */
export interface Identity {
  readonly id: string;
  /** 'web' | 'forum' | 'wechat:<appId>' | 'phone' … */
  readonly channel: string;
  readonly externalId: string;
  readonly displayName: string | null;
  readonly verified: boolean;
  readonly createdAt: string;
}

/** A customer as the server describes them (`CustomerDto`). */
export interface Customer {
  readonly id: string;
  readonly displayName: string;
  /** E.164, e.g. +8613900001111. */
  readonly phone: string | null;
  readonly notes: string;
  readonly identities: readonly Identity[];
  readonly lastEventAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Set when the customer's data was erased at their request (the page shows a tombstone). */
  readonly erasedAt?: string | null;
}

export interface SearchMatch {
  readonly field: 'name' | 'phone' | 'identity' | 'event';
  readonly text: string;
  readonly eventId?: string;
  readonly occurredAt?: string;
}

export interface SearchResult {
  readonly customer: Customer;
  /** Null for the recent-customers list (empty query). */
  readonly match: SearchMatch | null;
}

export interface TimelinePage {
  readonly events: readonly TimelineEvent[];
  readonly nextCursor: string | null;
}

/** The channels a timeline can be filtered by, in chip order. */
export const TIMELINE_CHANNELS = ['chat', 'wechat', 'forum', 'store', 'desk', 'system'] as const;
export type TimelineChannel = (typeof TIMELINE_CHANNELS)[number];

export const CHANNEL_LABELS: Readonly<Record<TimelineChannel, MessageKey>> = {
  chat: 'channel.chat',
  wechat: 'channel.wechat',
  forum: 'channel.forum',
  store: 'channel.store',
  desk: 'channel.desk',
  system: 'channel.system',
};

/** Identity channels carry an app id after a colon (`wechat:wx123`); the family is what we show. */
export function channelFamily(channel: string): string {
  const family = channel.split(':')[0];
  return family === 'web' ? 'chat' : family;
}

const CHANNEL_ICONS: Readonly<Record<string, MaterialSymbol>> = {
  chat: 'chat',
  wechat: 'chat_bubble',
  forum: 'forum',
  store: 'storefront',
  desk: 'sticky_note_2',
  system: 'settings',
  phone: 'call',
};

export function channelIcon(channel: string): MaterialSymbol {
  return CHANNEL_ICONS[channelFamily(channel)] ?? 'person';
}

/** Label key for a channel family; unknown families show their raw name. */
export function channelLabel(channel: string): MessageKey | null {
  const family = channelFamily(channel);
  if (family === 'phone') return 'channel.phone';
  return (CHANNEL_LABELS as Readonly<Record<string, MessageKey>>)[family] ?? null;
}

/** A channel's name in the reader's language; one this client does not know yet shows as sent. */
export function channelName(channel: string, t: (key: MessageKey) => string): string {
  const key = channelLabel(channel);
  return key ? t(key) : channel;
}

/** Event ids are increasing numeric strings: compare by length, then text (no precision loss). */
export function compareIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first: by when it happened, then by recording order. */
export function newestFirst(a: TimelineEvent, b: TimelineEvent): number {
  if (a.occurredAt !== b.occurredAt) return a.occurredAt < b.occurredAt ? 1 : -1;
  return compareIds(b.id, a.id);
}

/**
 * Adds `incoming` to `existing` (already newest first) without duplicates: an event already present
 * is replaced by the incoming copy. Returns `existing` itself when nothing changed.
 */
export function mergeEvents(
  existing: readonly TimelineEvent[],
  incoming: readonly TimelineEvent[],
): readonly TimelineEvent[] {
  if (incoming.length === 0) return existing;
  const byId = new Map(existing.map((e) => [e.id, e]));
  for (const event of incoming) byId.set(event.id, event);
  return [...byId.values()].sort(newestFirst);
}

/** The highest event id among `events`, or undefined when there are none. */
export function maxEventId(events: readonly TimelineEvent[], start?: string): string | undefined {
  let max = start;
  for (const e of events) if (!/^pending:/.test(e.id) && (max === undefined || compareIds(e.id, max) > 0)) max = e.id;
  return max;
}
