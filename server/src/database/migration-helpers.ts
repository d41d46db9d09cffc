import { QueryRunner, TableColumnOptions } from 'typeorm';

/**
 * Column builders for hand-written, database-neutral migrations (the same file runs on SQLite and
 * PostgreSQL). Keep these stable: committed migrations depend on them.
 */
export function columns(queryRunner: QueryRunner) {
  const pg = queryRunner.connection.options.type === 'postgres';
  const uuid = pg ? { type: 'uuid' } : { type: 'varchar', length: '36' };
  const now = pg ? 'now()' : "(strftime('%Y-%m-%d %H:%M:%f','now'))";
  return {
    // TypeORM makes uuids itself on SQLite; on PostgreSQL it expects the database to.
    id: (name = 'id'): TableColumnOptions => ({ name, ...uuid, isPrimary: true, ...(pg ? { default: 'gen_random_uuid()' } : {}) }),
    ref: (name: string, nullable = false): TableColumnOptions => ({ name, ...uuid, isNullable: nullable }),
    text: (name: string, length?: number, nullable = false): TableColumnOptions =>
      length ? { name, type: 'varchar', length: String(length), isNullable: nullable } : { name, type: 'text', isNullable: nullable },
    bool: (name: string, defaultValue: boolean): TableColumnOptions => ({ name, type: 'boolean', default: pg ? String(defaultValue) : defaultValue ? 1 : 0 }),
    int: (name: string, nullable = false): TableColumnOptions => ({ name, type: 'integer', isNullable: nullable }),
    json: (name: string, nullable = true): TableColumnOptions => ({ name, type: pg ? 'jsonb' : 'text', isNullable: nullable }),
    timestamp: (name: string, nullable = false): TableColumnOptions => ({ name, type: pg ? 'timestamptz' : 'datetime', isNullable: nullable }),
    createdAt: (name = 'created_at'): TableColumnOptions => ({ name, type: pg ? 'timestamptz' : 'datetime', default: now }),
    updatedAt: (name = 'updated_at'): TableColumnOptions => ({ name, type: pg ? 'timestamptz' : 'datetime', default: now }),
  };
}
