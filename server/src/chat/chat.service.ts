import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { consumeOrThrow, RateLimits } from '../common/rate-limit';
import { DataSource, EntityManager, Not } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Customer } from '../customers/customer.entity';
import { CustomerErrors } from '../customers/customers.errors';
import { Identity } from '../customers/identity.entity';
import { MergeHooks } from '../customers/merge-hooks';
import { normalizePhone } from '../customers/phone';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import { ImagesService } from '../images/images.service';
import type { ChatImage, ChatMessage, ChatReceipt, TimelineEvent } from '../realtime/contract';
import { RealtimeService } from '../realtime/realtime.service';
import type { Staff } from '../staff/staff.entity';
import { SYSTEM_READER, TimelineService } from '../timeline/timeline.service';
import { appendChatMessage, ChatMessageInput } from './append-chat-message';
import { ChatErrors } from './chat.errors';
import { toChatMessage } from './chat.mapper';
import { Conversation } from './conversation.entity';
import { InboxService } from './inbox.service';
import type { ReplyChannel } from './reply-channel';

/** The identity channel of web-chat visitors. */
export const WEB_CHANNEL = 'web';

type SendInput = { clientId: string; body?: string; imageId?: string };
type Sent = { event: TimelineEvent; created: boolean; newVisitor?: string };
export type ReplyVia = 'chat' | 'wechat';

/**
 * Web chat: visitors and staff exchange messages that are `chat.message` events on the customer's
 * timeline. Each message is idempotent on its client id, stored (group-committed) before it is
 * acknowledged, then published to the desk and to the visitor's conversation.
 */
