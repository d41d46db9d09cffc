import { HttpStatus, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Brackets, DataSource, EntityManager, Repository } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { decodeKeyset, encodeKeyset } from '../common/keyset-cursor';
import { Customer } from '../customers/customer.entity';
import { parseDbDate } from '../database/dates';
import { rawSql } from '../database/raw-sql';
import type { ChatImage, ChatReceipt, InboxItem, TimelineEvent } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import { previewOf, toInboxItem } from './chat.mapper';
import { ConversationRead } from './conversation-read.entity';
import { Conversation } from './conversation.entity';
import { safeError } from '../common/safe-error';
import { UUID_PATTERN } from '../common/ids';

const ANNOUNCE_MS = 100;

export type InboxView = 'waiting' | 'recent';
type Cursor = { at: Date; customerId: string };

const encode = (c: Cursor) => encodeKeyset(c.at, c.customerId);
function decode(value: string): Cursor {
  const c = decodeKeyset(value, (id) => UUID_PATTERN.test(id));
  if (!c) throw new DomainError('inbox.bad_cursor', HttpStatus.BAD_REQUEST, 'The cursor is not valid. Start again without one.');
  return { at: c.at, customerId: c.id };
}

/**
 * The conversations behind the desk inbox: who is waiting for a reply (a person and a time, oldest
 * first), read positions per staff member, and the customer chat's receipts. Written inside the
 * same transaction as the message that changes them.
 */
