import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, RefColumn, TimestampColumn, UpdatedAtColumn } from '../database/columns';
import type { GestureKind, GestureStatus } from '../realtime/contract';

/** A surprise beyond the fix, counted against its giver's monthly allowance. */
@Entity('gestures')
export class GestureEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @RefColumn({ name: 'customer_id' })
  customerId!: string;

  @RefColumn({ name: 'case_id', nullable: true })
  caseId!: string | null;

  @Column({ type: 'varchar', length: 30 })
  kind!: GestureKind;

  @Column({ type: 'text' })
  note!: string;

  /** Fen (¥1 = 100). */
  @Column({ name: 'cost_cents', type: 'integer', nullable: true })
  costCents!: number | null;

  @Column({ type: 'varchar', length: 20 })
  status!: GestureStatus;

  @Column({ type: 'text', nullable: true })
  reaction!: string | null;

  @RefColumn({ name: 'given_by_id' })
  givenById!: string;

  @Column({ name: 'given_by_name', type: 'varchar', length: 100 })
  givenByName!: string;

  /** 'YYYY-MM' in the stores' time zone: the allowance month it counts against. */
  @Column({ type: 'varchar', length: 7 })
  month!: string;

  @Column({ name: 'client_key', type: 'varchar', length: 120 })
  clientKey!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @TimestampColumn({ name: 'given_at', nullable: true })
  givenAt!: Date | null;

  @TimestampColumn({ name: 'reaction_at', nullable: true })
  reactionAt!: Date | null;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
