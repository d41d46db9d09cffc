// How the store screen reads and shows phone numbers. The server normalises (libphonenumber);
// here we only decide whether typed text is worth an exact phone look-up, and hide the middle
// digits on a screen the customer across the counter can see.

/**
 * Whether typed text reads as a whole phone number rather than a name or a fragment: digits with
 * the usual separators ("138 1234 5678", "+86 138-1234-5678", "(021) 6123 4567", full-width
 * digits), 10 to 15 digits in all.
 */
export function looksLikePhone(text: string): boolean {
  const s = text.normalize('NFKC').trim();
  if (!/^\+?[\d\s\-().]+$/.test(s)) return false;
  const digits = s.replace(/\D/g, '').length;
  return digits >= 10 && digits <= 15;
}

/** An E.164 number with its middle hidden: +8613812345678 → 138****5678. */
export function maskPhone(e164: string): string {
  const national = e164.startsWith('+86') ? e164.slice(3) : e164;
  const digits = national.replace(/\D/g, '');
  const prefix = national.startsWith('+') ? '+' : '';
  if (digits.length <= 7) return prefix + digits;
  return `${prefix}${digits.slice(0, 3)}${'*'.repeat(digits.length - 7)}${digits.slice(-4)}`;
}
