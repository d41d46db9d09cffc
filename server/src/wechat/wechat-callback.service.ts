import { Inject, Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { InboxService } from '../chat/inbox.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { Customer } from '../customers/customer.entity';
import { Identity } from '../customers/identity.entity';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import { TimelineService } from '../timeline/timeline.service';
import { appendWeChatMessage } from './append-wechat-message';
import { WeChatChannelEntity } from './wechat-channel.entity';
import { identityChannel, WeChatChannelsService } from './wechat-channels.service';
import { signatureMatches, WeChatCipher, wechatSignature } from './wechat-crypto';
import { InboundMessage, toInbound } from './wechat-inbound';
import { field, parseWeChatXml } from './wechat-xml';
import { WeChatErrors } from './wechat.errors';

/** The query WeChat adds to every callback (all strings, any of them possibly missing). */
export type CallbackQuery = Partial<Record<'signature' | 'timestamp' | 'nonce' | 'echostr' | 'encrypt_type' | 'msg_signature', unknown>>;

/**
 * WeChat's calls to us: URL verification and incoming messages. The signature is checked before
 * anything else is read; a message is stored (idempotently) before WeChat is answered.
 */
@Injectable()
export class WeChatCallbackService {
  private readonly logger = new Logger(WeChatCallbackService.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly channels: WeChatChannelsService,
    private readonly tx: Transactor,
    private readonly timeline: TimelineService,
    private readonly inbox: InboxService,
  ) {}

  /** URL verification: the `echostr` back, unchanged, when the signature matches. */
  async verify(channelId: string, q: CallbackQuery): Promise<string> {
    await this.signedChannel(channelId, q);
    if (typeof q.echostr !== 'string') throw WeChatErrors.badMessage('echostr is missing');
    return q.echostr;
  }

  async receive(channelId: string, q: CallbackQuery, body: unknown): Promise<void> {
    const { channel, timestamp, nonce } = await this.signedChannel(channelId, q);
    if (typeof body !== 'string' || !body.trim()) throw WeChatErrors.badXml('expected an XML body');
    // With an EncodingAESKey the account is in safe (or compatible) mode: WeChat then always sends
    // Encrypt. A plain body is refused, since the plain signature does not cover the body.
    if (channel.encodingAesKey && q.encrypt_type !== 'aes') throw WeChatErrors.encryptionRequired();
    let xml = body;
    let fields = parseWeChatXml(body);
    if (q.encrypt_type === 'aes') {
      // Safe mode (and compatible mode): only the decrypted fields are trusted.
      if (!channel.encodingAesKey) throw WeChatErrors.badCiphertext('this account has no EncodingAESKey set');
      const encrypted = field(fields, 'Encrypt');
      if (!encrypted) throw WeChatErrors.badMessage('Encrypt is missing');
      if (!signatureMatches(wechatSignature(channel.token, timestamp, nonce, encrypted), q.msg_signature)) {
        this.logger.warn({ msg: 'WeChat callback with a bad msg_signature', channelId: channel.id });
        throw WeChatErrors.badSignature();
      }
      xml = new WeChatCipher(channel.encodingAesKey, channel.appId).decrypt(encrypted);
      fields = parseWeChatXml(xml);
    }
    await this.store(channel, toInbound(fields, xml, channel));
  }

  /**
   * The account, once the signature made with its Token matches. Until then nothing about it is
   * told: an unknown account and a wrong signature answer alike (401), and a disconnected account
   * says so (403) only to a caller who signed with its Token.
   */
  private async signedChannel(channelId: string, q: CallbackQuery): Promise<{ channel: WeChatChannelEntity; timestamp: string; nonce: string }> {
    const channel = await this.channels.find(channelId);
    const { timestamp, nonce } = q;
    const shaped = typeof timestamp === 'string' && typeof nonce === 'string' && /^\d{1,12}$/.test(timestamp) && nonce.length <= 128;
    if (!channel || !shaped || !signatureMatches(wechatSignature(channel.token, timestamp, nonce), q.signature)) {
      // The id is ours (a UUID or not); never the token, the signature or the query.
      this.logger.warn({ msg: channel ? 'WeChat callback with a bad signature' : 'WeChat callback for an unknown account', channelId: channel?.id ?? null });
      throw WeChatErrors.badSignature();
    }
    if (!channel.active) throw WeChatErrors.channelDisabled();
    const window = this.config.wechat.timestampWindowSeconds;
    if (window > 0 && Math.abs(Date.now() / 1000 - Number(timestamp)) > window) throw WeChatErrors.staleTimestamp();
    return { channel, timestamp, nonce };
  }

  private async store(channel: WeChatChannelEntity, msg: InboundMessage): Promise<void> {
    const result = await this.tx.run(async (m) => {
      const customerId = await this.ensureFollower(m, channel, msg.openId);
      return appendWeChatMessage(m, { timeline: this.timeline, inbox: this.inbox }, customerId, msg);
    });
    if (!result.created) return;
    this.timeline.publish(result.event);
    // Messages wait for a reply in the desk inbox; events (subscribe, menu taps) only show on the timeline.
    if (msg.isMessage) this.inbox.announce(result.event.customerId);
  }

  /**
   * The customer behind a follower of this account, made on their first message ("微信用户 3F2A",
   * staff rename them). The identity is (`wechat:<appId>`, OpenID): OpenIDs are per account, so the
   * same person following two accounts is two identities until staff merge them.
   */
  private async ensureFollower(m: EntityManager, channel: WeChatChannelEntity, openId: string): Promise<string> {
    const pg = m.connection.options.type === 'postgres';
    const idChannel = identityChannel(channel.appId);
    // Two first messages of one new follower at once make one customer (SQLite writes one at a time).
    if (pg) await m.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`${idChannel}:${openId}`]);
    const [found] = await rawSql<{ id: string; merged_into_id: string | null }[]>(
      m,
      `SELECT c.id, c.merged_into_id FROM identities i JOIN customers c ON c.id = i.customer_id WHERE i.channel = $1 AND i.external_id = $2${pg ? ' FOR SHARE OF c' : ''}`,
      [idChannel, openId],
    );
    if (found) return found.merged_into_id ?? found.id;
    const customer = await m.save(m.create(Customer, { displayName: `微信用户 ${openId.slice(-4).toUpperCase()}`, origin: `${idChannel}:${openId}`.slice(0, 80) }));
    await m.save(m.create(Identity, { customerId: customer.id, channel: idChannel, externalId: openId }));
    return customer.id;
  }
}
