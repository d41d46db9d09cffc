import { centsToYuanText, formatYuan, yuanToCents } from './money';

describe('money', () => {
  it('should turn typed yuan into whole fen without rounding errors', () => {
    expect(yuanToCents('12')).toBe(1200);
    expect(yuanToCents('12.5')).toBe(1250);
    expect(yuanToCents('0.29')).toBe(29);
    expect(yuanToCents('¥1,200.05')).toBe(120005);
    expect(yuanToCents(' 3. ')).toBe(300);
  });

  it('should read an empty field as no cost and refuse what is not an amount', () => {
    expect(yuanToCents('')).toBeNull();
    expect(yuanToCents('-5')).toBeUndefined();
    expect(yuanToCents('1.234')).toBeUndefined();
    expect(yuanToCents('abc')).toBeUndefined();
  });

  it('should show fen as yuan, decimals only when there are any', () => {
    expect(formatYuan(30000)).toBe('¥300');
    expect(formatYuan(12050)).toBe('¥120.50');
    expect(formatYuan(1000000)).toBe('¥10,000');
    expect(centsToYuanText(12050)).toBe('120.50');
    expect(centsToYuanText(30000)).toBe('300');
    expect(centsToYuanText(null)).toBe('');
  });
});
