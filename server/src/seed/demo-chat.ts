import { EntityManager, IsNull, Not } from 'typeorm';
import { Conversation } from '../chat/conversation.entity';
import { appendChatMessage } from '../chat/append-chat-message';
import { InboxService } from '../chat/inbox.service';
import { QuickReplyEntity } from '../chat/quick-reply.entity';
import { Customer } from '../customers/customer.entity';
import { Identity } from '../customers/identity.entity';
import type { Staff } from '../staff/staff.entity';
import { TimelineEventEntity } from '../timeline/event.entity';
import { toTimelineEvent } from '../timeline/timeline.mapper';
import type { TimelineService } from '../timeline/timeline.service';

const MINUTE = 60_000;

const QUICK_REPLIES = [
  '您好，我是 Hearth 的客服，很高兴为您服务。',
  '麻烦提供一下订单号，我帮您查询。',
  '不好意思让您久等了，我这就帮您看看。',
  '您方便的话可以到附近门店，店员会当面帮您检测。',
  '还有其他可以帮您的吗？',
  'Hi! Thanks for reaching out — how can I help?',
];

/**
 * Web chat in the demo: conversations for the chats already on the timelines, two visitors
 * waiting for a reply right now, one whose phone matches a known customer (a suggestion for
 * staff), and the team's saved phrases.
 */
export async function seedDemoChat(m: EntityManager, timeline: TimelineService, inbox: InboxService): Promise<void> {
  // Everyone who chatted on the web has a web identity and a conversation.
  const chats = await m.find(TimelineEventEntity, { where: { kind: 'chat.message', channel: 'chat' }, order: { id: 'ASC' } });
  for (const customerId of new Set(chats.map((e) => e.customerId))) {
    if (!(await m.existsBy(Identity, { customerId, channel: 'web' }))) {
      await m.insert(Identity, { customerId, channel: 'web', externalId: `demo-visitor-${customerId.slice(0, 8)}` });
    }
  }
  for (const e of chats) {
    await inbox.recordMessage(m, toTimelineEvent(e), 'chat');
    // Whoever answered has read up to their answer.
    if (e.authorType === 'staff' && e.authorId) await inbox.markRead(m, e.authorId, e.customerId, e.id);
  }
  // The older stories were answered on other channels (phone, store): nobody there is waiting.
  await m.update(Conversation, { waitingSince: Not(IsNull()) }, { waitingSince: null });

  const staff = await m.find<Staff>('Staff');
  const chen = staff.find((s) => s.email === 'chen.siyuan@hearth.demo')!;
  const now = Date.now();
  let seq = 0;
  async function visitor(name: string, visitorId: string, messages: { minutesAgo: number; body: string; staff?: Staff }[], phone?: string) {
    const customer = await m.save(m.create(Customer, { displayName: name, phone: phone ?? null }));
    await m.insert(Identity, { customerId: customer.id, channel: 'web', externalId: visitorId, displayName: name });
    for (const msg of messages) {
      const { event } = await appendChatMessage(m, { timeline, inbox }, {
        customerId: customer.id,
        author: msg.staff ? { type: 'staff', id: msg.staff.id, name: msg.staff.displayName } : { type: 'customer', id: visitorId, name: null },
        body: msg.body,
        clientId: `demo-chat-${++seq}`,
        image: null,
        occurredAt: new Date(now - msg.minutesAgo * MINUTE),
        sourceId: `demo:${visitorId}:${seq}`,
      });
      if (msg.staff) await inbox.markRead(m, msg.staff.id, customer.id, Number(event.id));
    }
    return customer;
  }

  await visitor('孙丽', 'demo-visitor-sunli', [
    { minutesAgo: 48, body: '你好，我前天在官网下单的降噪耳机还没发货，能帮我查一下吗？' },
    { minutesAgo: 47, body: '订单号 HT20261121-0871' },
  ]);
  await visitor('网页访客 8C1D', 'demo-visitor-8c1d', [
    { minutesAgo: 130, body: '请问你们的保修是全国联保吗？' },
    { minutesAgo: 126, body: '我在成都，附近好像没有门店' },
  ]);
  await visitor('Oliver Chen', 'demo-visitor-oliver', [
    { minutesAgo: 300, body: 'Hi, can I return a keyboard I bought last week if the box is opened?' },
    { minutesAgo: 296, body: 'Yes — within 15 days, opened boxes are fine as long as nothing is damaged. Bring it to any store, or I can arrange a pickup.', staff: chen },
    { minutesAgo: 290, body: 'Pickup would be great, thanks!' },
    { minutesAgo: 285, body: 'Done: a courier will call you tomorrow morning. Have a good evening!', staff: chen },
  ]);

  // A visitor who left 李娜's phone: staff see a suggestion and decide; nothing is linked.
  const lina = await m.findOneByOrFail(Customer, { displayName: '李娜' });
  const guest = await visitor('网页访客 5E0B', 'demo-visitor-5e0b', [{ minutesAgo: 20, body: '上次在门店买的手表表带能单独换吗？' }]);
  await inbox.suggest(m, guest.id, lina.id);
  await timeline.appendWithin(m, {
    customerId: guest.id,
    kind: 'customer.link_suggested',
    channel: 'system',
    author: { type: 'system' },
    body: `+8613900001111 → ${lina.displayName}`,
    details: { phone: '+8613900001111', suggestedCustomerId: lina.id, suggestedName: lina.displayName, visitorId: 'demo-visitor-5e0b' },
    occurredAt: new Date(now - 19 * MINUTE),
    source: 'chat.suggestion',
    sourceId: `${guest.id}:${lina.id}`,
    internal: true,
  });

  await m.insert(QuickReplyEntity, QUICK_REPLIES.map((text) => ({ text, updatedBy: '林晓' })));
}
