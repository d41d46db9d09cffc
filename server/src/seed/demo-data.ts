import { DataSource, EntityManager } from 'typeorm';
import { hashPassword } from '../auth/password';
import { Customer } from '../customers/customer.entity';
import { Role, Staff } from '../staff/staff.entity';
import { Store } from '../stores/store.entity';
import type { InboxService } from '../chat/inbox.service';
import type { TimelineService } from '../timeline/timeline.service';
import type { Transactor } from '../database/transactor';
import { seedDemoChat } from './demo-chat';
import { ForumSeedServices, seedDemoForum } from './demo-forum';
import { seedDemoStories } from './demo-stories';
import { seedDemoVisits } from './demo-visits';
import { seedDemoTimelines } from './demo-timeline';
import { seedDemoWeChat } from './demo-wechat';

export const DEMO_PASSWORD = 'hearth-demo';

export const DEMO_STAFF: { email: string; displayName: string; role: Role; store?: string }[] = [
  { email: 'admin@hearth.demo', displayName: '管理员 Admin', role: 'admin' },
  { email: 'lin.xiao@hearth.demo', displayName: '林晓', role: 'agent' },
  { email: 'chen.siyuan@hearth.demo', displayName: '陈思远', role: 'agent' },
  { email: 'emma@hearth.demo', displayName: 'Emma Walsh', role: 'agent' },
  { email: 'wang.lei@hearth.demo', displayName: '王磊', role: 'store', store: '上海静安店' },
  { email: 'zhao.min@hearth.demo', displayName: '赵敏', role: 'store', store: '杭州西湖店' },
  { email: 'zhou.ting@hearth.demo', displayName: '周婷', role: 'manager' },
];

const STORES = [
  { name: '上海静安店', city: '上海', address: '静安区南京西路 1266 号 恒隆广场 3 楼' },
  { name: '杭州西湖店', city: '杭州', address: '上城区延安路 98 号 湖滨银泰 in77 B 区 2 楼' },
];

const CUSTOMERS = [
  { displayName: '张伟', phone: '+8613812345678', notes: '老顾客，喜欢电话沟通。' },
  { displayName: '李娜', phone: '+8613900001111', notes: '' },
  { displayName: '王芳', phone: '+8618600002222', notes: '住在静安店附近。' },
  { displayName: '刘洋', phone: null, notes: '' },
  { displayName: '陈静', phone: '+8615800003333', notes: '' },
  { displayName: 'Emma Thompson', phone: '+8613700004444', notes: 'Prefers English.' },
  { displayName: 'David Miller', phone: null, notes: 'Expat in Hangzhou; prefers English.' },
  { displayName: '黄小米', phone: '+8617700005555', notes: '社区活跃用户。' },
];

/**
 * Demo seed steps, run once each on a database that started empty. Later features add steps to
 * the end of this list (never change a step that has shipped: its key records that it ran).
 */
export type SeedContext = {
  timeline: TimelineService;
  inbox: InboxService;
  forum: ForumSeedServices;
  dataSource: DataSource;
  tx: Transactor;
  longHistory: number;
  storeTimeZone: string;
  stories: boolean;
  forumDemo: boolean;
};

/**
 * Steps run once each, in order; a step that is not `enabled` is left to a later start that enables
 * it. A step `run` gets a transaction; a step with `runAlone` writes through services that make
 * their own transactions (and is recorded as done when it returns).
 */
export type SeedStep = { key: string; enabled?: (ctx: SeedContext) => boolean } & (
  | { run: (m: EntityManager, ctx: SeedContext) => Promise<void> }
  | { runAlone: (ctx: SeedContext) => Promise<void> }
);

export const DEMO_SEED_STEPS: SeedStep[] = [
  {
    key: 'foundation',
    run: async (m) => {
      const stores = await m.save(Store, STORES.map((s) => m.create(Store, s)));
      const storeId = (name?: string) => stores.find((s) => s.name === name)?.id ?? null;
      for (const s of DEMO_STAFF) {
        await m.insert(Staff, {
          email: s.email,
          displayName: s.displayName,
          role: s.role,
          storeId: storeId(s.store),
          passwordHash: await hashPassword(DEMO_PASSWORD),
          active: true,
        });
      }
      await m.insert(Customer, CUSTOMERS);
    },
  },
  { key: 'timelines', run: (m, ctx) => seedDemoTimelines(m, ctx.timeline, ctx.longHistory) },
  { key: 'chat', run: (m, ctx) => seedDemoChat(m, ctx.timeline, ctx.inbox) },
  { key: 'visits', run: (m, ctx) => seedDemoVisits(m, ctx.timeline, ctx.inbox, ctx.storeTimeZone) },
  { key: 'stories', enabled: (ctx) => ctx.stories, run: (m, ctx) => seedDemoStories(m, ctx.timeline, ctx.inbox, ctx.storeTimeZone) },
  { key: 'wechat', run: (m, ctx) => seedDemoWeChat(m, ctx.timeline, ctx.inbox) },
  { key: 'forum', enabled: (ctx) => ctx.forumDemo, runAlone: (ctx) => seedDemoForum(ctx.dataSource, ctx.tx, ctx.forum, ctx.longHistory, ctx.storeTimeZone) },
];
