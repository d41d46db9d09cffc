import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, usesPostgres } from '../database/columns';
import type { ImageMime } from './image-processing';

export const UPLOADER_TYPES = ['staff', 'visitor', 'member'] as const;
export type UploaderType = (typeof UPLOADER_TYPES)[number];

/**
 * An uploaded chat image. The id is made by the server (crypto.randomUUID, 122 random bits) before
 * the files are written, and doubles as the capability in the image's URL.
 * Paths are relative to `<dataDir>/uploads`, so the data folder can move.
 */
@Entity('chat_images')
export class ChatImageEntity {
  @PrimaryColumn(usesPostgres() ? { type: 'uuid' } : { type: 'varchar', length: 36 })
  id!: string;

  /** What the content is (sniffed and re-encoded by us), never what the client claimed. */
  @Column({ type: 'varchar', length: 20 })
  mime!: ImageMime;

  /** Size of the stored original. */
  @Column({ type: 'integer' })
  bytes!: number;

  @Column({ type: 'integer' })
  width!: number;

  @Column({ type: 'integer' })
  height!: number;

  @Column({ name: 'storage_path', type: 'varchar', length: 200 })
  storagePath!: string;

  @Column({ name: 'thumb_path', type: 'varchar', length: 200 })
  thumbPath!: string;

  @Column({ name: 'uploader_type', type: 'varchar', length: 10 })
  uploaderType!: UploaderType;

  /** A staff id, a web-chat visitor id or a forum member id; no foreign key, as visitors are not rows. */
  @Column({ name: 'uploader_id', type: 'varchar', length: 64 })
  uploaderId!: string;

  @CreatedAtColumn()
  createdAt!: Date;
}
