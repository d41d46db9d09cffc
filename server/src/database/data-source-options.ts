import * as fs from 'node:fs';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/config';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

/** The one description of the database, used by the server and by the migration CLI (ormconfig.ts). */
export function dataSourceOptions(config: AppConfig): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTransactionMode: 'each' as const,
    synchronize: false,
    // Off: TypeORM would print failed SQL with its parameters (password hashes, messages) to the console.
    // Errors still reach the exception filter, which logs them without parameters.
    logging: false,
  };
  if (config.database.kind === 'postgres') {
    return { type: 'postgres', url: config.database.url, ...common };
  }
  return {
    type: 'better-sqlite3',
    database: config.database.file,
    enableWAL: true,
    // Busy timeout in ms: a second process (backup, CLI) waits instead of failing.
    timeout: 5000,
    // Prepared statements are reused across requests; the query builder makes a few hundred shapes.
    statementCacheSize: 1000,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      // FULL: a commit is on disk before we acknowledge it, so acknowledged data survives power loss.
      db.pragma('synchronous = FULL');
    },
    ...common,
  };
}

/** Below this much free space a start would fail half-way (migrations, the demo seed) or soon after. */
export const MIN_FREE_BYTES = 20 * 1024 * 1024;

/**
 * Fails early, with a message a person can act on, when the data directory cannot be written
 * (read-only mount, wrong owner, disk full) instead of a driver error deep inside a migration.
 */
export function ensureWritableDataDir(config: AppConfig): void {
  if (config.database.kind !== 'sqlite') return;
  const probe = `${config.dataDir}/.write-check-${process.pid}`;
  try {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(probe, 'ok');
    fs.rmSync(probe);
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    throw new Error(`DATA_DIR ${config.dataDir} is not writable (${reason}). Point DATA_DIR at a writable folder with free space.`);
  }
  const { bavail, bsize } = fs.statfsSync(config.dataDir);
  const free = bavail * bsize;
  if (free < MIN_FREE_BYTES) {
    const mb = (n: number) => `${Math.floor(n / 1024 / 1024)} MB`;
    throw new Error(`DATA_DIR ${config.dataDir} has only ${mb(free)} free; Hearth needs at least ${mb(MIN_FREE_BYTES)}. Free some space or point DATA_DIR elsewhere.`);
  }
}
