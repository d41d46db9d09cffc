import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, EntityManager, In, MoreThan, Repository } from 'typeorm';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import type { TimelineEvent, WeChatDelivery } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import { decodeCursor, encodeCursor } from './cursor';
import { AuthorType, EventChannel, EventKind, TimelineEventEntity } from './event.entity';
import { EventSearch } from './event-search';
import { toTimelineEvent } from './timeline.mapper';

export type AppendInput = {
  customerId: string;
  kind: EventKind;
  channel: EventChannel;
  author: { type: AuthorType; id?: string | null; name?: string | null };
  body: string;
  details?: Record<string, unknown> | null;
  occurredAt?: Date;
  /** Together unique: the same (source, sourceId) appended twice is one event. */
  source: string;
  sourceId: string;
  caseId?: string | null;
  internal?: boolean;
  /** Hidden from store staff (a note its author keeps for the desk team). Implies internal. */
  deskOnly?: boolean;
};

/** Who is reading: store staff never see desk-only events. Always given, so no caller forgets it. */
export type TimelineReader = { role: string };
/** For server-side readers that show nothing to people (e.g. a visitor's chat history: chat messages only). */
export const SYSTEM_READER: TimelineReader = { role: 'system' };
export const seesDeskOnly = (reader: TimelineReader) => reader.role !== 'store';

export type TimelinePageQuery = { before?: string; limit: number; kinds?: string[]; channels?: string[] };

/**
 * The one door for events. Every feature appends here; nothing else writes the events table.
 * An append is idempotent on (source, sourceId), durable when it returns, and then published.
 */
@Injectable()
export class TimelineService {
  constructor(
    @InjectRepository(TimelineEventEntity) private readonly events: Repository<TimelineEventEntity>,
    private readonly tx: Transactor,
    private readonly search: EventSearch,
    private readonly realtime: RealtimeService,
  ) {}

  /** Appends (or finds the existing) event in its own transaction, then publishes a new one. */
  async append(input: AppendInput): Promise<{ event: TimelineEvent; created: boolean }> {
    // No unique-violation path: appendWithin's ON CONFLICT DO NOTHING waits for a concurrent
    // duplicate on PostgreSQL and then answers with the event that won.
    const result = await this.tx.run((m) => this.appendWithin(m, input));
    if (result.created) this.realtime.publishEvent(result.event);
    return result;
  }

  /**
   * For a feature that writes its own rows and an event in one transaction. The caller must call
   * publish() with the event after its transaction commits.
   */
  async appendWithin(m: EntityManager, input: AppendInput): Promise<{ event: TimelineEvent; created: boolean }> {
    const now = new Date();
    const occurredAt = input.occurredAt ?? now;
    const entity = Object.assign(new TimelineEventEntity(), {
      customerId: input.customerId,
      kind: input.kind,
      channel: input.channel,
      authorType: input.author.type,
      authorId: input.author.id ?? null,
      authorName: input.author.name ?? null,
      body: input.body,
      details: input.details ?? null,
      occurredAt,
      recordedAt: now,
      source: input.source,
      sourceId: input.sourceId,
      caseId: input.caseId ?? null,
      internal: input.internal ?? input.deskOnly ?? false,
      deskOnly: input.deskOnly ?? false,
    });
    // Raw SQL: this is the hot path of every chat message. Idempotent through the unique
    // (source, source_id): a duplicate inserts nothing and the stored event is the answer.
    const rows = await rawSql<{ id: number }[]>(
      m,
      `INSERT INTO events (customer_id, kind, channel, author_type, author_id, author_name, body, details, occurred_at, recorded_at, source, source_id, case_id, internal, desk_only)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
       ON CONFLICT (source, source_id) DO NOTHING RETURNING id`,
      [
        entity.customerId, entity.kind, entity.channel, entity.authorType, entity.authorId, entity.authorName, entity.body,
        entity.details, occurredAt, now, entity.source, entity.sourceId, entity.caseId, entity.internal, entity.deskOnly,
      ],
    );
    if (!rows.length) {
      const existing = await m.findOneByOrFail(TimelineEventEntity, { source: input.source, sourceId: input.sourceId });
      return { event: toTimelineEvent(existing), created: false };
    }
    entity.id = Number(rows[0].id);
    await this.search.index(m, entity.id, input.body);
    await rawSql(m, `UPDATE customers SET last_event_at = $1 WHERE id = $2 AND (last_event_at IS NULL OR last_event_at < $1)`, [occurredAt, input.customerId]);
    return { event: toTimelineEvent(entity), created: true };
  }

