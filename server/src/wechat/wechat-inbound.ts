import { createHash } from 'node:crypto';
import type { WeChatMessageDetails, WeChatMsgType } from '../realtime/contract';
import type { WeChatChannelEntity } from './wechat-channel.entity';
import { WeChatErrors } from './wechat.errors';
import { field, WeChatFields } from './wechat-xml';

/** What one callback becomes: a `wechat.message` event on the sender's timeline. */
export type InboundMessage = {
  openId: string;
  occurredAt: Date;
  /**
   * Unique per account: `<appId>:msg:<MsgId>`, or for events (which have no MsgId)
   * `<appId>:event:<OpenID>:<CreateTime>:<Event>[:<EventKey>]`, so a follow and a menu tap in the
   * same second are two events while WeChat's retries of either are one.
   */
  sourceId: string;
  body: string;
  details: WeChatMessageDetails;
  /** A message (someone may be waiting for a reply), not an event such as subscribe. */
  isMessage: boolean;
};

const KNOWN: ReadonlySet<string> = new Set(['text', 'image', 'voice', 'video', 'shortvideo', 'location', 'link', 'event']);
const KNOWN_EVENTS: ReadonlySet<string> = new Set(['subscribe', 'unsubscribe', 'CLICK', 'VIEW']);
const MAX_ID = 64;

/**
 * Maps a parsed (and, in safe mode, decrypted) message to its event. Every type in the protocol
 * keeps its fields; an unknown type or event keeps its raw XML, so nothing WeChat sends is dropped.
 */
export function toInbound(fields: WeChatFields, xml: string, channel: WeChatChannelEntity): InboundMessage {
  const f = (name: string) => field(fields, name);
  const openId = f('FromUserName');
  const createTime = f('CreateTime');
  const rawType = f('MsgType');
  if (!openId || openId.length > MAX_ID) throw WeChatErrors.badMessage('FromUserName is missing or too long');
  if (!/^\d{1,12}$/.test(createTime)) throw WeChatErrors.badMessage('CreateTime must be unix seconds');
  if (!rawType) throw WeChatErrors.badMessage('MsgType is missing');
  const msgId = f('MsgId');
  if (msgId && !/^\d{1,30}$/.test(msgId)) throw WeChatErrors.badMessage('MsgId must be digits');

  const msgType: WeChatMsgType = KNOWN.has(rawType) ? (rawType as WeChatMsgType) : 'unknown';
  const details: WeChatMessageDetails = { msgType, channelId: channel.id, account: channel.name, appId: channel.appId, openId };
  if (msgId) details.msgId = msgId;
  let body: string;
  switch (msgType) {
    case 'text':
      // As the customer typed it, leading and trailing spaces included.
      body = field(fields, 'Content', { trim: false });
      break;
    case 'image':
      Object.assign(details, { picUrl: f('PicUrl'), mediaId: f('MediaId') });
      body = '[图片]';
      break;
    case 'voice':
      Object.assign(details, { mediaId: f('MediaId'), format: f('Format') });
      if (f('Recognition')) details.recognition = f('Recognition');
      body = details.recognition ? `[语音] ${details.recognition}` : '[语音]';
      break;
    case 'video':
    case 'shortvideo':
      Object.assign(details, { mediaId: f('MediaId'), thumbMediaId: f('ThumbMediaId') });
      body = msgType === 'video' ? '[视频]' : '[小视频]';
      break;
    case 'location':
      details.location = { x: f('Location_X'), y: f('Location_Y'), scale: f('Scale'), label: f('Label') };
      body = `[位置] ${details.location.label || `${details.location.x}, ${details.location.y}`}`;
      break;
    case 'link':
      details.link = { title: f('Title'), description: f('Description'), url: f('Url') };
      body = [details.link.title, details.link.description, details.link.url].filter(Boolean).join('\n');
      break;
    case 'event': {
      const event = f('Event');
      details.event = event;
      if (f('EventKey')) details.eventKey = f('EventKey');
      if (f('MenuId')) details.menuId = f('MenuId');
      if (!KNOWN_EVENTS.has(event)) details.raw = xml;
      body = eventText(event, details.eventKey);
      break;
    }
    default:
      Object.assign(details, { rawType, raw: xml });
      body = `[${rawType}]`;
  }
  const isMessage = msgType !== 'event';
  const eventPart = isMessage ? '' : `:${short(details.event ?? '')}${details.eventKey ? `:${short(details.eventKey)}` : ''}`;
  const sourceId = msgId
    ? `${channel.appId}:msg:${msgId}`
    : `${channel.appId}:${isMessage ? `${rawType}` : 'event'}:${openId}:${createTime}${eventPart}`;
  return { openId, occurredAt: new Date(Number(createTime) * 1000), sourceId, body, details, isMessage };
}

/** A part of a source id (at most 200 characters in all): a long one (a menu link) by its hash. */
function short(part: string): string {
  return part.length <= 40 ? part : createHash('sha1').update(part).digest('hex');
}

function eventText(event: string, key: string | undefined): string {
  switch (event) {
    case 'subscribe':
      return '关注了公众号';
    case 'unsubscribe':
      return '取消关注了公众号';
    case 'CLICK':
      return `点击了菜单 ${key ?? ''}`.trim();
    case 'VIEW':
      return `打开了菜单链接 ${key ?? ''}`.trim();
    default:
      return `[事件 ${event || '未知'}]`;
  }
}
