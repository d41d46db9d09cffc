// Calendar days and months as people in the stores' time zone (STORE_TIMEZONE) live them.

type Parts = { year: number; month: number; day: number; hour: number; minute: number; second: number };

function localParts(at: Date, timeZone: string): Parts {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  });
  const p = Object.fromEntries(format.formatToParts(at).map((x) => [x.type, Number(x.value)]));
  return { year: p.year, month: p.month, day: p.day, hour: p.hour, minute: p.minute, second: p.second };
}

/** How far the zone's clock is ahead of UTC at an instant, in ms. */
function zoneOffset(at: Date, timeZone: string): number {
  const p = localParts(at, timeZone);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(at.getTime() / 1000) * 1000;
}

/** When today began in a time zone (e.g. a store's), as a UTC instant. */
export function startOfLocalDay(now: Date, timeZone: string): Date {
  const p = localParts(now, timeZone);
  return new Date(Date.UTC(p.year, p.month - 1, p.day) - zoneOffset(now, timeZone));
}

/** The local midnight that starts a calendar date (month 1–12; day may overflow, e.g. day 1 of month 13). */
export function startOfLocalDate(year: number, month: number, day: number, timeZone: string): Date {
  const guess = Date.UTC(year, month - 1, day);
  // The offset at local midnight, found from a first guess (right unless a clock change falls between).
  const first = guess - zoneOffset(new Date(guess), timeZone);
  return new Date(guess - zoneOffset(new Date(first), timeZone));
}

/** 'YYYY-MM-DD HH:mm' of an instant in a time zone. */
export function localDateTime(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${two(p.month)}-${two(p.day)} ${two(p.hour)}:${two(p.minute)}`;
}

/** 'YYYY-MM' of an instant in a time zone. */
export function localMonth(at: Date, timeZone: string): string {
  const p = localParts(at, timeZone);
  return `${p.year}-${String(p.month).padStart(2, '0')}`;
}

/** The instants a local month ('YYYY-MM') starts and ends (exclusive). */
export function localMonthRange(month: string, timeZone: string): { start: Date; end: Date } {
  const [year, m] = month.split('-').map(Number);
  return { start: startOfLocalDate(year, m, 1, timeZone), end: startOfLocalDate(year, m + 1, 1, timeZone) };
}
