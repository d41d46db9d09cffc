import { startOfLocalDay } from './local-day';

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
