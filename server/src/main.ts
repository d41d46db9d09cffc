import 'reflect-metadata';
import { createApp } from './app.factory';
import { ConfigError, loadConfig } from './config/config';
import { PidFile } from './tools/pid-file';

async function main() {
  const config = loadConfig();
  const app = await createApp(config);
  await app.listen(config.port, config.host);
  app.get(PidFile).write();
  const where = config.database.kind === 'sqlite' ? config.database.file : 'PostgreSQL';
  console.log(`Hearth is serving the desk and API on http://localhost:${config.port} (database: ${where})`);
}

main().catch((err: unknown) => {
  // A bad setting or an unusable data folder is the operator's to fix: say what, not a stack.
  const message = err instanceof ConfigError || (err instanceof Error && /^(DATA_DIR|REDIS_URL) /.test(err.message)) ? err.message : err;
  console.error('Hearth could not start:', message);
  process.exit(1);
});
