import * as fs from 'node:fs';
import * as path from 'node:path';
import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PID_FILE } from './backup';

/**
 * `DATA_DIR/server.pid` while a server runs on the embedded database, so `npm run restore` refuses
 * to swap the file under it. Removed when the server stops: on Nest's shutdown (SIGTERM/SIGINT
 * end the process by sending the signal again, which skips 'exit') and on any other exit.
 */
@Injectable()
export class PidFile implements OnApplicationShutdown {
  private file: string | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** main.ts, once the server listens (tests never write one). */
  write(): void {
    if (this.config.database.kind !== 'sqlite') return;
    this.file = path.join(this.config.dataDir, PID_FILE);
    fs.writeFileSync(this.file, String(process.pid));
    process.once('exit', () => this.remove());
  }

  onApplicationShutdown(): void {
    this.remove();
  }

  private remove(): void {
    if (this.file) fs.rmSync(this.file, { force: true });
    this.file = null;
  }
}
