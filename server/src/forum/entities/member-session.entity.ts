import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RefColumn, TimestampColumn } from '../../database/columns';

/** A browser signed in to a forum account. Like staff sessions, only the token's SHA-256 is kept. */
@Entity('forum_sessions')
export class ForumSessionEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @RefColumn({ name: 'member_id' })
  memberId!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @TimestampColumn({ name: 'last_seen_at' })
  lastSeenAt!: Date;
}
