import { localDateTime, localMonth, localMonthRange, startOfLocalDate, startOfLocalDay } from './local-time';

describe(startOfLocalDay.name, () => {
  it('should give midnight in Shanghai as a UTC instant', () => {
    expect(startOfLocalDay(new Date('2026-11-23T16:06:00Z'), 'Asia/Shanghai').toISOString()).toBe('2026-11-23T16:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-11-23T15:59:59Z'), 'Asia/Shanghai').toISOString()).toBe('2026-11-22T16:00:00.000Z');
  });

  it('should follow daylight saving where a zone has it', () => {
    expect(startOfLocalDay(new Date('2026-07-01T12:00:00Z'), 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfLocalDay(new Date('2026-12-01T12:00:00Z'), 'Europe/London').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});

describe(localMonth.name, () => {
  it('should name the month as the stores live it, not as UTC does', () => {
    expect(localMonth(new Date('2026-11-30T16:30:00Z'), 'Asia/Shanghai')).toBe('2026-12');
    expect(localMonth(new Date('2026-11-30T15:30:00Z'), 'Asia/Shanghai')).toBe('2026-11');
  });
});

describe(localMonthRange.name, () => {
  it('should start and end a month at local midnight, across a year end', () => {
    expect(localMonthRange('2026-12', 'Asia/Shanghai')).toEqual({ start: new Date('2026-11-30T16:00:00Z'), end: new Date('2026-12-31T16:00:00Z') });
  });

  it('should follow daylight saving', () => {
    expect(localMonthRange('2026-07', 'Europe/London').start.toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfLocalDate(2026, 12, 1, 'Europe/London').toISOString()).toBe('2026-12-01T00:00:00.000Z');
  });
});

describe(localDateTime.name, () => {
  it('should write the local date and minute, across midnight', () => {
    expect(localDateTime(new Date('2026-11-23T16:05:00Z'), 'Asia/Shanghai')).toBe('2026-11-24 00:05');
  });
});
