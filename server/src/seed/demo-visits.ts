import { EntityManager } from 'typeorm';
import type { InboxService } from '../chat/inbox.service';
import { Customer } from '../customers/customer.entity';
import type { StoreVisitDetails } from '../realtime/contract';
import type { Staff } from '../staff/staff.entity';
import { Store } from '../stores/store.entity';
import type { TimelineService } from '../timeline/timeline.service';
import { appendVisit } from '../visits/append-visit';
import { startOfLocalDay } from '../common/local-time';

const MINUTE = 60_000;

type DemoVisit = Omit<StoreVisitDetails, 'clientId' | 'storeId' | 'storeName' | 'staffName' | 'images'> & {
  customer: string;
  staff: string;
  minutesAgo: number;
};

const VISITS: DemoVisit[] = [
  {
    customer: '王芳', staff: 'wang.lei@hearth.demo', minutesAgo: 150, reasons: ['question'], reasonText: '想了解手表的续航',
    actions: '演示了省电模式的设置，帮她打开了，顺便调亮了表盘。', outcome: 'solved', followUpNote: null,
  },
  {
    customer: '陈静', staff: 'wang.lei@hearth.demo', minutesAgo: 70, reasons: ['repair'], reasonText: '耳机左耳没有声音',
    actions: '清理了充电触点，左耳恢复了。电池健康度 72%，偏低。', outcome: 'follow_up',
    followUpNote: '一周后回访问问续航；如果还是撑不过一天，帮她安排换新电池。',
  },
  {
    customer: 'David Miller', staff: 'zhao.min@hearth.demo', minutesAgo: 35, reasons: ['return'], reasonText: 'Keyboard arrived with a sticky key',
    actions: 'Exchanged it for a new one on the spot and tested every key together.', outcome: 'solved', followUpNote: null,
  },
  {
    customer: '刘洋', staff: 'zhao.min@hearth.demo', minutesAgo: 24 * 60 + 90, reasons: ['purchase', 'question'], reasonText: '',
    actions: '试听了两款降噪耳机，他说回去再考虑一下。', outcome: 'browsing', followUpNote: null,
  },
];

/** Walk-in visits at both demo stores: today's diary has people in it, and one asks for a follow-up. */
export async function seedDemoVisits(m: EntityManager, timeline: TimelineService, inbox: InboxService, timeZone: string): Promise<void> {
  const stores = await m.find(Store);
  const staff = await m.find<Staff>('Staff');
  const now = Date.now();
  // "Today" visits stay in the stores' today even when the demo starts just after midnight.
  const today = startOfLocalDay(new Date(now), timeZone).getTime();
  for (const [i, v] of VISITS.entries()) {
    const customer = await m.findOneByOrFail(Customer, { displayName: v.customer });
    const person = staff.find((s) => s.email === v.staff)!;
    const store = stores.find((s) => s.id === person.storeId)!;
    const { customer: _c, staff: _s, minutesAgo, ...rest } = v;
    const details: StoreVisitDetails = { ...rest, clientId: `demo-visit-${i}`, storeId: store.id, storeName: store.name, staffName: person.displayName, images: [] };
    const occurredAt = new Date(minutesAgo < 24 * 60 ? Math.max(now - minutesAgo * MINUTE, Math.min(today + (i + 1) * 1000, now)) : now - minutesAgo * MINUTE);
    await appendVisit(m, { timeline, inbox }, { customerId: customer.id, staff: person, details, occurredAt });
  }
}
