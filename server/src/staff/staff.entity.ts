import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, RefColumn, UpdatedAtColumn } from '../database/columns';
import { Store } from '../stores/store.entity';

export const ROLES = ['agent', 'store', 'manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

@Entity('staff')
export class Staff {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Stored lower-cased; unique. */
  @Column({ type: 'varchar', length: 254, unique: true })
  email!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  @Column({ type: 'varchar', length: 20 })
  role!: Role;

  @Column({ name: 'password_hash', type: 'varchar', length: 255 })
  passwordHash!: string;

  @Column({ type: 'boolean', default: true })
  active!: boolean;

  @RefColumn({ name: 'store_id', nullable: true })
  storeId!: string | null;

  @ManyToOne(() => Store, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'store_id' })
  store?: Store | null;

  /** Fen (¥1 = 100) this person may spend on surprise gestures each month, without asking anyone. */
  @Column({ name: 'monthly_gesture_allowance_cents', type: 'integer', default: 30000 })
  monthlyGestureAllowanceCents!: number;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
