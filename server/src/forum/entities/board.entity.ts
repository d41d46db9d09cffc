import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { TimestampColumn } from '../../database/columns';
import type { ForumBoardKind } from '../../realtime/contract';

/** A forum board (使用求助, 产品建议, 晒单分享). Archived boards keep their threads but leave the lists. */
@Entity('forum_boards')
export class ForumBoardEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** In URLs; never changes once made. */
  @Column({ type: 'varchar', length: 32, unique: true })
  slug!: string;

  @Column({ type: 'varchar', length: 40 })
  name!: string;

  @Column({ type: 'varchar', length: 200, default: '' })
  description!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: ForumBoardKind;

  @Column({ type: 'integer', default: 0 })
  position!: number;

  @Column({ type: 'boolean', default: false })
  archived!: boolean;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
