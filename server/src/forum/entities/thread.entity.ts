import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { RefColumn, TimestampColumn } from '../../database/columns';
import type { ForumFeedbackStatus } from '../../realtime/contract';

/**
 * A thread. Its list position (last activity), last visible post and visible reply count are kept
 * on the row, so thread lists are one keyset query; they change with every post and every hide.
 */
@Entity('forum_threads')
@Unique('UQ_forum_threads_client', ['authorKey', 'clientId'])
export class ForumThreadEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @RefColumn({ name: 'board_id' })
  boardId!: string;

  @Column({ type: 'varchar', length: 80 })
  title!: string;

  @RefColumn({ name: 'author_member_id', nullable: true })
  authorMemberId!: string | null;

  @RefColumn({ name: 'author_staff_id', nullable: true })
  authorStaffId!: string | null;

  /** 'm:<memberId>' or 's:<staffId>'; with clientId, a double submit is one thread. */
  @Column({ name: 'author_key', type: 'varchar', length: 40 })
  authorKey!: string;

  @Column({ name: 'client_id', type: 'varchar', length: 64 })
  clientId!: string;

  @Column({ name: 'opening_post_id', type: 'integer', nullable: true })
  openingPostId!: number | null;

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  /** When the newest visible post was written. */
  @TimestampColumn({ name: 'last_activity_at' })
  lastActivityAt!: Date;

  @Column({ name: 'last_post_id', type: 'integer', nullable: true })
  lastPostId!: number | null;

  /** Visible replies (the opening post not counted). */
  @Column({ name: 'reply_count', type: 'integer', default: 0 })
  replyCount!: number;

  @Column({ name: 'solution_post_id', type: 'integer', nullable: true })
  solutionPostId!: number | null;

  @TimestampColumn({ name: 'solved_at', nullable: true })
  solvedAt!: Date | null;

  /** Suggestion boards: heard → planned → shipped (null until staff first set it). */
  @Column({ name: 'feedback_status', type: 'varchar', length: 20, nullable: true })
  feedbackStatus!: ForumFeedbackStatus | null;

  @TimestampColumn({ name: 'locked_at', nullable: true })
  lockedAt!: Date | null;

  @RefColumn({ name: 'locked_by', nullable: true })
  lockedBy!: string | null;
}
