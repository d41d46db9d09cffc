import { Column, ColumnOptions, CreateDateColumn, PrimaryColumn, PrimaryColumnOptions, UpdateDateColumn } from 'typeorm';

/**
 * One entity maps to both databases: SQLite has `datetime`, PostgreSQL `timestamptz`.
 * The database is chosen by DATABASE_URL before any entity module is loaded.
 */
export function usesPostgres(env: NodeJS.ProcessEnv = process.env): boolean {
  return !!env.DATABASE_URL;
}

const timestampType = () => (usesPostgres() ? 'timestamptz' : 'datetime');

/** A reference to another row's uuid id: native `uuid` on PostgreSQL, `varchar(36)` on SQLite. */
export const RefColumn = (options: ColumnOptions = {}) =>
  Column(usesPostgres() ? { type: 'uuid', ...options } : { type: 'varchar', length: 36, ...options });

/** A reference that is (part of) the primary key, e.g. one row per customer. */
export const RefPrimaryColumn = (options: PrimaryColumnOptions = {}) =>
  PrimaryColumn(usesPostgres() ? { type: 'uuid', ...options } : { type: 'varchar', length: 36, ...options });

export const TimestampColumn = (options: ColumnOptions = {}) => Column({ type: timestampType(), ...options });
export const CreatedAtColumn = (name = 'created_at') => CreateDateColumn({ name, type: timestampType() });
export const UpdatedAtColumn = (name = 'updated_at') => UpdateDateColumn({ name, type: timestampType() });
