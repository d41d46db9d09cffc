import { startsTimeGroup, timeLabel } from './time-labels';

// Local times, as the page shows them.
const at = (y: number, mo: number, d: number, h: number, mi: number, s = 0) => new Date(y, mo - 1, d, h, mi, s).getTime();
const NOW = at(2026, 11, 23, 15, 0);

describe('startsTimeGroup', () => {
  it('should start a group at the first message', () => {
    expect(startsTimeGroup(null, NOW)).toBe(true);
  });

  it('should keep messages within five minutes together', () => {
    expect(startsTimeGroup(at(2026, 11, 23, 10, 32), at(2026, 11, 23, 10, 32, 40))).toBe(false);
    expect(startsTimeGroup(at(2026, 11, 23, 10, 32), at(2026, 11, 23, 10, 37))).toBe(false);
  });

  it('should start a group when more than five minutes passed', () => {
    expect(startsTimeGroup(at(2026, 11, 23, 10, 32), at(2026, 11, 23, 10, 37, 1))).toBe(true);
  });

  it('should start a group on a new day even within five minutes', () => {
    expect(startsTimeGroup(at(2026, 11, 22, 23, 59), at(2026, 11, 23, 0, 1))).toBe(true);
  });
});

describe('timeLabel', () => {
  it('should show only the time today, to the minute', () => {
    expect(timeLabel(at(2026, 11, 23, 10, 32, 59), NOW, 'zh-CN')).toBe('10:32');
    expect(timeLabel(at(2026, 11, 23, 9, 5), NOW, 'en')).toBe('09:05');
  });

  it('should say yesterday', () => {
    expect(timeLabel(at(2026, 11, 22, 10, 32), NOW, 'zh-CN')).toBe('昨天 10:32');
    expect(timeLabel(at(2026, 11, 22, 23, 59), NOW, 'en')).toBe('Yesterday 23:59');
  });

  it('should give month and day earlier this year', () => {
    expect(timeLabel(at(2026, 11, 20, 10, 32), NOW, 'zh-CN')).toBe('11月20日 10:32');
    expect(timeLabel(at(2026, 1, 2, 8, 0), NOW, 'en')).toBe('Jan 2 08:00');
  });

  it('should give the year for earlier years', () => {
    expect(timeLabel(at(2025, 12, 31, 22, 10), NOW, 'zh-CN')).toBe('2025年12月31日 22:10');
    expect(timeLabel(at(2025, 12, 31, 22, 10), NOW, 'en')).toBe('Dec 31, 2025 22:10');
  });

  it('should count yesterday across a month boundary', () => {
    expect(timeLabel(at(2026, 11, 30, 18, 0), at(2026, 12, 1, 9, 0), 'zh-CN')).toBe('昨天 18:00');
  });
});
