import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, RefColumn, TimestampColumn, UpdatedAtColumn } from '../database/columns';
import type { CaseStatus } from '../realtime/contract';

/** One need of one customer, threaded through their events. No due date, priority or assignee. */
@Entity('cases')
export class CaseEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @RefColumn({ name: 'customer_id' })
  customerId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: CaseStatus;

  @RefColumn({ name: 'opened_by_id' })
  openedById!: string;

  @Column({ name: 'opened_by_name', type: 'varchar', length: 100 })
  openedByName!: string;

  @TimestampColumn({ name: 'opened_at' })
  openedAt!: Date;

  @TimestampColumn({ name: 'resolved_at', nullable: true })
  resolvedAt!: Date | null;

  @Column({ name: 'resolve_count', type: 'integer', default: 0 })
  resolveCount!: number;

  @Column({ name: 'resolution_version', type: 'integer', default: 0 })
  resolutionVersion!: number;

  @Column({ name: 'client_key', type: 'varchar', length: 120 })
  clientKey!: string;

  @TimestampColumn({ name: 'highlighted_at', nullable: true })
  highlightedAt!: Date | null;

  @RefColumn({ name: 'highlighted_by_id', nullable: true })
  highlightedById!: string | null;

  @Column({ name: 'highlighted_by_name', type: 'varchar', length: 100, nullable: true })
  highlightedByName!: string | null;

  @Column({ name: 'highlight_note', type: 'varchar', length: 500, nullable: true })
  highlightNote!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
