import 'reflect-metadata';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { PID_FILE } from './tools/backup';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  if (config.database.kind === 'sqlite') {
    // `npm run restore` refuses to swap the database file under a running server.
    const pidFile = path.join(config.dataDir, PID_FILE);
    fs.writeFileSync(pidFile, String(process.pid));
    process.on('exit', () => fs.rmSync(pidFile, { force: true }));
  }
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  console.log(`Hearth is serving the desk and API on http://localhost:${config.port} (database: ${where})`);
}

main().catch((err: unknown) => {
  // A bad setting or an unusable data folder is the operator's to fix: say what, not a stack.
  const message = err instanceof ConfigError || (err instanceof Error && /^(DATA_DIR|REDIS_URL) /.test(err.message)) ? err.message : err;
  console.error('Hearth could not start:', message);
  process.exit(1);
});
