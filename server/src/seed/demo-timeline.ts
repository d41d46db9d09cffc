import { EntityManager } from 'typeorm';
import { Customer } from '../customers/customer.entity';
import { Identity } from '../customers/identity.entity';
import type { Staff } from '../staff/staff.entity';
import type { AppendInput, TimelineService } from '../timeline/timeline.service';

const WECHAT = 'wechat:wx5f3c2a1b9d8e7f60';
const DAY = 86_400_000;

type Draft = Omit<AppendInput, 'customerId' | 'source' | 'sourceId' | 'occurredAt'> & { daysAgo: number; at?: string };

/** A few believable mixed-channel stories, then one customer with years of history. */
export async function seedDemoTimelines(m: EntityManager, timeline: TimelineService, longHistory: number): Promise<void> {
  const customers = await m.find(Customer);
  const staff = await m.find<Staff>('Staff');
  const byName = (name: string) => customers.find((c) => c.displayName === name)!;
  const person = (email: string) => {
    const s = staff.find((x) => x.email === email)!;
    return { type: 'staff' as const, id: s.id, name: s.displayName };
  };
  const lin = person('lin.xiao@hearth.demo');
  const wang = person('wang.lei@hearth.demo');
  const emma = person('emma@hearth.demo');
  const now = Date.now();
  let seq = 0;

  async function story(customer: Customer, drafts: Draft[]) {
    const me = { type: 'customer' as const, id: customer.id, name: customer.displayName };
    for (const d of drafts) {
      const [h, min] = (d.at ?? '10:00').split(':').map(Number);
      const day = new Date(now - d.daysAgo * DAY);
      day.setHours(h, min, 0, 0);
      await timeline.appendWithin(m, {
        ...d,
        author: d.author.type === 'customer' ? me : d.author,
        customerId: customer.id,
        occurredAt: day,
        source: 'demo',
        sourceId: `timeline:${++seq}`,
      });
    }
  }
  const identity = (c: Customer, channel: string, externalId: string, displayName: string) =>
    m.insert(Identity, { customerId: c.id, channel, externalId, displayName, verified: true });

  const zhang = byName('张伟');
  await identity(zhang, 'web', 'visitor-7f3a9c', '张伟');
  await identity(zhang, WECHAT, 'oZw8s5Kc2dA1Hearth', '伟哥');
  await identity(zhang, 'forum', 'zhangwei88', 'zhangwei88');
  const me = { type: 'customer' as const };
  await story(zhang, [
    { kind: 'wechat.message', channel: 'wechat', author: me, daysAgo: 8, at: '09:02', body: '你好，我的屏幕碎了怎么办', details: { msgType: 'text', account: 'Hearth 服务号' } },
    { kind: 'wechat.message', channel: 'wechat', author: lin, daysAgo: 8, at: '09:10', body: '您好张先生，别着急。您方便来静安店吗？我们先帮您检测一下。', details: { msgType: 'text', account: 'Hearth 服务号' } },
    { kind: 'store.visit', channel: 'store', author: wang, daysAgo: 7, at: '14:30', body: '检测后确认只是外屏碎裂，当场更换。顾客说下周要出差，很着急。',
      details: { storeName: '上海静安店', reason: '维修', outcome: '当场解决', staffName: '王磊' } },
    { kind: 'note', channel: 'desk', author: lin, daysAgo: 7, at: '16:00', body: '张先生是老顾客，下周出差回来后回访一下屏幕使用情况。', internal: true },
    { kind: 'chat.message', channel: 'chat', author: me, daysAgo: 1, at: '20:31', body: '出差回来了，屏幕很好用，谢谢你们！卡片我留着呢。' },
    { kind: 'chat.message', channel: 'chat', author: lin, daysAgo: 1, at: '20:35', body: '太好了！一路辛苦，有任何问题随时找我们。' },
  ]);

  const emmaT = byName('Emma Thompson');
  await identity(emmaT, 'web', 'visitor-e1m2a3', 'Emma');
  await story(emmaT, [
    { kind: 'chat.message', channel: 'chat', author: me, daysAgo: 3, at: '11:05', body: 'Hi, the battery on my tablet drains overnight even when it is off.' },
    { kind: 'chat.message', channel: 'chat', author: emma, daysAgo: 3, at: '11:08', body: 'Sorry to hear that! Could you tell me which model it is and when you bought it?' },
    { kind: 'chat.message', channel: 'chat', author: me, daysAgo: 3, at: '11:12', body: 'Hearth Tab 11, bought in March. 电池 gets hot too.' },
    { kind: 'note', channel: 'desk', author: emma, daysAgo: 3, at: '11:20', body: 'Likely the known standby firmware issue. Offered a battery check at 杭州西湖店.', internal: true },
    { kind: 'store.visit', channel: 'store', author: person('zhao.min@hearth.demo'), daysAgo: 2, at: '15:00', body: 'Battery health 96%. Updated firmware; standby drain fixed. Showed her the battery settings.',
      details: { storeName: '杭州西湖店', reason: 'Battery', outcome: 'Solved here', staffName: '赵敏' } },
  ]);

  const wangF = byName('王芳');
  await identity(wangF, WECHAT, 'oWf3kQ9pHearth', '芳芳');
  await story(wangF, [
    { kind: 'wechat.message', channel: 'wechat', author: me, daysAgo: 0, at: '08:41', body: '想问一下退货需要带发票吗？', details: { msgType: 'text', account: 'Hearth 服务号' } },
    { kind: 'wechat.message', channel: 'wechat', author: me, daysAgo: 0, at: '08:42', body: '[图片]', details: { msgType: 'image', account: 'Hearth 服务号', picUrl: null } },
  ]);

  // A long history: a community regular since two years ago.
  const xiaomi = byName('黄小米');
  await identity(xiaomi, 'forum', 'xiaomi_huang', '小米');
  await identity(xiaomi, 'web', 'visitor-hxm-01', '黄小米');
  // Her forum posts are written by the forum step, into the forum's long-running topic threads.
  const drafts: Draft[] = longHistoryDrafts(longHistory)
    .filter((d) => d.channel === 'chat')
    .map((d) => ({ kind: 'chat.message', channel: 'chat', author: d.fromStaff ? lin : me, daysAgo: d.daysAgo, at: d.at, body: d.body }));
  await story(xiaomi, drafts);
}