  /**
   * One of two later changes an event may get (see also recordForumHidden): how far a staff reply
   * to WeChat got (`details.delivery`).
   * Only for staff `wechat.message` events, only that key, in one statement that reads the row as
   * it is now (so a merge that moved the event meanwhile is kept). The caller publishes the event
   * after commit. Null when there is no such event.
   */
  async recordDelivery(m: EntityManager, eventId: number, delivery: WeChatDelivery): Promise<TimelineEvent | null> {
    const value = {
      status: delivery.status,
      ...(delivery.reason ? { reason: delivery.reason } : {}),
      ...(typeof delivery.errcode === 'number' ? { errcode: delivery.errcode } : {}),
    };
    const set =
      m.connection.options.type === 'postgres'
        ? `jsonb_set(COALESCE(details, '{}'::jsonb), '{delivery}', $2::jsonb)`
        : `json_set(COALESCE(details, '{}'), '$.delivery', json($2))`;
    const rows = await rawSql<{ id: number }[]>(
      m,
      `UPDATE events SET details = ${set} WHERE id = $1 AND kind = 'wechat.message' AND author_type = 'staff' RETURNING id`,
      [eventId, value],
    );
    if (!rows.length) return null;
    return toTimelineEvent(await m.findOneByOrFail(TimelineEventEntity, { id: eventId }));
  }

  /**
   * The other later change: staff hid a forum post, or showed it again (`details.hidden`, with the
   * reason and since when; null removes it). Only that key of the post's `forum.post` events (its
   * author's, and the thread starter's for a staff or fan reply), in one statement, in the caller's
   * transaction; the caller publishes the answered events after commit.
   */
  async recordForumHidden(m: EntityManager, postId: number, hidden: { reason: string; at: Date } | null): Promise<TimelineEvent[]> {
    const pg = m.connection.options.type === 'postgres';
    const set = hidden
      ? pg
        ? `jsonb_set(COALESCE(details, '{}'::jsonb), '{hidden}', $3::jsonb)`
        : `json_set(COALESCE(details, '{}'), '$.hidden', json($3))`
      : pg
        ? `details - 'hidden'`
        : `json_remove(details, '$.hidden')`;
    const params: unknown[] = [`post:${postId}`, `post:${postId}:starter`];
    if (hidden) params.push({ reason: hidden.reason, at: hidden.at.toISOString() });
    const rows = await rawSql<{ id: number }[]>(
      m,
      `UPDATE events SET details = ${set} WHERE source = 'forum' AND kind = 'forum.post' AND source_id IN ($1, $2) RETURNING id`,
      params,
    );
    if (!rows.length) return [];
    const events = await m.find(TimelineEventEntity, { where: { id: In(rows.map((r) => Number(r.id))) }, order: { id: 'ASC' } });
    return events.map(toTimelineEvent);
  }

