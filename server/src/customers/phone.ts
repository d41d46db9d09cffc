import { parsePhoneNumberFromString } from 'libphonenumber-js/max';

/**
 * A phone number in E.164 (+8613812345678), or null when it is not a valid number. Mainland China
 * is the default region; accepts "138 1234 5678", "138-1234-5678", "+86 138…", "0086 138…",
 * "86 138…" and full-width digits.
 */
export function normalizePhone(input: string): string | null {
  let s = input.normalize('NFKC').trim();
  const plus = s.startsWith('+');
  s = s.replace(/\D/g, '');
  if (!s) return null;
  if (!plus && s.startsWith('00')) s = s.slice(2);
  // "86 138…" is a mobile written with its country code but no plus; anything else is national.
  else if (!plus && !/^861\d{10}$/.test(s)) return valid(parsePhoneNumberFromString(s, 'CN'));
  return valid(parsePhoneNumberFromString(`+${s}`));
}

function valid(p: ReturnType<typeof parsePhoneNumberFromString>): string | null {
  return p && p.isValid() ? p.number : null;
}
