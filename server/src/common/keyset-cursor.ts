/**
 * A keyset position: the (time, id) of the last row a page ended on, opaque to clients. Each list
 * says what a valid id looks like and answers a bad cursor with its own error.
 */
export function encodeKeyset(at: Date, id: string | number): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString('base64url');
}

/** The position, or null when `value` is not one this list made. */
export function decodeKeyset(value: string, isId: (id: string) => boolean): { at: Date; id: string } | null {
  const [iso, id] = Buffer.from(value, 'base64url').toString('utf8').split('|');
  const at = new Date(iso ?? '');
  return iso && id && !Number.isNaN(at.getTime()) && isId(id) ? { at, id } : null;
}
