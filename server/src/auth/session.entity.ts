import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, RefColumn, TimestampColumn } from '../database/columns';

/**
 * A signed-in browser. The cookie holds a random token; only its SHA-256 is stored, so a leaked
 * database cannot be replayed as sessions. Deleting rows signs people out at once.
 */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'token_hash', type: 'varchar', length: 64, unique: true })
  tokenHash!: string;

  @Index()
  @RefColumn({ name: 'staff_id' })
  staffId!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @TimestampColumn({ name: 'expires_at' })
  expiresAt!: Date;

  @TimestampColumn({ name: 'last_seen_at' })
  lastSeenAt!: Date;
}
