import { isUniqueViolation } from './errors';

/**
 * Writes something a client may send twice (a double click, a retry with the same client id).
 * `find` looks for what an earlier copy stored; only when there is none does `create` run. A copy
 * racing this one (both past the look) is refused by the unique key, and then answered with what
 * the winner stored.
 */
export async function createOnce<S, C>(find: () => Promise<S | null>, create: () => Promise<C>): Promise<{ stored: S } | { created: C }> {
  const stored = await find();
  if (stored) return { stored };
  try {
    return { created: await create() };
  } catch (err) {
    const won = isUniqueViolation(err) ? await find() : null;
    if (!won) throw err;
    return { stored: won };
  }
}
