import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ChatService } from '../chat/chat.service';
import { InboxService } from '../chat/inbox.service';
import type { ReplyChannel, StaffReply } from '../chat/reply-channel';
import { rawSql } from '../database/raw-sql';
import type { TimelineEvent, WeChatMessageDetails } from '../realtime/contract';
import { TimelineEventEntity } from '../timeline/event.entity';
import { TimelineService } from '../timeline/timeline.service';
import { WeChatOutbox } from './wechat-outbox.service';
import { WeChatErrors } from './wechat.errors';

type Target = { channelId: string; account: string; appId: string; openId: string };

/**
 * Staff replies to WeChat customers, from the same composer as web chat: the reply is a
 * `wechat.message` event (stored and acknowledged like a chat reply) and a row in the outbox,
 * in one transaction; the outbox delivers it.
 */
@Injectable()
export class WeChatReplies implements ReplyChannel, OnModuleInit {
  constructor(
    private readonly chat: ChatService,
    private readonly timeline: TimelineService,
    private readonly inbox: InboxService,
    private readonly outbox: WeChatOutbox,
  ) {}

  onModuleInit() {
    this.chat.registerReplyChannel(this);
  }

  async canReply(m: EntityManager, customerId: string): Promise<boolean> {
    return !!(await this.target(m, customerId));
  }

  async appendReply(m: EntityManager, reply: StaffReply): Promise<{ event: TimelineEvent; created: boolean }> {
    if (reply.image) throw WeChatErrors.imageUnsupported();
    const target = await this.target(m, reply.customerId);
    if (!target) throw WeChatErrors.channelDisabled();
    const details: WeChatMessageDetails = { msgType: 'text', ...target, clientId: reply.clientId, delivery: { status: 'pending' } };
    const appended = await this.timeline.appendWithin(m, {
      customerId: reply.customerId,
      kind: 'wechat.message',
      channel: 'wechat',
      author: { type: 'staff', id: reply.staff.id, name: reply.staff.displayName },
      body: reply.body,
      details,
      source: 'wechat.reply',
      // Per conversation, like web chat: the same client id from the same person is one reply.
      sourceId: `staff:${reply.staff.id}:${reply.customerId}:${reply.clientId}`,
    });
    if (appended.created) {
      await this.inbox.recordMessage(m, appended.event, 'wechat');
      await this.outbox.enqueue(m, { eventId: Number(appended.event.id), channelId: target.channelId, openId: target.openId, text: reply.body });
    }
    return appended;
  }

  afterCommit() {
    this.outbox.kick();
  }

  /**
   * Where a reply goes: the follower identity the customer last wrote from, on a connected account.
   * A customer can have several (the same person on two accounts, or two OpenIDs merged into one
   * customer): the reply answers the OpenID of their latest WeChat message, not whichever identity
   * happens to be newest. With no message from a connected one, the newest connected identity.
   */
  private async target(m: EntityManager, customerId: string): Promise<Target | null> {
    const rows = await rawSql<{ open_id: string; channel_id: string; account: string; app_id: string }[]>(
      m,
      `SELECT i.external_id AS open_id, w.id AS channel_id, w.name AS account, w.app_id FROM identities i
       JOIN wechat_channels w ON i.channel = 'wechat:' || w.app_id
       WHERE i.customer_id = $1 AND w.active ORDER BY i.created_at DESC, i.id DESC`,
      [customerId],
    );
    if (!rows.length) return null;
    let row = rows[0];
    if (rows.length > 1) {
      const last = await m.findOne(TimelineEventEntity, {
        where: { customerId, kind: 'wechat.message', authorType: 'customer' },
        order: { id: 'DESC' },
      });
      const details = (last?.details ?? null) as WeChatMessageDetails | null;
      const openId = details?.openId ?? last?.authorId ?? null;
      row = rows.find((r) => r.app_id === details?.appId && r.open_id === openId) ?? rows.find((r) => r.app_id === details?.appId) ?? row;
    }
    return { channelId: row.channel_id, account: row.account, appId: row.app_id, openId: row.open_id };
  }
}
