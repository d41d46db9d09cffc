import { Column, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { Relation } from 'typeorm';
import { CreatedAtColumn, RefColumn } from '../database/columns';
import { Customer } from './customer.entity';

/** How a customer is known on one channel: (channel, external id), unique per channel. */
@Entity('identities')
@Unique('UQ_identities_channel_external', ['channel', 'externalId'])
export class Identity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @RefColumn({ name: 'customer_id' })
  customerId!: string;

  @ManyToOne(() => Customer, (c) => c.identities, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'customer_id' })
  customer?: Relation<Customer>;

  /** `web`, `forum`, `wechat:<appId>`, … */
  @Column({ type: 'varchar', length: 60 })
  channel!: string;

  @Column({ name: 'external_id', type: 'varchar', length: 200 })
  externalId!: string;

  @Column({ name: 'display_name', type: 'varchar', length: 100, nullable: true })
  displayName!: string | null;

  @Column({ type: 'boolean', default: false })
  verified!: boolean;

  @CreatedAtColumn()
  createdAt!: Date;
}
