import { convertToParamMap } from '@angular/router';
import { NO_FILTERS, filtersFromParams, filtersToParams, hasFilters, periodRange, storyQuery } from './story-filters';

describe('story filters', () => {
  // Thursday 20 November 2026, local time.
  const now = new Date(2026, 10, 20, 15, 30);

  it('should read every filter from the address', () => {
    const filters = filtersFromParams(
      convertToParamMap({ q: ' 屏幕 ', theme: '电池', channel: 'wechat', store: 'store-sh', period: 'month' }),
    );

    expect(filters).toEqual({
      q: '屏幕',
      theme: '电池',
      channel: 'wechat',
      storeId: 'store-sh',
      period: 'month',
      from: null,
      to: null,
    });
  });

  it('should leave out an unknown channel, period or malformed date', () => {
    const filters = filtersFromParams(convertToParamMap({ channel: 'fax', period: 'decade', from: '20-11-2026' }));

    expect(filters).toEqual(NO_FILTERS);
  });

  it('should take dates in the address as a custom period', () => {
    const filters = filtersFromParams(convertToParamMap({ from: '2026-10-01', to: '2026-10-15', period: 'week' }));

    expect(filters.period).toBe('custom');
    expect(periodRange(filters, now)).toEqual({ from: '2026-10-01', to: '2026-10-15' });
  });

  it('should write every key so that changing one filter clears what no longer applies', () => {
    expect(filtersToParams({ ...NO_FILTERS, theme: '屏幕', period: 'week' })).toEqual({
      q: null,
      theme: '屏幕',
      channel: null,
      store: null,
      period: 'week',
      from: null,
      to: null,
    });
    expect(filtersToParams({ ...NO_FILTERS, period: 'custom', from: '2026-11-01', to: null })).toMatchObject({
      period: null,
      from: '2026-11-01',
      to: null,
    });
    expect(filtersToParams({ ...NO_FILTERS, period: 'custom' })).toMatchObject({ period: 'custom' });
  });

  it('should round-trip through the address', () => {
    const filters = { ...NO_FILTERS, q: '退货', channel: 'store' as const, period: 'last-month' as const };
    const params = Object.fromEntries(Object.entries(filtersToParams(filters)).filter(([, v]) => v !== null));

    expect(filtersFromParams(convertToParamMap(params))).toEqual(filters);
  });

  it.each([
    ['week', { from: '2026-11-16' }],
    ['month', { from: '2026-11-01' }],
    ['last-month', { from: '2026-10-01', to: '2026-10-31' }],
    ['all', {}],
  ] as const)('should turn the period %s into local dates (weeks start on Monday)', (period, range) => {
    expect(periodRange({ ...NO_FILTERS, period }, now)).toEqual(range);
  });

  it('should start a Sunday in the week that began the Monday before', () => {
    const sunday = new Date(2026, 10, 22, 10, 0);

    expect(periodRange({ ...NO_FILTERS, period: 'week' }, sunday)).toEqual({ from: '2026-11-16' });
  });

  it('should say whether any filter is on', () => {
    expect(hasFilters(NO_FILTERS)).toBe(false);
    expect(hasFilters({ ...NO_FILTERS, storeId: 'store-sh' })).toBe(true);
    expect(hasFilters({ ...NO_FILTERS, period: 'week' })).toBe(true);
  });

  it('should ask only for what is set', () => {
    expect(storyQuery(NO_FILTERS, now)).toEqual({});
    expect(storyQuery({ ...NO_FILTERS, q: '屏幕', storeId: 's1', period: 'month' }, now)).toEqual({
      q: '屏幕',
      storeId: 's1',
      from: '2026-11-01',
    });
  });
});