  /**
   * Privacy erasure, the one change that rewrites events: every event on this customer's timeline,
   * and every event they wrote on someone else's (a forum reply in another's thread; `authorIds`: the
   * ids their events carry, this customer's and those merged into it), plus suggestions that named
   * them, keeps its id, kind, channel, author type, staff author, case and times — the timeline's
   * shape — and loses its body and details (`details: { erased: true }`), a customer author's name
   * and its place in the search index. Runs in the caller's transaction; answers the event ids.
   */
  async eraseCustomer(m: EntityManager, customerId: string, authorIds: string[]): Promise<number[]> {
    const authors = [...new Set([customerId, ...authorIds])];
    const marks = authors.map((_, i) => `$${i + 2}`).join(', ');
    const own = await rawSql<{ id: number }[]>(
      m,
      `SELECT id FROM events WHERE customer_id = $1 OR (author_type IN ('customer', 'fan') AND author_id IN (${marks}))`,
      [customerId, ...authors],
    );
    // A visitor's phone matched this customer: the suggestion on that visitor's timeline names them.
    const suggestions = await m.find(TimelineEventEntity, { where: { kind: 'customer.link_suggested' }, select: { id: true, details: true } });
    const ids = [
      ...new Set([
        ...own.map((r) => Number(r.id)),
        ...suggestions.filter((e) => authors.includes(String(e.details?.suggestedCustomerId ?? ''))).map((e) => e.id),
      ]),
    ].sort((a, b) => a - b);
    for (let i = 0; i < ids.length; i += 500) {
      const batch = ids.slice(i, i + 500);
      await this.search.remove(m, batch);
      await rawSql(
        m,
        `UPDATE events SET body = '', details = $1,
           author_name = CASE WHEN author_type IN ('customer', 'fan') THEN NULL ELSE author_name END
         WHERE id IN (${batch.join(', ')})`,
        [{ erased: true }],
      );
    }
    return ids;
  }

  /**
   * Erasure, for events on other people's timelines that quote the erased person (the title of a
   * forum thread they started, their forum name): each gets its new body and details and is indexed
   * again under the new words. The caller decides what the quotes become.
   */
  async redactQuotes(m: EntityManager, changes: { id: number; body: string; details: Record<string, unknown> | null }[]): Promise<void> {
    for (const change of changes) {
      await this.search.remove(m, [change.id]);
      await rawSql(m, 'UPDATE events SET body = $1, details = $2 WHERE id = $3', [change.body, change.details, change.id]);
      await this.search.index(m, change.id, change.body);
    }
  }

  publish(event: TimelineEvent) {
    this.realtime.publishEvent(event);
  }

  /** Newest first, keyset-paginated on (occurred_at, id): no OFFSET, never a whole history. */
  async page(customerId: string, q: TimelinePageQuery, reader: TimelineReader): Promise<{ events: TimelineEvent[]; nextCursor: string | null }> {
    const qb = this.events.createQueryBuilder('e').where('e.customer_id = :customerId', { customerId });
    if (!seesDeskOnly(reader)) qb.andWhere('e.desk_only = :deskOnly', { deskOnly: false });
    if (q.kinds?.length) qb.andWhere('e.kind IN (:...kinds)', { kinds: q.kinds });
    if (q.channels?.length) qb.andWhere('e.channel IN (:...channels)', { channels: q.channels });
    if (q.before) {
      const c = decodeCursor(q.before);
      qb.andWhere(
        new Brackets((w) =>
          w.where('e.occurred_at < :at', { at: c.occurredAt }).orWhere('e.occurred_at = :at AND e.id < :id', { at: c.occurredAt, id: c.id }),
        ),
      );
    }
    const rows = await qb.orderBy('e.occurred_at', 'DESC').addOrderBy('e.id', 'DESC').limit(q.limit + 1).getMany();
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      events: page.map(toTimelineEvent),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ occurredAt: last.occurredAt, id: last.id }) : null,
    };
  }

  /** Everything recorded for these customers after a known event id, oldest first (reconnect catch-up). */
  async recordedAfter(customerIds: string[], afterId: number, limit: number, reader: TimelineReader): Promise<TimelineEvent[]> {
    const rows = await this.events.find({
      where: { customerId: In(customerIds), id: MoreThan(afterId), ...(seesDeskOnly(reader) ? {} : { deskOnly: false }) },
      order: { id: 'ASC' },
      take: limit,
    });
    return rows.map(toTimelineEvent);
  }

}
