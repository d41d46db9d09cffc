import { Column, Entity, PrimaryColumn } from 'typeorm';
import { CreatedAtColumn, RefColumn, TimestampColumn, usesPostgres } from '../database/columns';

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';

/**
 * A reply waiting to go out through WeChat's Customer Service Message API: one row per reply event,
 * written in the same transaction as the event, so a reply on the timeline is never left unsent.
 */
@Entity('wechat_outbox')
export class WeChatOutboxEntity {
  @PrimaryColumn({ name: 'event_id', type: 'integer' })
  eventId!: number;

  @RefColumn({ name: 'channel_id' })
  channelId!: string;

  @Column({ name: 'open_id', type: 'varchar', length: 64 })
  openId!: string;

  /** The message as WeChat takes it, without `touser`: `{ msgtype: 'text', text: { content } }`. */
  @Column({ type: usesPostgres() ? 'jsonb' : 'simple-json' })
  payload!: Record<string, unknown>;

  @Column({ type: 'varchar', length: 10 })
  status!: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts!: number;

  @TimestampColumn({ name: 'next_attempt_at' })
  nextAttemptAt!: Date;

  /** When a worker took it for sending (a row left 'sending' long after is the sign of a crash). */
  @TimestampColumn({ name: 'claimed_at', nullable: true })
  claimedAt!: Date | null;

  @Column({ name: 'last_error', type: 'varchar', length: 200, nullable: true })
  lastError!: string | null;

  @CreatedAtColumn()
  createdAt!: Date;
}
