import { randomBytes } from 'node:crypto';
import { createReadStream, ReadStream } from 'node:fs';
import * as fs from 'node:fs/promises';
import * as path from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/config';

/**
 * Image files under `<dataDir>/uploads`. Paths given to and taken from here are relative to that
 * folder, with forward slashes, as stored in the database.
 */
@Injectable()
export class ImageStore implements OnApplicationBootstrap {
  private readonly logger = new Logger(ImageStore.name);
  readonly root: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.root = path.join(config.dataDir, 'uploads');
  }

  /** At boot: remove `.tmp` files that a crash mid-upload left behind (older than an hour). */
  async onApplicationBootstrap(): Promise<void> {
    await this.sweepTemporaryFiles(60 * 60 * 1000).catch((err: Error) => this.logger.warn({ msg: 'Upload sweep failed', reason: err.message }));
  }

  async sweepTemporaryFiles(olderThanMs: number): Promise<number> {
    const names = await fs.readdir(this.root, { recursive: true }).catch(() => [] as string[]);
    let removed = 0;
    for (const name of names.filter((n) => n.endsWith('.tmp'))) {
      const file = path.join(this.root, name);
      const stat = await fs.stat(file).catch(() => null);
      if (stat?.isFile() && Date.now() - stat.mtimeMs > olderThanMs) {
        await fs.rm(file, { force: true });
        removed++;
      }
    }
    if (removed) this.logger.log({ msg: 'Removed unfinished uploads', count: removed });
    return removed;
  }

  /**
   * Writes to a temporary name beside the target, flushes it to disk, then renames: a crash leaves
   * at most a `.tmp` file, never a half image under its final name.
   */
  async write(relative: string, data: Buffer): Promise<void> {
    const target = this.resolve(relative);
    await fs.mkdir(path.dirname(target), { recursive: true });
    const temp = `${target}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      const file = await fs.open(temp, 'wx', 0o640);
      try {
        await file.writeFile(data);
        await file.sync();
      } finally {
        await file.close();
      }
      await fs.rename(temp, target);
    } catch (err) {
      await fs.rm(temp, { force: true });
      throw err;
    }
  }

  async remove(relative: string): Promise<void> {
    await fs.rm(this.resolve(relative), { force: true });
  }

  /** An open stream and its size, or null when the file is gone. */
  async open(relative: string): Promise<{ stream: ReadStream; size: number } | null> {
    const file = this.resolve(relative);
    try {
      const stat = await fs.stat(file);
      if (!stat.isFile()) return null;
      return { stream: createReadStream(file), size: stat.size };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  /** Absolute path; refuses anything that would leave the uploads folder (paths come from the database, but still). */
  resolve(relative: string): string {
    const file = path.resolve(this.root, relative);
    if (!file.startsWith(this.root + path.sep)) throw new Error(`Image path outside the uploads folder: ${relative}`);
    return file;
  }
}
