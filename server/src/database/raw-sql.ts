import type { DataSource, EntityManager } from 'typeorm';

/** JSON-able values (details, lists): not Dates, not binary. */
const isPlainObject = (p: unknown) => p !== null && typeof p === 'object' && !(p instanceof Date) && !Buffer.isBuffer(p) && !(p instanceof Uint8Array);

/** SQLite datetime text as TypeORM writes it: UTC 'YYYY-MM-DD HH:MM:SS.SSS'. */
const sqliteTime = (d: Date) => d.toISOString().replace('T', ' ').replace('Z', '');

/**
 * One SQL text for both databases, for the few hot paths where the query builder's overhead
 * matters (every chat message). Write PostgreSQL-style `$1` placeholders (one may repeat); on SQLite
 * they become `?` and Dates become TypeORM's datetime text. Objects become
 * JSON text on SQLite (jsonb takes the same text on PostgreSQL).
 */
export async function rawSql<T = unknown>(m: EntityManager | DataSource, text: string, params: unknown[]): Promise<T> {
  const options = 'connection' in m ? m.connection.options : m.options;
  if (options.type === 'postgres') {
    const result: unknown = await m.query(text, params.map((p) => (isPlainObject(p) ? JSON.stringify(p) : p)));
    // TypeORM answers UPDATE/DELETE on PostgreSQL with [rows, rowCount]; RETURNING rows are what we want.
    return (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? result[0] : result) as T;
  }
  // better-sqlite3 binds `?` in order only: each `$n` becomes `?` with its value repeated as needed.
  const values: unknown[] = [];
  const sql = text.replace(/\$(\d+)/g, (_, n: string) => {
    const p = params[Number(n) - 1];
    values.push(p instanceof Date ? sqliteTime(p) : isPlainObject(p) ? JSON.stringify(p) : p);
    return '?';
  });
  return m.query(sql, values) as Promise<T>;
}
