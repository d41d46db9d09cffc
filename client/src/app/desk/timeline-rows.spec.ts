import { anEvent } from '../../testing/timeline';
import { clockTime, dayLabel, timelineRows } from './timeline-rows';

describe('timelineRows', () => {
  const now = new Date(2026, 10, 23, 15, 0);
  const at = (day: number, hour: number) => new Date(2026, 10, day, hour, 30).toISOString();

  it('should put one separator before each day, newest first', () => {
    const rows = timelineRows(
      [anEvent(4, { occurredAt: at(23, 10) }), anEvent(3, { occurredAt: at(23, 9) }), anEvent(2, { occurredAt: at(22, 18) }), anEvent(1, { occurredAt: at(20, 8) })],
      now,
      'zh-CN',
    );
    expect(rows.map((r) => (r.type === 'day' ? `day:${JSON.stringify(r.label)}` : r.key))).toEqual([
      'day:{"relative":"today"}',
      '4',
      '3',
      'day:{"relative":"yesterday"}',
      '2',
      'day:{"date":"2026年11月20日"}',
      '1',
    ]);
  });

  it('should format other days in the reader\'s language', () => {
    expect(dayLabel('2026-11-20', now, 'en')).toEqual({ date: 'November 20, 2026' });
  });

  it('should show a plain 24-hour time', () => {
    expect(clockTime(new Date(2026, 10, 23, 18, 5).toISOString(), 'zh-CN')).toBe('18:05');
  });
});