export type LongHistoryDraft = { channel: 'chat' | 'forum'; topic: string; daysAgo: number; at: string; body: string; fromStaff: boolean };

/**
 * 黄小米's two years as a community regular: `count` items, four in five of them forum posts (in
 * the topic threads of the forum step), the rest web chats. Deterministic, so both steps agree.
 */
export function longHistoryDrafts(count: number): LongHistoryDraft[] {
  const topics = ['屏幕', '电池', '退货', '充电器', '蓝牙耳机', '系统更新', '拍照', '保修', '快递', '发票'];
  const lines = [
    (t: string) => `${t}的问题又来请教大家了，有人遇到过吗？`,
    (t: string) => `分享一下我的${t}使用心得：设置里关掉后台刷新会好很多。`,
    (t: string) => `关于${t}，官方客服回复很快，点赞！`,
    (t: string) => `回复楼上：${t}这个我也遇到过，重启就好了。`,
  ];
  let rand = 42;
  const next = () => (rand = (rand * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const drafts: LongHistoryDraft[] = [];
  for (let i = 0; i < count; i++) {
    const topic = topics[Math.floor(next() * topics.length)];
    const daysAgo = Math.round(((count - i) / count) * 730) + 1;
    const at = `${String(8 + Math.floor(next() * 14)).padStart(2, '0')}:${String(Math.floor(next() * 60)).padStart(2, '0')}`;
    if (i % 5 === 4) {
      drafts.push({ channel: 'chat', topic, daysAgo, at, body: `${topic}相关：${lines[i % lines.length](topic)}`, fromStaff: next() < 0.5 });
    } else {
      drafts.push({ channel: 'forum', topic, daysAgo, at, body: lines[i % lines.length](topic), fromStaff: false });
    }
  }
  return drafts;
}
