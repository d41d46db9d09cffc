import { Column, Entity, Index, OneToMany, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, RefColumn, TimestampColumn, UpdatedAtColumn } from '../database/columns';
import { Identity } from './identity.entity';

/** One person, however many channels they reach us on. */
@Entity('customers')
export class Customer {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100 })
  displayName!: string;

  /** E.164, e.g. +8613812345678. */
  @Index()
  @Column({ type: 'varchar', length: 20, nullable: true })
  phone!: string | null;

  @Column({ type: 'text', default: '' })
  notes!: string;

  /** Set when this customer was merged into another; the other one holds everything now. */
  @RefColumn({ name: 'merged_into_id', nullable: true })
  mergedIntoId!: string | null;

  /** When the latest event on the timeline happened (for "recent customers"). */
  @TimestampColumn({ name: 'last_event_at', nullable: true })
  lastEventAt!: Date | null;

  /**
   * Set when a channel made this record for someone not yet known (`web:<visitorId>`): only then may
   * that visitor change its name and phone. Cleared by a merge, which brings in other history.
   */
  @Column({ type: 'varchar', length: 80, nullable: true })
  origin!: string | null;

  /** Set when an admin erased this person's data (privacy): the record stays as a tombstone. */
  @TimestampColumn({ name: 'erased_at', nullable: true })
  erasedAt!: Date | null;

  @OneToMany(() => Identity, (i) => i.customer)
  identities?: Identity[];

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
