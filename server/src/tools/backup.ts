import * as fs from 'node:fs';
import * as path from 'node:path';
import Database from 'better-sqlite3';
import type { AppConfig } from '../config/config';
import { addEraseAgain, type EraseAgain } from '../privacy/erase-again';

/** Where the server writes its process id, so a restore can refuse to swap the file under it. */
export const PID_FILE = 'server.pid';
const DB_FILE = 'hearth.sqlite';

export class BackupError extends Error {}

/** `20261204-153005`: sorts by time, safe in every file system. */
function stamp(now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
}

function sqliteFile(config: AppConfig): string {
  if (config.database.kind !== 'sqlite') {
    throw new BackupError('DATABASE_URL points at PostgreSQL: back it up with pg_dump (see the README), and DATA_DIR/uploads with it.');
  }
  return config.database.file;
}

/** Runs SQLite's own consistency check; a backup that fails it is not a backup. */
function checkIntegrity(file: string): void {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new BackupError(`${file} failed SQLite's integrity check: ${String(result)}`);
    db.prepare('SELECT count(*) FROM migrations').get();
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} is not a Hearth database (${(err as Error).message})`);
  } finally {
    db.close();
  }
}

/**
 * An online backup, safe while the server runs: `VACUUM INTO` writes one consistent snapshot in a
 * single read transaction (in WAL mode the server keeps writing meanwhile, and unlike the page-by-
 * page backup API it never has to start over when the source changes), then the uploaded images are
 * copied beside it. Images are written once and never changed; one deleted meanwhile (an erasure)
 * is simply not copied. Answers the new backup folder.
 */
export async function backup(config: AppConfig, into = path.join(config.dataDir, 'backups'), now = new Date()): Promise<string> {
  const source = sqliteFile(config);
  if (!fs.existsSync(source)) throw new BackupError(`No database at ${source}: nothing to back up.`);
  const target = path.join(into, `hearth-${stamp(now)}`);
  if (fs.existsSync(target)) throw new BackupError(`${target} already exists.`);
  fs.mkdirSync(target, { recursive: true });
  try {
    const db = new Database(source, { fileMustExist: true, timeout: 5000 });
    try {
      db.prepare('VACUUM INTO ?').run(path.join(target, DB_FILE));
    } finally {
      db.close();
    }
    checkIntegrity(path.join(target, DB_FILE));
    copyUploads(path.join(config.dataDir, 'uploads'), path.join(target, 'uploads'));
  } catch (err) {
    fs.rmSync(target, { recursive: true, force: true });
    throw err;
  }
  return target;
}

/** Finished images only (an upload in progress is a `.tmp`); a file removed meanwhile is skipped. */
function copyUploads(from: string, to: string): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(from, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  fs.mkdirSync(to, { recursive: true });
  for (const entry of entries) {
    const [src, dest] = [path.join(from, entry.name), path.join(to, entry.name)];
    if (entry.isDirectory()) copyUploads(src, dest);
    else if (entry.isFile() && !/\.(tmp|part)$/.test(entry.name)) {
      try {
        fs.copyFileSync(src, dest);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
    }
  }
}

function serverRunning(dataDir: string): number | null {
  const file = path.join(dataDir, PID_FILE);
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null; // A stale file from a server that was killed.
  }
}

/**
 * Puts a backup (the folder `backup` made, or a bare .sqlite file) in place of the live database.
 * Refuses while a server is running on this data folder. The replaced database and images are
 * kept beside it (`hearth.sqlite.before-restore-<time>`, `uploads.before-restore-<time>`), so a
 * restore can itself be undone. Customers erased since the backup was taken are listed for the
 * server to erase again when it starts (`eraseAgain`): a restore never brings back what someone
 * asked us to forget.
 */
export function restore(config: AppConfig, from: string, now = new Date()): { database: string; keptAside: string | null; eraseAgain: string[] } {
  const live = sqliteFile(config);
  const source = path.resolve(from);
  const isFolder = fs.existsSync(source) && fs.statSync(source).isDirectory();
  const dbFile = isFolder ? path.join(source, DB_FILE) : source;
  if (!fs.existsSync(dbFile)) throw new BackupError(`No backup at ${source}.`);
  checkIntegrity(dbFile);
  const pid = serverRunning(config.dataDir);
  if (pid) throw new BackupError(`A Hearth server (pid ${pid}) is running on ${config.dataDir}: stop it first, then restore.`);

  fs.mkdirSync(config.dataDir, { recursive: true });
  const suffix = `before-restore-${stamp(now)}`;
  let keptAside: string | null = null;
  if (fs.existsSync(live)) {
    // Moved aside untouched, with its WAL and shared-memory files under the matching names, so
    // SQLite reads the kept copy complete (even one too damaged to open now).
    keptAside = `${live}.${suffix}`;
    for (const ext of ['', '-wal', '-shm']) if (fs.existsSync(`${live}${ext}`)) fs.renameSync(`${live}${ext}`, `${keptAside}${ext}`);
  }
  for (const ext of ['-wal', '-shm']) fs.rmSync(`${live}${ext}`, { force: true });
  fs.copyFileSync(dbFile, live);

  const uploads = path.join(config.dataDir, 'uploads');
  const backedUpUploads = path.join(source, 'uploads');
  if (isFolder && fs.existsSync(backedUpUploads)) {
    if (fs.existsSync(uploads)) fs.renameSync(uploads, `${uploads}.${suffix}`);
    fs.cpSync(backedUpUploads, uploads, { recursive: true });
  }
  const eraseAgain = keptAside ? erasedSince(keptAside, live) : [];
  addEraseAgain(config.dataDir, eraseAgain);
  return { database: live, keptAside, eraseAgain: eraseAgain.map((e) => e.customerId) };
}

/** Customers erased in the database that was replaced but not in the restored one, with who erased them. */
function erasedSince(replaced: string, restored: string): EraseAgain[] {
  let erased: { id: string; staff_id: string | null; staff_name: string | null; staff_role: string | null }[];
  const before = new Database(replaced, { readonly: true, fileMustExist: true });
  try {
    erased = before
      .prepare(
        `SELECT c.id, a.staff_id, a.staff_name, a.staff_role FROM customers c
         LEFT JOIN audit_log a ON a.id = (SELECT MAX(id) FROM audit_log WHERE action = 'customer.erase' AND target_id = c.id)
         WHERE c.erased_at IS NOT NULL`,
      )
      .all() as typeof erased;
  } catch (err) {
    // A database from before erasure existed (no erased_at or audit_log): nobody was erased in it.
    if (/no such (column|table)/.test((err as Error).message)) return [];
    throw err;
  } finally {
    before.close();
  }
  if (!erased.length) return [];
  const after = new Database(restored, { readonly: true, fileMustExist: true });
  try {
    // A copy from before erasure existed has no erased_at yet (the server migrates it at start).
    const erasable = after.prepare("SELECT 1 FROM pragma_table_info('customers') WHERE name = 'erased_at'").get() ? ' AND erased_at IS NULL' : '';
    const find = after.prepare(`SELECT id FROM customers WHERE id = ? AND merged_into_id IS NULL${erasable}`);
    return erased
      .filter((c) => find.get(c.id))
      .map((c) => ({
        customerId: c.id,
        // The entry is always there for an erasure made through Hearth; the fallback names the tool.
        staff: { id: c.staff_id ?? '00000000-0000-0000-0000-000000000000', displayName: c.staff_name ?? 'npm run restore', role: (c.staff_role ?? 'admin') as EraseAgain['staff']['role'] },
      }));
  } finally {
    after.close();
  }
}
