import 'reflect-metadata';
import { ConfigError, loadConfig } from '../config/config';
import { BackupError, backup, restore } from './backup';

const USAGE = 'Usage: npm run backup              (online backup of DATA_DIR to DATA_DIR/backups/hearth-<time>/)\n' +
  '       npm run restore <backup folder or .sqlite file>   (with the server stopped)';

/** `npm run backup` and `npm run restore FILE`: the same settings (DATA_DIR, DATABASE_URL) as the server. */
async function main(argv: string[]): Promise<void> {
  const [command, target] = argv;
  const config = loadConfig();
  if (command === 'backup') {
    const folder = await backup(config, target);
    console.log(`Backed up to ${folder}`);
    console.log(`Restore it with: npm run restore ${folder}`);
    return;
  }
  if (command === 'restore' && target) {
    const { database, keptAside, eraseAgain } = restore(config, target);
    console.log(`Restored ${target} into ${database}.`);
    if (keptAside) console.log(`The database it replaced is kept at ${keptAside}.`);
    if (eraseAgain.length) {
      console.log(`${eraseAgain.length} customer(s) were erased after this backup was taken; the server erases them again when it starts: ${eraseAgain.join(', ')}`);
    }
    return;
  }
  console.error(USAGE);
  process.exitCode = 2;
}

main(process.argv.slice(2)).catch((err: unknown) => {
  const known = err instanceof BackupError || err instanceof ConfigError;
  console.error(known ? (err as Error).message : err);
  process.exitCode = 1;
});
