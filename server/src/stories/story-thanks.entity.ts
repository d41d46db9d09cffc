import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { CreatedAtColumn, RefColumn, TimestampColumn } from '../database/columns';

/** A manager's thank-you to someone who helped in a story. */
@Entity('story_thanks')
export class StoryThanksEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @RefColumn({ name: 'case_id' })
  caseId!: string;

  @RefColumn({ name: 'to_staff_id' })
  toStaffId!: string;

  @Column({ name: 'to_name', type: 'varchar', length: 100 })
  toName!: string;

  @RefColumn({ name: 'from_staff_id' })
  fromStaffId!: string;

  @Column({ name: 'from_name', type: 'varchar', length: 100 })
  fromName!: string;

  @Column({ type: 'text' })
  body!: string;

  @Column({ name: 'client_key', type: 'varchar', length: 120 })
  clientKey!: string;

  @CreatedAtColumn()
  createdAt!: Date;

  @TimestampColumn({ name: 'seen_at', nullable: true })
  seenAt!: Date | null;
}
