import { Column, Entity, PrimaryColumn } from 'typeorm';
import { usesPostgres } from '../database/columns';

const ref = (name: string) => (usesPostgres() ? { name, type: 'uuid' as const } : { name, type: 'varchar' as const, length: 36 });

/** How far one staff member has read one conversation (unread markers are per person). */
@Entity('conversation_reads')
export class ConversationRead {
  @PrimaryColumn(ref('staff_id'))
  staffId!: string;

  @PrimaryColumn(ref('customer_id'))
  customerId!: string;

  @Column({ name: 'read_up_to', type: 'integer', default: 0 })
  readUpTo!: number;
}
