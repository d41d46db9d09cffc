import { Column, Entity } from 'typeorm';
import { RefColumn, RefPrimaryColumn, TimestampColumn, UpdatedAtColumn } from '../database/columns';

/**
 * The chat state of one customer: what the inbox lists. `waitingSince` is set by the customer's
 * first message after our last reply and cleared by the next reply — a plain time, never a timer.
 */
@Entity('conversations')
export class Conversation {
  @RefPrimaryColumn({ name: 'customer_id' })
  customerId!: string;

  /** Where replies go: 'chat' (web chat). */
  @Column({ type: 'varchar', length: 60 })
  channel!: string;

  @Column({ name: 'last_message_id', type: 'integer', default: 0 })
  lastMessageId!: number;

  @TimestampColumn({ name: 'last_message_at' })
  lastMessageAt!: Date;

  @Column({ name: 'last_message_preview', type: 'varchar', length: 200 })
  lastMessagePreview!: string;

  @Column({ name: 'last_message_has_image', type: 'boolean', default: false })
  lastMessageHasImage!: boolean;

  @Column({ name: 'last_from', type: 'varchar', length: 20 })
  lastFrom!: 'customer' | 'staff';

  @Column({ name: 'last_customer_message_id', type: 'integer', default: 0 })
  lastCustomerMessageId!: number;

  @TimestampColumn({ name: 'waiting_since', nullable: true })
  waitingSince!: Date | null;

  /** Receipts from the customer's chat page: received / shown up to this event id. */
  @Column({ name: 'delivered_up_to', type: 'integer', default: 0 })
  deliveredUpTo!: number;

  @Column({ name: 'read_up_to', type: 'integer', default: 0 })
  readUpTo!: number;

  /** The visitor left a phone that belongs to this other customer; staff decide whether to merge. */
  @RefColumn({ name: 'suggested_customer_id', nullable: true })
  suggestedCustomerId!: string | null;

  @UpdatedAtColumn()
  updatedAt!: Date;
}