@Injectable()
export class InboxService implements OnModuleDestroy {
  private readonly logger = new Logger(InboxService.name);
  private readonly announcing = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly dataSource: DataSource,
    @InjectRepository(Conversation) private readonly conversations: Repository<Conversation>,
    private readonly realtime: RealtimeService,
  ) {}

  onModuleDestroy() {
    for (const timer of this.announcing.values()) clearTimeout(timer);
  }

  /**
   * Tells the desk a conversation changed. Coalesced per conversation (one `inbox.changed` per
   * 100 ms at most): a busy chat costs the desk one row update, not one per message.
   */
  announce(customerId: string) {
    if (this.announcing.has(customerId)) return;
    this.announcing.set(
      customerId,
      setTimeout(() => {
        this.announcing.delete(customerId);
        this.summary(customerId)
          .then((item) => item && this.realtime.publishInbox(item))
          .catch((err) => this.logger.warn({ msg: 'Inbox update failed', customerId, err: safeError(err) }));
      }, ANNOUNCE_MS),
    );
  }

  /** Moves the conversation on for a new chat message (idempotent: an older id changes nothing). */
  async recordMessage(m: EntityManager, event: TimelineEvent, channel: string): Promise<void> {
    const fromCustomer = event.author.type === 'customer';
    const id = Number(event.id);
    const at = new Date(event.occurredAt);
    const image = (event.details as { image?: ChatImage } | null)?.image;
    // One upsert, the same text on SQLite and PostgreSQL: waiting starts with the customer's first
    // unanswered message and ends with our reply.
    await rawSql(
      m,
      `INSERT INTO conversations (customer_id, channel, last_message_id, last_message_at, last_message_preview, last_message_has_image,
         last_from, last_customer_message_id, waiting_since, delivered_up_to, read_up_to, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 0, 0, $10)
       ON CONFLICT (customer_id) DO UPDATE SET
         channel = excluded.channel,
         last_message_id = excluded.last_message_id,
         last_message_at = excluded.last_message_at,
         last_message_preview = excluded.last_message_preview,
         last_message_has_image = excluded.last_message_has_image,
         last_from = excluded.last_from,
         last_customer_message_id = CASE WHEN excluded.last_from = 'customer' THEN excluded.last_customer_message_id ELSE conversations.last_customer_message_id END,
         waiting_since = CASE WHEN excluded.last_from = 'customer' THEN COALESCE(conversations.waiting_since, excluded.waiting_since) ELSE NULL END,
         updated_at = excluded.updated_at
       WHERE conversations.last_message_id < excluded.last_message_id`,
      [event.customerId, channel, id, at, previewOf(event.body), !!image, fromCustomer ? 'customer' : 'staff', fromCustomer ? id : 0, fromCustomer ? at : null, new Date()],
    );
  }

  /**
   * A store visit asked the service team to get back to this person: they wait in the inbox, with
   * the store's note, until someone follows up (a reply, or "followed up"). One row per person: if
   * they are already waiting for a chat reply, that wait stands and the reply answers both.
   */
  async recordFollowUp(m: EntityManager, event: TimelineEvent, note: string): Promise<void> {
    const at = new Date(event.occurredAt);
    await rawSql(
      m,
      `INSERT INTO conversations (customer_id, channel, last_message_id, last_message_at, last_message_preview, last_message_has_image,
         last_from, last_customer_message_id, waiting_since, delivered_up_to, read_up_to, updated_at)
       VALUES ($1, 'store', $2, $3, $4, $5, 'staff', 0, $3, 0, 0, $6)
       ON CONFLICT (customer_id) DO UPDATE SET
         channel = 'store',
         last_message_id = excluded.last_message_id,
         last_message_at = excluded.last_message_at,
         last_message_preview = excluded.last_message_preview,
         last_message_has_image = excluded.last_message_has_image,
         last_from = 'staff',
         waiting_since = COALESCE(conversations.waiting_since, excluded.waiting_since),
         updated_at = excluded.updated_at
       WHERE conversations.last_message_id < excluded.last_message_id
         -- Already waiting for a reply to a message (web chat or WeChat): that row stays (the visit
         -- and its note are on the timeline), so "followed up" can never clear an unanswered message.
         AND NOT (conversations.channel IN ('chat', 'wechat') AND conversations.waiting_since IS NOT NULL)`,
      [event.customerId, Number(event.id), at, previewOf(note), false, new Date()],
    );
  }

  /**
   * A reply that had ended the person's wait did not get through (WeChat refused it, or it may not
   * have arrived): they wait again, since the time of their last unanswered message (or now).
   * A wait already running stands.
   */
  async replyUndelivered(m: EntityManager, customerId: string): Promise<void> {
    await rawSql(
      m,
      `UPDATE conversations SET
         waiting_since = COALESCE(waiting_since, (SELECT e.occurred_at FROM events e WHERE e.id = conversations.last_customer_message_id), $2),
         updated_at = $2
       WHERE customer_id = $1`,
      [customerId, new Date()],
    );
  }

  /** Someone followed up (by phone, in the store, anywhere): nobody is waiting any more. */
  /** Returns the conversation's newest entry id when someone was waiting, else null. */
  async handled(m: EntityManager, customerId: string): Promise<number | null> {
    const rows = await rawSql<{ last_message_id: number }[]>(
      m,
      'UPDATE conversations SET waiting_since = NULL WHERE customer_id = $1 AND waiting_since IS NOT NULL RETURNING last_message_id',
      [customerId],
    );
    return rows[0] ? Number(rows[0].last_message_id) : null;
  }

  /** The inbox row for one customer, as the desk shows it (null: no conversation). */
  async summary(customerId: string): Promise<Omit<InboxItem, 'readUpTo'> | null> {
    const rows = await this.baseQuery().where('c.customer_id = :customerId', { customerId }).getRawMany();
    return rows[0] ? this.fromRaw(rows[0]).item : null;
  }

  async list(staffId: string, view: InboxView, cursor: string | undefined, limit: number): Promise<{ items: InboxItem[]; nextCursor: string | null }> {
    const qb = this.baseQuery()
      .leftJoin(ConversationRead, 'r', 'r.customer_id = c.customer_id AND r.staff_id = :staffId', { staffId })
      .addSelect('r.read_up_to', 'read_up_to');
    const column = view === 'waiting' ? 'c.waiting_since' : 'c.last_message_at';
    if (view === 'waiting') qb.where('c.waiting_since IS NOT NULL');
    else qb.where('c.waiting_since IS NULL');
    if (cursor) {
      const c = decode(cursor);
      const op = view === 'waiting' ? '>' : '<';
      qb.andWhere(
        new Brackets((w) =>
          w.where(`${column} ${op} :at`, { at: c.at }).orWhere(`${column} = :at AND c.customer_id ${op} :cid`, { at: c.at, cid: c.customerId }),
        ),
      );
    }
    const order = view === 'waiting' ? 'ASC' : 'DESC';
    const rows = await qb.orderBy(column, order).addOrderBy('c.customer_id', order).limit(limit + 1).getRawMany();
    const page = rows.slice(0, limit).map((raw) => this.fromRaw(raw));
    const last = page[page.length - 1];
    return {
      items: page.map(({ item, readUpTo }) => ({ ...item, readUpTo })),
      nextCursor:
        rows.length > limit && last
          ? encode({ at: new Date(view === 'waiting' ? last.item.waitingSince! : last.item.lastMessage.at), customerId: last.item.customerId })
          : null,
    };
  }

  /** Raises this staff member's read position (never lowers it); returns the position now. */
  async markRead(m: EntityManager, staffId: string, customerId: string, upToId: number): Promise<number> {
    await m.createQueryBuilder().insert().into(ConversationRead).values({ staffId, customerId, readUpTo: 0 }).orIgnore().execute();
    await m
      .createQueryBuilder()
      .update(ConversationRead)
      .set({ readUpTo: upToId })
      .where('staff_id = :staffId AND customer_id = :customerId AND read_up_to < :upToId', { staffId, customerId, upToId })
      .execute();
    const row = await m.findOneByOrFail(ConversationRead, { staffId, customerId });
    return row.readUpTo;
  }

  /**
   * The customer's page received (or showed) messages up to an event. Capped at the newest message
   * of the conversation; returns the new receipt, or null when nothing moved.
   */
  async receipt(m: EntityManager, customerId: string, upToId: number, read: boolean): Promise<ChatReceipt | null> {
    // One atomic statement, so a "delivered" and a "read" racing on PostgreSQL never lower each other.
    const upTo = `CASE WHEN $2 < last_message_id THEN $2 ELSE last_message_id END`;
    const rows = await rawSql<{ delivered_up_to: number; read_up_to: number }[]>(
      m,
      `UPDATE conversations SET
         delivered_up_to = CASE WHEN ${upTo} > delivered_up_to THEN ${upTo} ELSE delivered_up_to END,
         read_up_to = CASE WHEN $3 = 1 AND ${upTo} > read_up_to THEN ${upTo} ELSE read_up_to END
       WHERE customer_id = $1 AND (${upTo} > delivered_up_to OR ($3 = 1 AND ${upTo} > read_up_to))
       RETURNING delivered_up_to, read_up_to`,
      [customerId, upToId, read ? 1 : 0],
    );
    const row = rows[0];
    return row ? { customerId, deliveredUpTo: String(row.delivered_up_to), readUpTo: String(row.read_up_to) } : null;
  }

  async find(customerId: string): Promise<Conversation | null> {
    return this.conversations.findOneBy({ customerId });
  }

  /** Also before the visitor's first message: staff see who this might be as soon as the phone is left. */
  async suggest(m: EntityManager, customerId: string, suggestedCustomerId: string): Promise<void> {
    await m
      .createQueryBuilder()
      .insert()
      .into(Conversation)
      .values({ customerId, channel: 'chat', lastMessageId: 0, lastMessageAt: new Date(), lastMessagePreview: '', lastFrom: 'customer' })
      .orIgnore()
      .execute();
    await m.update(Conversation, { customerId }, { suggestedCustomerId });
  }

  /** Part of a customer merge: one conversation for the merged person, read positions kept. */
  async merge(m: EntityManager, fromId: string, intoId: string): Promise<void> {
    const from = await m.findOneBy(Conversation, { customerId: fromId });
    if (from) {
      const into = await m.findOneBy(Conversation, { customerId: intoId });
      await m.delete(Conversation, { customerId: fromId });
      const newer = !into || from.lastMessageId > into.lastMessageId ? from : into;
      const waiting = [from.waitingSince, into?.waitingSince].filter((d): d is Date => !!d).sort((a, b) => a.getTime() - b.getTime())[0] ?? null;
      const merged: Partial<Conversation> = {
        ...newer,
        customerId: intoId,
        waitingSince: newer.lastFrom === 'customer' || newer.channel === 'store' ? waiting : null,
        lastCustomerMessageId: Math.max(from.lastCustomerMessageId, into?.lastCustomerMessageId ?? 0),
        deliveredUpTo: Math.max(from.deliveredUpTo, into?.deliveredUpTo ?? 0),
        readUpTo: Math.max(from.readUpTo, into?.readUpTo ?? 0),
        suggestedCustomerId: null,
      };
      if (into) await m.update(Conversation, { customerId: intoId }, merged);
      else await m.insert(Conversation, merged);
    }
    const reads = await m.findBy(ConversationRead, { customerId: fromId });
    await m.delete(ConversationRead, { customerId: fromId });
    for (const r of reads) await this.markRead(m, r.staffId, intoId, r.readUpTo);
    // A suggestion pointing at the merged-away customer now points at where it went.
    await m.update(Conversation, { suggestedCustomerId: fromId }, { suggestedCustomerId: intoId });
    await m.update(Conversation, { customerId: intoId, suggestedCustomerId: intoId }, { suggestedCustomerId: null });
  }

  private baseQuery() {
    return this.dataSource.manager
      .createQueryBuilder(Conversation, 'c')
      .innerJoin(Customer, 'cu', 'cu.id = c.customer_id AND cu.merged_into_id IS NULL')
      .leftJoin(Customer, 's', 's.id = c.suggested_customer_id')
      .select([
        'c.customer_id AS customer_id',
        'c.channel AS channel',
        'c.last_message_id AS last_message_id',
        'c.last_message_at AS last_message_at',
        'c.last_message_preview AS last_message_preview',
        'c.last_message_has_image AS last_message_has_image',
        'c.last_from AS last_from',
        'c.last_customer_message_id AS last_customer_message_id',
        'c.waiting_since AS waiting_since',
        'c.suggested_customer_id AS suggested_customer_id',
        'cu.display_name AS display_name',
        's.display_name AS suggested_name',
      ]);
  }

  private fromRaw(raw: Record<string, unknown>): { item: Omit<InboxItem, 'readUpTo'>; readUpTo: string } {
    const c = Object.assign(new Conversation(), {
      customerId: raw.customer_id as string,
      channel: raw.channel as string,
      lastMessageId: Number(raw.last_message_id),
      lastMessageAt: parseDbDate(raw.last_message_at as string | Date),
      lastMessagePreview: raw.last_message_preview as string,
      lastMessageHasImage: raw.last_message_has_image === true || raw.last_message_has_image === 1,
      lastFrom: raw.last_from as 'customer' | 'staff',
      lastCustomerMessageId: Number(raw.last_customer_message_id),
      waitingSince: raw.waiting_since ? parseDbDate(raw.waiting_since as string | Date) : null,
    });
    const suggested = raw.suggested_customer_id ? { id: raw.suggested_customer_id as string, displayName: String(raw.suggested_name ?? '') } : null;
    return { item: toInboxItem(c, raw.display_name as string, suggested), readUpTo: String(raw.read_up_to ?? 0) };
  }
}
