import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RefColumn, TimestampColumn } from '../../database/columns';
import type { ForumFeedbackStatus } from '../../realtime/contract';

/** One feedback status change of a suggestion, with the staff member's note to the participants. */
@Entity('forum_status_changes')
export class ForumStatusChangeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @RefColumn({ name: 'thread_id' })
  threadId!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: ForumFeedbackStatus;

  @Column({ name: 'previous_status', type: 'varchar', length: 20, nullable: true })
  previousStatus!: ForumFeedbackStatus | null;

  @Column({ type: 'varchar', length: 500, nullable: true })
  note!: string | null;

  @RefColumn({ name: 'staff_id' })
  staffId!: string;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;
}
