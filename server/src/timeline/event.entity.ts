import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import { RefColumn, TimestampColumn, usesPostgres } from '../database/columns';

export const EVENT_KINDS = [
  'chat.message',
  'wechat.message',
  'forum.post',
  /** A forum thread was marked solved (on the asker's timeline and the helper's). */
  'forum.solved',
  /** Staff set a suggestion's feedback status (on every participant's timeline). */
  'forum.status',
  'store.visit',
  'note',
  'case.opened',
  'case.resolved',
  'gesture',
  'customer.merged',
  'identity.linked',
  /** Internal: a web visitor left a phone that belongs to another customer; staff decide. */
  'customer.link_suggested',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Where an event came from, for the desk's filter chips. */
export const EVENT_CHANNELS = ['chat', 'wechat', 'forum', 'store', 'desk', 'system'] as const;
export type EventChannel = (typeof EVENT_CHANNELS)[number];

export const AUTHOR_TYPES = ['customer', 'staff', 'fan', 'system'] as const;
export type AuthorType = (typeof AUTHOR_TYPES)[number];

/**
 * One thing on one customer's timeline. Written only by TimelineService.append(). The integer id
 * doubles as the order in which events were recorded, which reconnecting clients catch up from.
 */
@Entity('events')
export class TimelineEventEntity {
  @PrimaryGeneratedColumn({ type: 'integer' })
  id!: number;

  @RefColumn({ name: 'customer_id' })
  customerId!: string;

  @Column({ type: 'varchar', length: 40 })
  kind!: EventKind;

  @Column({ type: 'varchar', length: 60 })
  channel!: EventChannel;

  @Column({ name: 'author_type', type: 'varchar', length: 20 })
  authorType!: AuthorType;

  @Column({ name: 'author_id', type: 'varchar', length: 64, nullable: true })
  authorId!: string | null;

  /** Cached so the timeline still reads after the author is renamed or gone. */
  @Column({ name: 'author_name', type: 'varchar', length: 100, nullable: true })
  authorName!: string | null;

  @Column({ type: 'text' })
  body!: string;

  @Column({ type: usesPostgres() ? 'jsonb' : 'simple-json', nullable: true })
  details!: Record<string, unknown> | null;

  /** When it happened (e.g. WeChat's CreateTime), apart from when we recorded it. */
  @TimestampColumn({ name: 'occurred_at' })
  occurredAt!: Date;

  @TimestampColumn({ name: 'recorded_at' })
  recordedAt!: Date;

  @Column({ type: 'varchar', length: 60 })
  source!: string;

  @Column({ name: 'source_id', type: 'varchar', length: 200 })
  sourceId!: string;

  @RefColumn({ name: 'case_id', nullable: true })
  caseId!: string | null;

  /** Staff-only (e.g. notes); never shown on customer-facing pages. */
  @Column({ type: 'boolean', default: false })
  internal!: boolean;

  /** Kept from store staff by its author (a desk-only note); the rest of the team sees it. */
  @Column({ name: 'desk_only', type: 'boolean', default: false })
  deskOnly!: boolean;
}
