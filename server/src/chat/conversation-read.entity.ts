import { Column, Entity } from 'typeorm';
import { RefPrimaryColumn } from '../database/columns';

/** How far one staff member has read one conversation (unread markers are per person). */
@Entity('conversation_reads')
export class ConversationRead {
  @RefPrimaryColumn({ name: 'staff_id' })
  staffId!: string;

  @RefPrimaryColumn({ name: 'customer_id' })
  customerId!: string;

  @Column({ name: 'read_up_to', type: 'integer', default: 0 })
  readUpTo!: number;
}
