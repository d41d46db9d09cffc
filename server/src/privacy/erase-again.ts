import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Staff } from '../staff/staff.entity';

/**
 * Customers erased after the backup that was just restored, left in DATA_DIR by `npm run restore`:
 * the restored database still holds what they asked us to forget. The server erases them again
 * when it next starts, before it serves anyone, in the name of whoever erased them the first time
 * (EraseAgainAfterRestore). No Nest here: the restore tool reads and writes the list too.
 */
export const ERASE_AGAIN_FILE = 'erase-again.json';

export type EraseAgain = { customerId: string; staff: Pick<Staff, 'id' | 'displayName' | 'role'> };

export function readEraseAgain(dataDir: string): EraseAgain[] {
  const file = path.join(dataDir, ERASE_AGAIN_FILE);
  if (!fs.existsSync(file)) return [];
  const list: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (!Array.isArray(list)) throw new Error(`${file} is not a list of erasures`);
  return list as EraseAgain[];
}

/** Adds to what is waiting (two restores in a row before the server starts keep both lists). */
export function addEraseAgain(dataDir: string, more: EraseAgain[]): void {
  if (!more.length) return;
  const waiting = readEraseAgain(dataDir);
  const known = new Set(waiting.map((e) => e.customerId));
  const all = [...waiting, ...more.filter((e) => !known.has(e.customerId))];
  fs.writeFileSync(path.join(dataDir, ERASE_AGAIN_FILE), JSON.stringify(all, null, 2));
}
