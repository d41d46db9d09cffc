import type { ParamMap, Params } from '@angular/router';
import type { MessageKey } from '../core/i18n';
import type { StoryQuery } from './stories-api';

/** The channels a story can be filtered by, in chip order. */
export const STORY_CHANNELS = ['chat', 'wechat', 'forum', 'store', 'desk'] as const;
export type StoryChannel = (typeof STORY_CHANNELS)[number];

/** Named periods, in chip order; 'custom' is a from–to range of dates. */
export const PERIODS = ['all', 'week', 'month', 'last-month', 'custom'] as const;
export type Period = (typeof PERIODS)[number];

export const PERIOD_LABELS: Readonly<Record<Period, MessageKey>> = {
  all: 'stories.period.all',
  week: 'stories.period.week',
  month: 'stories.period.month',
  'last-month': 'stories.period.lastMonth',
  custom: 'stories.period.custom',
};

/** What the feed shows, exactly as the address bar says it (so a link can be shared). */
export interface StoryFilters {
  readonly q: string;
  readonly theme: string | null;
  readonly channel: StoryChannel | null;
  readonly storeId: string | null;
  readonly period: Period;
  /** Only with the 'custom' period: local dates, YYYY-MM-DD. */
  readonly from: string | null;
  readonly to: string | null;
}

export const NO_FILTERS: StoryFilters = {
  q: '',
  theme: null,
  channel: null,
  storeId: null,
  period: 'all',
  from: null,
  to: null,
};

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function isChannel(value: string | null): value is StoryChannel {
  return value !== null && (STORY_CHANNELS as readonly string[]).includes(value);
}

function dateParam(value: string | null): string | null {
  return value && DATE.test(value) ? value : null;
}

/** Reads the filters from the query string; anything unknown or malformed is left out. */
export function filtersFromParams(params: ParamMap): StoryFilters {
  const channel = params.get('channel');
  const from = dateParam(params.get('from'));
  const to = dateParam(params.get('to'));
  const period = params.get('period');
  const named = period === 'week' || period === 'month' || period === 'last-month' ? period : null;
  return {
    q: params.get('q')?.trim() ?? '',
    theme: params.get('theme') || null,
    channel: isChannel(channel) ? channel : null,
    storeId: params.get('store') || null,
    // Dates in the address mean a custom range, whatever else it says.
    period: from || to ? 'custom' : (named ?? (period === 'custom' ? 'custom' : 'all')),
    from,
    to,
  };
}

/**
 * The query string for `filters`: every key present (null removes it when merged into the URL),
 * so switching one filter never leaves another's leftovers behind.
 */
export function filtersToParams(filters: StoryFilters): Params {
  const custom = filters.period === 'custom';
  return {
    q: filters.q.trim() || null,
    theme: filters.theme,
    channel: filters.channel,
    store: filters.storeId,
    period: filters.period === 'all' || (custom && (filters.from || filters.to)) ? null : filters.period,
    from: custom ? filters.from : null,
    to: custom ? filters.to : null,
  };
}

export function hasFilters(filters: StoryFilters): boolean {
  return (
    !!filters.q ||
    !!filters.theme ||
    !!filters.channel ||
    !!filters.storeId ||
    filters.period !== 'all'
  );
}

/** A local calendar date as YYYY-MM-DD. */
export function isoDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The dates a period covers on `now`'s calendar; weeks start on Monday. Empty for 'all'. This
 * week and this month have no end: a story resolved "tomorrow" in the stores' time zone (a
 * browser a few hours behind) is still this week's.
 */
export function periodRange(filters: StoryFilters, now: Date): { from?: string; to?: string } {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  switch (filters.period) {
    case 'week': {
      const monday = new Date(today);
      monday.setDate(today.getDate() - ((today.getDay() + 6) % 7));
      return { from: isoDate(monday) };
    }
    case 'month':
      return { from: isoDate(new Date(today.getFullYear(), today.getMonth(), 1)) };
    case 'last-month':
      return {
        from: isoDate(new Date(today.getFullYear(), today.getMonth() - 1, 1)),
        to: isoDate(new Date(today.getFullYear(), today.getMonth(), 0)),
      };
    case 'custom':
      return { ...(filters.from ? { from: filters.from } : {}), ...(filters.to ? { to: filters.to } : {}) };
    default:
      return {};
  }
}

/** What the feed asks the server for these filters on `now`'s calendar. */
export function storyQuery(filters: StoryFilters, now: Date): StoryQuery {
  return {
    ...(filters.q ? { q: filters.q } : {}),
    ...(filters.theme ? { theme: filters.theme } : {}),
    ...(filters.channel ? { channel: filters.channel } : {}),
    ...(filters.storeId ? { storeId: filters.storeId } : {}),
    ...periodRange(filters, now),
  };
}
