import { EntityManager } from 'typeorm';
import type { InboxService } from '../chat/inbox.service';
import { Customer } from '../customers/customer.entity';
import { Identity } from '../customers/identity.entity';
import type { StoreVisitDetails } from '../realtime/contract';
import type { Staff } from '../staff/staff.entity';
import { Store } from '../stores/store.entity';
import type { TimelineService } from '../timeline/timeline.service';
import { appendVisit } from '../visits/append-visit';
import { appendWeChatMessage } from '../wechat/append-wechat-message';
import { WeChatChannelEntity } from '../wechat/wechat-channel.entity';
import { identityChannel } from '../wechat/wechat-channels.service';
import { toInbound } from '../wechat/wechat-inbound';

/** The demo account's AppID (the demo timelines' WeChat identities use it too) and its Token, for trying callbacks by hand. */
export const DEMO_WECHAT_APP_ID = 'wx5f3c2a1b9d8e7f60';
export const DEMO_WECHAT_TOKEN = 'hearthdemo';
const OPEN_ID = 'oHearthDemo8C1D';
const MINUTE = 60_000;

/**
 * A connected demo Official Account (plain mode) and a follower who wrote in through it: subscribe,
 * text, a photo, a voice message with WeChat's recognition, then a store visit on
 * the same timeline (her forum question comes with the forum step). The messages go through the same mapping as real callbacks.
 */
export async function seedDemoWeChat(m: EntityManager, timeline: TimelineService, inbox: InboxService): Promise<void> {
  const channel = await m.save(
    m.create(WeChatChannelEntity, {
      name: 'Hearth 服务号',
      appId: DEMO_WECHAT_APP_ID,
      appSecret: 'demosecret0000000000000000000000',
      token: DEMO_WECHAT_TOKEN,
      encodingAesKey: null,
      active: true,
    }),
  );
  const customer = await m.save(m.create(Customer, { displayName: '赵雪', phone: '+8613600006666', notes: '通过公众号联系，习惯发语音。' }));
  await m.insert(Identity, { customerId: customer.id, channel: identityChannel(channel.appId), externalId: OPEN_ID, displayName: '雪' });
  const now = Date.now();
  const at = (minutesAgo: number) => Math.floor((now - minutesAgo * MINUTE) / 1000);


  const messages: Record<string, string>[] = [
    { MsgType: 'event', Event: 'subscribe', CreateTime: String(at(2 * 24 * 60)) },
    { MsgType: 'text', Content: '你好，我的手表充电时背面发烫，论坛里也问过了', MsgId: '24011000000000001', CreateTime: String(at(2 * 24 * 60 - 1)) },
    { MsgType: 'image', PicUrl: 'http://mmbiz.qpic.cn/mmbiz_jpg/hearth-demo/0', MediaId: 'demo-media-watch-back', MsgId: '24011000000000002', CreateTime: String(at(2 * 24 * 60 - 2)) },
    { MsgType: 'voice', MediaId: 'demo-media-voice', Format: 'amr', Recognition: '充电器是原装的，用了大概半年了。', MsgId: '24011000000000003', CreateTime: String(at(2 * 24 * 60 - 3)) },
  ];
  for (const fields of messages) await appendWeChat(m, timeline, inbox, channel, customer.id, fields);

  const staff = await m.find<Staff>('Staff');
  const wang = staff.find((s) => s.email === 'wang.lei@hearth.demo')!;
  const store = await m.findOneByOrFail(Store, { id: wang.storeId! });
  const details: StoreVisitDetails = {
    clientId: 'demo-visit-wechat',
    storeId: store.id,
    storeName: store.name,
    staffName: wang.displayName,
    reasons: ['repair'],
    reasonText: '充电发烫',
    actions: '检测电池和充电线圈正常，更换了一条新的磁吸充电线，教她避免边充电边运动。',
    outcome: 'solved',
    followUpNote: null,
    images: [],
  };
  await appendVisit(m, { timeline, inbox }, { customerId: customer.id, staff: wang, details, occurredAt: new Date(now - 24 * 60 * MINUTE) });

  // Back home, she writes again: she is waiting for a reply in the desk inbox.
  await appendWeChat(m, timeline, inbox, channel, customer.id, {
    MsgType: 'text',
    Content: '换了充电线以后不烫了，谢谢静安店的王磊！',
    MsgId: '24011000000000004',
    CreateTime: String(at(25)),
  });
}

async function appendWeChat(
  m: EntityManager,
  timeline: TimelineService,
  inbox: InboxService,
  channel: WeChatChannelEntity,
  customerId: string,
  fields: Record<string, string>,
): Promise<void> {
  const msg = toInbound({ FromUserName: OPEN_ID, ToUserName: 'gh_hearthdemo', ...fields }, '', channel);
  await appendWeChatMessage(m, { timeline, inbox }, customerId, msg);
}
