/** Amounts are kept in fen (分; ¥1 = 100 fen) and typed in yuan. */

/** The most one gesture may cost (the server's limit): ¥100,000. */
export const MAX_COST_CENTS = 10_000_000;

/**
 * Yuan as typed ("12", "12.5", "12.50", "¥12", "1,200") → fen; '' → null (no cost);
 * undefined when it is not an amount (negative, more than two decimals, letters).
 */
export function yuanToCents(text: string): number | null | undefined {
  const plain = text.replace(/[\s,，]/g, '').replace(/^[¥￥]/, '');
  if (plain === '') return null;
  const match = /^(\d+)(?:\.(\d{0,2}))?$/.exec(plain);
  if (!match) return undefined;
  // Digits, not floating point: "0.29" is 29 fen, never 28.999….
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** Fen → "¥300" or "¥12.50" (whole yuan without decimals). */
export function formatYuan(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const yuan = Math.floor(abs / 100).toLocaleString('en-US');
  const fen = abs % 100;
  return `${sign}¥${yuan}${fen ? `.${String(fen).padStart(2, '0')}` : ''}`;
}

/** Fen → what goes back in a yuan field ("12.5" → "12.50"; whole yuan → "12"). */
export function centsToYuanText(cents: number | null): string {
  if (cents === null) return '';
  return cents % 100 ? (cents / 100).toFixed(2) : String(cents / 100);
}
