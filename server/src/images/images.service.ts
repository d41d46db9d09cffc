import { randomUUID } from 'node:crypto';
import type { ReadStream } from 'node:fs';
import * as path from 'node:path';
import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Transactor } from '../database/transactor';
import type { ChatImage } from '../realtime/contract';
import { ChatImageEntity, UploaderType } from './chat-image.entity';
import type { UploadedImageFile } from './image-upload.interceptor';
import { processImage } from './image-processing';
import { ImageStore } from './image-store';
import { ImageErrors } from './images.errors';
import { toChatImage } from './images.mapper';
import { UUID_PATTERN as UUID } from '../common/ids';

export type Uploader = { type: UploaderType; id: string };


@Injectable()
export class ImagesService {
  private readonly logger = new Logger(ImagesService.name);

  constructor(
    @InjectRepository(ChatImageEntity) private readonly images: Repository<ChatImageEntity>,
    private readonly tx: Transactor,
    private readonly store: ImageStore,
  ) {}

  /** Checks, re-encodes and stores an upload. On any failure nothing is kept: no row, no file. */
  async upload(uploader: Uploader, file: UploadedImageFile | undefined): Promise<ChatImageEntity> {
    if (!file) throw ImageErrors.missing();
    const processed = await processImage(file.buffer);

    const id = randomUUID();
    // Two hex characters of the id spread files over 256 folders.
    const storagePath = `images/${id.slice(0, 2)}/${id}.${processed.kind.ext}`;
    const thumbPath = `thumbs/${id.slice(0, 2)}/${id}.webp`;
    const image = this.images.create({
      id,
      mime: processed.kind.mime,
      bytes: processed.original.length,
      width: processed.width,
      height: processed.height,
      storagePath,
      thumbPath,
      uploaderType: uploader.type,
      uploaderId: uploader.id,
    });
    // Files first, then the row: a row never points at a missing file. If the row fails, the files go.
    try {
      await this.store.write(storagePath, processed.original);
      await this.store.write(thumbPath, processed.thumb);
      await this.tx.run((m) => m.insert(ChatImageEntity, image));
    } catch (err) {
      await Promise.all([this.store.remove(storagePath), this.store.remove(thumbPath)]).catch(() => undefined);
      throw err;
    }
    this.logger.log({ msg: 'Chat image stored', imageId: id, uploaderType: uploader.type, mime: image.mime, bytes: image.bytes });
    return image;
  }

  /**
   * The bytes of an image or its thumbnail. No access check on purpose: the id is the capability
   * (see ImagesController). A malformed id is simply not found.
   */
  async read(id: string, variant: 'original' | 'thumb'): Promise<{ mime: string; filename: string; stream: ReadStream; size: number }> {
    const image = await this.find(id);
    if (!image) throw ImageErrors.notFound();
    const relative = variant === 'thumb' ? image.thumbPath : image.storagePath;
    const file = await this.store.open(relative);
    if (!file) {
      this.logger.warn({ msg: 'Chat image file missing', imageId: image.id, variant });
      throw ImageErrors.notFound();
    }
    return { mime: variant === 'thumb' ? 'image/webp' : image.mime, filename: path.posix.basename(relative), ...file };
  }

  /**
   * The image a chat message may carry, or null. A visitor may only send images they uploaded
   * themselves; staff may send any image uploaded by staff (a colleague's, e.g. a shared product photo).
   */
  async findForSender(id: string, sender: { type: 'staff' | 'visitor'; id: string }): Promise<ChatImage | null> {
    const image = await this.find(id);
    if (!image) return null;
    const allowed =
      sender.type === 'visitor' ? image.uploaderType === 'visitor' && image.uploaderId === sender.id : image.uploaderType === 'staff';
    return allowed ? toChatImage(image) : null;
  }

  private async find(id: unknown): Promise<ChatImageEntity | null> {
    // PostgreSQL refuses a malformed uuid with an error; answer "not found" before asking.
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    return this.images.findOneBy({ id: id.toLowerCase() });
  }
}
