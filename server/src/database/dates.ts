/** A timestamp from a raw query: SQLite returns 'YYYY-MM-DD HH:MM:SS.SSS' in UTC without a zone. */
export function parseDbDate(value: string | Date): Date {
  if (value instanceof Date) return value;
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
