import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, RefColumn, usesPostgres } from '../database/columns';

/**
 * One staff action on personal data or on the desk's set-up: who (as they were then), what, on
 * which record, when, from where. Append-only: this code only inserts, and database triggers refuse
 * UPDATE and DELETE. An accountability record, never a measure of anyone's work.
 */
@Entity('audit_log')
export class AuditLogEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @CreatedAtColumn('at')
  at!: Date;

  @RefColumn({ name: 'staff_id' })
  staffId!: string;

  /** The name and role at the time: a later rename or role change does not rewrite history. */
  @Column({ name: 'staff_name', type: 'varchar', length: 100 })
  staffName!: string;

  @Column({ name: 'staff_role', type: 'varchar', length: 20 })
  staffRole!: string;

  /** e.g. `customer.view`, `customer.erase`, `staff.update`. */
  @Column({ type: 'varchar', length: 60 })
  action!: string;

  @Column({ name: 'target_type', type: 'varchar', length: 40, nullable: true })
  targetType!: string | null;

  @Column({ name: 'target_id', type: 'varchar', length: 64, nullable: true })
  targetId!: string | null;

  /** Small and never personal content: ids and field names, not message bodies, passwords or secrets. */
  @Column({ type: usesPostgres() ? 'jsonb' : 'simple-json', nullable: true })
  details!: Record<string, unknown> | null;

  @Column({ name: 'client_address', type: 'varchar', length: 64, nullable: true })
  clientAddress!: string | null;
}
