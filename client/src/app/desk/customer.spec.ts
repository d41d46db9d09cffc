import { anEvent } from '../../testing/timeline';
import { channelName, compareIds, maxEventId, mergeEvents } from './customer';

describe('customer timeline helpers', () => {
  it('should compare numeric ids without losing precision', () => {
    expect(compareIds('9', '10')).toBeLessThan(0);
    expect(compareIds('90071992547409931', '90071992547409930')).toBeGreaterThan(0);
  });

  it('should merge without duplicates, newest first', () => {
    const merged = mergeEvents([anEvent(3), anEvent(1)], [anEvent(2), anEvent(3), anEvent(4)]);
    expect(merged.map((e) => e.id)).toEqual(['4', '3', '2', '1']);
  });

  it('should order by when it happened, not when it was recorded', () => {
    const late = anEvent(9, { occurredAt: '2026-10-01T08:00:00.000Z' });
    const merged = mergeEvents([anEvent(2), anEvent(1)], [late]);
    expect(merged.map((e) => e.id)).toEqual(['2', '1', '9']);
  });

  it('should find the highest id, ignoring pending notes', () => {
    expect(maxEventId([anEvent(9), anEvent(10), anEvent('pending:x')])).toBe('10');
  });

  it('should name a channel by its family, and show an unknown one as sent', () => {
    const t = (key: string) => `<${key}>`;
    expect(channelName('wechat:wx123', t)).toBe('<channel.wechat>');
    expect(channelName('web', t)).toBe('<channel.chat>');
    expect(channelName('desk', t)).toBe('<channel.desk>');
    expect(channelName('fax', t)).toBe('fax');
  });
});