@Injectable()
export class ChatService implements OnModuleInit {
  private readonly visitorLimiter: RateLimiterAbstract;
  private external?: ReplyChannel;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    private readonly dataSource: DataSource,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly inbox: InboxService,
    private readonly images: ImagesService,
    private readonly realtime: RealtimeService,
    private readonly mergeHooks: MergeHooks,
    limits: RateLimits,
  ) {
    this.visitorLimiter = limits.create('chat:visitor-messages', config.chatMessagesPerMinute, 60);
  }

  onModuleInit() {
    this.mergeHooks.register((m, fromId, intoId) => this.inbox.merge(m, fromId, intoId));
  }

  /** The customer behind a visitor, or null before their first message. */
  async visitorCustomerId(visitorId: string, m?: EntityManager): Promise<string | null> {
    const rows = await rawSql<{ customer_id: string }[]>(m ?? this.dataSource, 'SELECT customer_id FROM identities WHERE channel = $1 AND external_id = $2', [
      WEB_CHANNEL,
      visitorId,
    ]);
    return rows[0]?.customer_id ?? null;
  }

  /** WeChat registers itself here, so staff answer its customers from the same composer. */
  registerReplyChannel(channel: ReplyChannel) {
    this.external = channel;
  }

  /**
   * Where a staff reply to this customer goes: the channel the conversation is on, else web chat,
   * else WeChat; null when there is nowhere to reply.
   */
  async replyChannel(customerId: string, m: EntityManager = this.dataSource.manager): Promise<ReplyVia | null> {
    const external = this.external;
    const viaExternal = async () => !!external && (await external.canReply(m, customerId));
    const conversation = await m.findOneBy(Conversation, { customerId });
    if (conversation?.channel === 'wechat' && (await viaExternal())) return 'wechat';
    if (await m.existsBy(Identity, { customerId, channel: WEB_CHANNEL })) return 'chat';
    return (await viaExternal()) ? 'wechat' : null;
  }

  /** `socketId`: the sending page, which has the message in its ack and needs no broadcast of it. */
  async sendFromVisitor(visitorId: string, input: SendInput, socketId?: string): Promise<ChatMessage> {
    await consumeOrThrow(this.visitorLimiter, visitorId, ChatErrors.tooFast);
    const { body, image } = await this.content(input, { type: 'visitor', id: visitorId });
    const sent = await this.tx.runGrouped(async (m): Promise<Sent> => {
      const { customerId, created } = await this.ensureVisitorCustomer(m, visitorId);
      const sent = await this.appendMessage(m, {
        customerId,
        author: { type: 'customer', id: visitorId, name: null },
        sourceId: `visitor:${visitorId}:${input.clientId}`,
        clientId: input.clientId,
        body,
        image,
      });
      return { ...sent, newVisitor: created ? visitorId : undefined };
    });
    this.publish(sent, socketId);
    return toChatMessage(sent.event);
  }

  async sendFromStaff(staff: Staff, customerId: string, input: SendInput): Promise<TimelineEvent> {
    const { body, image } = await this.content(input, { type: 'staff', id: staff.id });
    const sent = await this.tx.runGrouped(async (m): Promise<Sent & { readUpTo: number; via: ReplyVia }> => {
      const customer = await this.lockCustomer(m, customerId);
      if (!customer) throw CustomerErrors.notFound();
      if (customer.merged_into_id) throw CustomerErrors.merged(customer.merged_into_id, `/api/customers/${customerId}`);
      const via = await this.replyChannel(customerId, m);
      if (!via) throw ChatErrors.noWebChat();
      const sent =
        via === 'wechat'
          ? await this.external!.appendReply(m, { customerId, staff, clientId: input.clientId, body, image })
          : await this.appendMessage(m, {
              customerId,
              author: { type: 'staff', id: staff.id, name: staff.displayName },
              // Per conversation: a client id reused for another customer is a new message there.
              sourceId: `staff:${staff.id}:${customerId}:${input.clientId}`,
              clientId: input.clientId,
              body,
              image,
            });
      // Whoever answers has read the conversation up to their answer.
      const readUpTo = await this.inbox.markRead(m, staff.id, customerId, Number(sent.event.id));
      return { ...sent, readUpTo, via };
    });
    // A reply that went to WeChat is never shown on the customer's web chat page.
    this.publish(sent, undefined, sent.via === 'chat');
    if (sent.via === 'wechat' && sent.created) this.external!.afterCommit();
    this.realtime.publishInboxRead(staff.id, { customerId, readUpTo: String(sent.readUpTo) });
    return sent.event;
  }

  /** The visitor's own conversation, newest first: chat messages only, never anything internal. */
  async history(visitorId: string, before: string | undefined, limit: number): Promise<{ messages: ChatMessage[]; nextCursor: string | null }> {
    const customerId = await this.visitorCustomerId(visitorId);
    if (!customerId) return { messages: [], nextCursor: null };
    // Chat messages only, never desk-only or internal events.
    const page = await this.timeline.page(customerId, { before, limit, kinds: ['chat.message'], channels: ['chat'] }, SYSTEM_READER);
    return { messages: page.events.filter((e) => !e.internal).map(toChatMessage), nextCursor: page.nextCursor };
  }

  async visitorReceipt(visitorId: string, upToId: number, read: boolean): Promise<void> {
    const receipt = await this.tx.runGrouped(async (m): Promise<ChatReceipt | null> => {
      const customerId = await this.visitorCustomerId(visitorId, m);
      return customerId ? this.inbox.receipt(m, customerId, upToId, read) : null;
    });
    if (receipt) this.realtime.publishReceipt(receipt);
  }

  /** Someone followed up: the person leaves "waiting", and the timeline says who did (for colleagues, not for counting). */
  async markHandled(customerId: string, staff: Staff): Promise<void> {
    const event = await this.tx.run(async (m) => {
      const upTo = await this.inbox.handled(m, customerId);
      if (upTo === null) return null;
      const { event, created } = await this.timeline.appendWithin(m, {
        customerId,
        kind: 'note',
        channel: 'desk',
        author: { type: 'staff', id: staff.id, name: staff.displayName },
        body: '已跟进',
        details: { followedUp: true },
        source: 'inbox.handled',
        sourceId: `${customerId}:${upTo}`,
        internal: true,
      });
      return created ? event : null;
    });
    this.inbox.announce(customerId);
    if (event) this.timeline.publish(event);
  }

  async markRead(staff: Staff, customerId: string, upToId: number): Promise<string> {
    const readUpTo = await this.tx.runGrouped((m) => this.inbox.markRead(m, staff.id, customerId, upToId));
    this.realtime.publishInboxRead(staff.id, { customerId, readUpTo: String(readUpTo) });
    return String(readUpTo);
  }

  /**
   * A visitor's name and phone. They change the customer only while it is the visitor's own fresh
   * record; a phone that belongs to someone else becomes a suggestion for staff, never a link, so a
   * visitor cannot see another person's history by typing their number.
   */
  async setProfile(visitorId: string, input: { name?: string; phone?: string }): Promise<{ name: string | null; phone: string | null }> {
    const phone = input.phone ? normalizePhone(input.phone) : null;
    if (input.phone && !phone) throw CustomerErrors.invalidPhone();
    const name = input.name || null;
    const { events, customerId, created, stored } = await this.tx.run(async (m) => {
      const { customerId, created } = await this.ensureVisitorCustomer(m, visitorId);
      const customer = await m.findOneByOrFail(Customer, { id: customerId });
      // Only a record this visitor's chat made, and nobody merged into, is theirs to edit.
      const ownRecord = customer.origin === `web:${visitorId}`;
      if (name) await m.update(Identity, { channel: WEB_CHANNEL, externalId: visitorId }, { displayName: name });
      const identity = await m.findOneByOrFail(Identity, { channel: WEB_CHANNEL, externalId: visitorId });
      if (ownRecord && name) await m.update(Customer, { id: customerId }, { displayName: name });
      const events: TimelineEvent[] = [];
      if (phone && phone !== customer.phone) {
        const other = await m.findOneBy(Customer, { phone, id: Not(customerId) });
        if (other && !other.mergedIntoId) {
          await this.inbox.suggest(m, customerId, other.id);
          const { event, created } = await this.timeline.appendWithin(m, {
            customerId,
            kind: 'customer.link_suggested',
            channel: 'system',
            author: { type: 'system' },
            body: `${phone} → ${other.displayName}`,
            details: { phone, suggestedCustomerId: other.id, suggestedName: other.displayName, visitorId },
            source: 'chat.suggestion',
            sourceId: `${customerId}:${other.id}`,
            internal: true,
          });
          if (created) events.push(event);
        } else if (ownRecord) {
          await m.update(Customer, { id: customerId }, { phone });
        } else {
          // A known customer's record: the number is left for staff to check, not applied.
          const { event, created } = await this.timeline.appendWithin(m, {
            customerId,
            kind: 'note',
            channel: 'system',
            author: { type: 'system' },
            body: `网页聊天的访客留下了手机号 ${phone}`,
            details: { phone, visitorId },
            source: 'chat.profile',
            sourceId: `${visitorId}:${phone}`,
            internal: true,
          });
          if (created) events.push(event);
        }
      }
      // What this visitor told us (never another customer's details).
      const stored = { name: identity.displayName, phone: phone ?? (ownRecord ? customer.phone : null) };
      return { events, customerId, created, stored };
    });
    if (created) this.realtime.joinConversation(visitorId, customerId);
    for (const event of events) this.timeline.publish(event);
    this.inbox.announce(customerId);
    return stored;
  }

  private async content(input: SendInput, sender: { type: 'staff' | 'visitor'; id: string }): Promise<{ body: string; image: ChatImage | null }> {
    const body = (input.body ?? '').trim();
    if (!body && !input.imageId) throw ChatErrors.empty();
    const image = input.imageId ? await this.images.findForSender(input.imageId, sender) : null;
    if (input.imageId && !image) throw ChatErrors.imageNotFound();
    return { body, image };
  }

  /**
   * The customer row, locked on PostgreSQL against a merge committing meanwhile (the merge holds it
   * for update): a message then waits and lands on the merged customer, never on the old one.
   * SQLite writes one transaction at a time, so there is nothing to race.
   */
  private async lockCustomer(m: EntityManager, customerId: string): Promise<{ id: string; merged_into_id: string | null } | undefined> {
    const lock = m.connection.options.type === 'postgres' ? ' FOR SHARE' : '';
    const rows = await rawSql<{ id: string; merged_into_id: string | null }[]>(m, `SELECT id, merged_into_id FROM customers WHERE id = $1${lock}`, [customerId]);
    return rows[0];
  }

  private async ensureVisitorCustomer(m: EntityManager, visitorId: string): Promise<{ customerId: string; created: boolean }> {
    // One query on the hot path: the visitor's customer, locked on PostgreSQL like lockCustomer().
    const lock = m.connection.options.type === 'postgres' ? ' FOR SHARE OF c' : '';
    const [locked] = await rawSql<{ id: string; merged_into_id: string | null }[]>(
      m,
      `SELECT c.id, c.merged_into_id FROM identities i JOIN customers c ON c.id = i.customer_id WHERE i.channel = $1 AND i.external_id = $2${lock}`,
      [WEB_CHANNEL, visitorId],
    );
    // Merged while we waited: the visitor's identity moved with it, to the customer it was merged into.
    if (locked?.merged_into_id) return { customerId: locked.merged_into_id, created: false };
    if (locked) return { customerId: locked.id, created: false };
    const customer = await m.save(m.create(Customer, { displayName: `网页访客 ${visitorId.slice(0, 4).toUpperCase()}`, origin: `web:${visitorId}` }));
    await m.save(m.create(Identity, { customerId: customer.id, channel: WEB_CHANNEL, externalId: visitorId }));
    return { customerId: customer.id, created: true };
  }

  private appendMessage(m: EntityManager, msg: ChatMessageInput): Promise<Sent> {
    return appendChatMessage(m, { timeline: this.timeline, inbox: this.inbox }, msg);
  }

  private publish(sent: Sent, exceptSocketId?: string, toVisitor = true) {
    if (sent.newVisitor) this.realtime.joinConversation(sent.newVisitor, sent.event.customerId);
    if (!sent.created) return;
    this.timeline.publish(sent.event);
    if (toVisitor) this.realtime.publishChatMessage(sent.event.customerId, toChatMessage(sent.event), exceptSocketId);
    this.inbox.announce(sent.event.customerId);
  }
}
