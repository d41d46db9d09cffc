import { Column, Entity, PrimaryGeneratedColumn, Unique } from 'typeorm';
import { RefColumn, TimestampColumn, usesPostgres } from '../../database/columns';
import type { ChatImage } from '../../realtime/contract';

/**
 * A post. The integer id is its order within the thread. The HTML is rendered and sanitised once,
 * when written. Hiding keeps the post (and its timeline events) with who hid it and why.
 */
@Entity('forum_posts')
@Unique('UQ_forum_posts_client', ['authorKey', 'clientId'])
export class ForumPostEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @RefColumn({ name: 'thread_id' })
  threadId!: string;

  @RefColumn({ name: 'author_member_id', nullable: true })
  authorMemberId!: string | null;

  @RefColumn({ name: 'author_staff_id', nullable: true })
  authorStaffId!: string | null;

  /** 'm:<memberId>' or 's:<staffId>'; with clientId, a double submit is one post. */
  @Column({ name: 'author_key', type: 'varchar', length: 40 })
  authorKey!: string;

  /** The client's id; an opening post carries `thread:<the thread's clientId>`. */
  @Column({ name: 'client_id', type: 'varchar', length: 80 })
  clientId!: string;

  @Column({ name: 'body_markdown', type: 'text' })
  bodyMarkdown!: string;

  @Column({ name: 'body_html', type: 'text' })
  bodyHtml!: string;

  /** The uploaded images the post shows. */
  @Column({ type: usesPostgres() ? 'jsonb' : 'simple-json' })
  images!: ChatImage[];

  @TimestampColumn({ name: 'created_at' })
  createdAt!: Date;

  @TimestampColumn({ name: 'hidden_at', nullable: true })
  hiddenAt!: Date | null;

  @RefColumn({ name: 'hidden_by', nullable: true })
  hiddenBy!: string | null;

  @Column({ name: 'hidden_reason', type: 'varchar', length: 200, nullable: true })
  hiddenReason!: string | null;
}
