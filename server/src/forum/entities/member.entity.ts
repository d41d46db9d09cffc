import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RefColumn, TimestampColumn } from '../../database/columns';

/**
 * A forum account. Each one is an identity (channel `forum`, external id = username) of the
 * customer made for it; a merge moves `customerId` along with the identity.
 */
@Entity('forum_members')
export class ForumMemberEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** 3–20 of [a-z0-9_], stored lower-cased; unique. */
  @Column({ type: 'varchar', length: 20, unique: true })
  username!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 30 })
  displayName!: string;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  /** What the member gave us (E.164). Not unique: it may already be another customer's number. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @RefColumn({ name: 'customer_id' })
  customerId!: string;

  /** Set: a senior fan (acknowledged by staff; a badge on their posts). */
  @TimestampColumn({ name: 'senior_fan_since', nullable: true })
  seniorFanSince!: Date | null;

  @RefColumn({ name: 'senior_fan_by', nullable: true })
  seniorFanBy!: string | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
