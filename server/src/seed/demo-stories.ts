import { randomUUID } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { CaseOnItEntity, CaseThemeEntity } from '../cases/case-on-it.entity';
import { CaseResolutionEntity } from '../cases/case-resolution.entity';
import { CaseEntity } from '../cases/case.entity';
import { normaliseThemes, staffChannel, storyText } from '../cases/cases.mapper';
import { GestureEntity } from '../cases/gesture.entity';
import { StoryIndex } from '../cases/story-index';
import { appendChatMessage } from '../chat/append-chat-message';
import type { InboxService } from '../chat/inbox.service';
import { localMonth, startOfLocalDay } from '../common/local-time';
import { Customer } from '../customers/customer.entity';
import { Identity } from '../customers/identity.entity';
import { rawSql } from '../database/raw-sql';
import type { GestureKind, StoreVisitDetails, VisitOutcome, VisitReason } from '../realtime/contract';
import type { Staff } from '../staff/staff.entity';
import { Store } from '../stores/store.entity';
import { StoryThanksEntity } from '../stories/story-thanks.entity';
import { TimelineEventEntity } from '../timeline/event.entity';
import type { TimelineService } from '../timeline/timeline.service';
import { appendVisit } from '../visits/append-visit';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const WECHAT = 'wechat:wx5f3c2a1b9d8e7f60';
const WECHAT_DETAILS = { msgType: 'text', account: 'Hearth 服务号' };

type Who = 'lin' | 'chen' | 'emma' | 'wang' | 'zhao' | 'zhou';
const EMAILS: Record<Who, string> = {
  lin: 'lin.xiao@hearth.demo',
  chen: 'chen.siyuan@hearth.demo',
  emma: 'emma@hearth.demo',
  wang: 'wang.lei@hearth.demo',
  zhao: 'zhao.min@hearth.demo',
  zhou: 'zhou.ting@hearth.demo',
};

type Entry = { at: Date } & (
  | { chat: 'me' | Who; body: string }
  | { wechat: 'me' | Who; body: string }
  | { note: Who; body: string }
  | { visit: 'wang' | 'zhao'; reasons: VisitReason[]; reasonText: string; actions: string; outcome: VisitOutcome }
);
type GestureSpec = {
  at: Date;
  by: Who;
  kind: GestureKind;
  note: string;
  costCents: number | null;
  /** When it was marked given (by the giver), if it was planned first. */
  given?: Date;
  planned?: boolean;
  reaction?: { at: Date; by: Who; text: string };
};
type Writing = { at: Date; by: Who; needed: string; did: string; felt: string; words: string | null };
type StorySpec = {
  customer: Customer;
  title: string;
  themes: string[];
  opened: { at: Date; by: Who };
  /** Events already on the timeline that belong to this case. */
  attach?: number[];
  entries?: Entry[];
  gestures?: GestureSpec[];
  onIt?: { at: Date; by: Who }[];
  resolution?: Writing;
  /** A colleague's later edit: a second version, the first kept as history. */
  edit?: Partial<Writing> & { at: Date; by: Who };
  highlight?: { at: Date; note: string };
  thanks?: { at: Date; to: Who; body: string; seenAt: Date | null }[];
};

/** New people in the stories, beyond the foundation's customers. */
const NEW_CUSTOMERS = [
  { displayName: '马晓雯', phone: '+8613611112222', notes: '' },
  { displayName: '郭晓燕', phone: '+8615967781234', notes: '' },
  { displayName: '徐建国', phone: '+8613301238866', notes: '72 岁，女儿在深圳。喜欢上午人少的时候来店里。' },
  { displayName: '邓佳', phone: '+8618857123456', notes: '' },
  { displayName: '吴昊', phone: null, notes: '论坛上叫 wuhao_photo，喜欢给孩子拍照。' },
  { displayName: 'Sophie Laurent', phone: '+8613122223333', notes: 'Prefers English. Runs with her earbuds.' },
  { displayName: '何雨桐', phone: '+8617757001122', notes: '' },
];

/**
 * The demo's stories: a dozen resolved cases in Chinese and English over the last six weeks, told
 * across chat, WeChat, the forum and both stores, with gestures, reactions, a highlight or two and
 * thank-you notes — and three cases still open. Rows are written as CasesService, GesturesService
 * and StoriesService write them; 张伟's and Emma Thompson's threads from the timeline step become
 * their cases.
 */
export async function seedDemoStories(m: EntityManager, timeline: TimelineService, inbox: InboxService, timeZone: string): Promise<void> {
  const now = Date.now();
  const staffRows = await m.find<Staff>('Staff');
  const staff = (who: Who) => staffRows.find((s) => s.email === EMAILS[who])!;
  const stores = await m.find(Store);
  await m.insert(Customer, NEW_CUSTOMERS);
  const customers = await m.find(Customer);
  const customer = (name: string) => customers.find((c) => c.displayName === name)!;

  /** `daysAgo` days back, at a wall-clock time in the stores' time zone. */
  const t = (daysAgo: number, at: string): Date => {
    const [h, min] = at.split(':').map(Number);
    return new Date(startOfLocalDay(new Date(now - daysAgo * DAY), timeZone).getTime() + h * HOUR + min * MINUTE);
  };
  /** A moment after `from`, never in the future. */
  const after = (from: Date, ms: number) => new Date(Math.min(from.getTime() + ms, now - MINUTE));

  const identity = async (c: Customer, channel: string, externalId: string, displayName: string) => {
    const known = await m.findOneBy(Identity, { customerId: c.id, channel });
    if (known) return known.externalId;
    await m.insert(Identity, { customerId: c.id, channel, externalId, displayName, verified: true });
    return externalId;
  };

  let seq = 0;
  let caseNo = 0;
  let gestureNo = 0;
  let thanksNo = 0;
  const index = new StoryIndex(m.connection);
  const staffAuthor = (who: Who) => ({ type: 'staff' as const, id: staff(who).id, name: staff(who).displayName });

  /** Writes one entry the way its channel would, and returns its event id. */
  async function write(c: Customer, e: Entry): Promise<number> {
    const n = ++seq;
    if ('chat' in e) {
      const visitorId = await identity(c, 'web', `visitor-story-${n}`, c.displayName);
      const clientId = `demo-story-${n}`;
      const fromStaff = e.chat !== 'me' ? staff(e.chat) : null;
      const { event } = await appendChatMessage(m, { timeline, inbox }, {
        customerId: c.id,
        author: fromStaff ? { type: 'staff', id: fromStaff.id, name: fromStaff.displayName } : { type: 'customer', id: visitorId, name: null },
        body: e.body,
        clientId,
        image: null,
        occurredAt: e.at,
        sourceId: fromStaff ? `staff:${fromStaff.id}:${c.id}:${clientId}` : `visitor:${visitorId}:${clientId}`,
      });
      // Whoever answered has read up to their answer.
      if (fromStaff) await inbox.markRead(m, fromStaff.id, c.id, Number(event.id));
      return Number(event.id);
    }
    if ('visit' in e) {
      const person = staff(e.visit);
      const store = stores.find((s) => s.id === person.storeId)!;
      const details: StoreVisitDetails = {
        clientId: `demo-story-visit-${n}`,
        storeId: store.id,
        storeName: store.name,
        staffName: person.displayName,
        reasons: e.reasons,
        reasonText: e.reasonText,
        actions: e.actions,
        outcome: e.outcome,
        followUpNote: null,
        images: [],
      };
      const { event } = await appendVisit(m, { timeline, inbox }, { customerId: c.id, staff: person, details, occurredAt: e.at });
      return Number(event.id);
    }
    if ('note' in e) {
      const author = staff(e.note);
      const { event } = await timeline.appendWithin(m, {
        customerId: c.id,
        kind: 'note',
        channel: 'desk',
        author: staffAuthor(e.note),
        body: e.body,
        details: null,
        occurredAt: e.at,
        source: 'desk.note',
        sourceId: `${author.id}:demo-story-${n}`,
        internal: true,
      });
      return Number(event.id);
    }
    const me = { type: 'customer' as const, id: c.id, name: c.displayName };
    const { event } = await timeline.appendWithin(m, {
      customerId: c.id,
      kind: 'wechat.message',
      channel: 'wechat',
      author: e.wechat === 'me' ? me : staffAuthor(e.wechat),
      body: e.body,
      details: WECHAT_DETAILS,
      occurredAt: e.at,
      source: 'demo',
      sourceId: `stories:${n}`,
    });
    return Number(event.id);
  }

  /** A case as the desk would have built it: opened, events attached, gestures, story, highlight, thanks. */
  async function tell(spec: StorySpec): Promise<string> {
    const c = spec.customer;
    const ids = [...(spec.attach ?? [])];
    for (const e of [...(spec.entries ?? [])].sort((a, b) => a.at.getTime() - b.at.getTime())) ids.push(await write(c, e));

    const caseId = randomUUID();
    const themes = normaliseThemes(spec.themes);
    const opener = staff(spec.opened.by);
    await m.insert(CaseEntity, {
      id: caseId,
      customerId: c.id,
      title: spec.title,
      status: 'open',
      openedById: opener.id,
      openedByName: opener.displayName,
      openedAt: spec.opened.at,
      resolvedAt: null,
      resolveCount: 0,
      resolutionVersion: 0,
      clientKey: `demo:${++caseNo}`,
      highlightedAt: null,
      highlightedById: null,
      highlightedByName: null,
      highlightNote: null,
      createdAt: spec.opened.at,
      updatedAt: spec.opened.at,
    });
    if (themes.length) await m.insert(CaseThemeEntity, themes.map((theme) => ({ caseId, theme })));
    await timeline.appendWithin(m, {
      customerId: c.id,
      kind: 'case.opened',
      channel: staffChannel(opener.role),
      author: staffAuthor(spec.opened.by),
      body: spec.title,
      details: { caseId, title: spec.title },
      occurredAt: spec.opened.at,
      source: 'case',
      sourceId: `${caseId}:opened`,
      caseId,
    });
    if (ids.length) await m.update(TimelineEventEntity, { id: In(ids) }, { caseId });
    let updatedAt = spec.opened.at;
    const later = (at: Date) => (updatedAt = at > updatedAt ? at : updatedAt);

    for (const on of spec.onIt ?? []) {
      await m.insert(CaseOnItEntity, { caseId, staffId: staff(on.by).id, staffName: staff(on.by).displayName, since: on.at });
    }

    for (const g of spec.gestures ?? []) {
      if (g.at < spec.opened.at) throw new Error(`Demo story "${spec.title}": a gesture before its case was opened`);
      const giver = staff(g.by);
      const id = randomUUID();
      const givenAt = g.planned ? (g.given ?? null) : g.at;
      const row = {
        id,
        customerId: c.id,
        caseId,
        kind: g.kind,
        note: g.note,
        costCents: g.costCents,
        status: givenAt ? ('given' as const) : ('planned' as const),
        reaction: g.reaction?.text ?? null,
        givenById: giver.id,
        givenByName: giver.displayName,
        month: localMonth(g.at, timeZone),
        clientKey: `demo-gesture:${++gestureNo}`,
        createdAt: g.at,
        givenAt,
        reactionAt: g.reaction?.at ?? null,
        updatedAt: [g.at, givenAt, g.reaction?.at].filter((d): d is Date => !!d).sort((a, b) => b.getTime() - a.getTime())[0],
      };
      await m.insert(GestureEntity, row);
      // Each step's entry as GesturesService appends it, with the gesture as it stood then.
      const step = async (name: 'recorded' | 'given' | 'reaction', by: Who, at: Date, status: 'planned' | 'given', reaction: string | null) => {
        await timeline.appendWithin(m, {
          customerId: c.id,
          kind: 'gesture',
          channel: staffChannel(staff(by).role),
          author: staffAuthor(by),
          body: name === 'reaction' ? (reaction ?? '') : g.note,
          details: { gestureId: id, gestureKind: g.kind, status, costCents: g.costCents, caseId, step: name, reaction },
          occurredAt: at,
          source: 'gesture',
          sourceId: `${id}:${name}`,
          caseId,
        });
        later(at);
      };
      await step('recorded', g.by, g.at, g.planned ? 'planned' : 'given', null);
      if (g.planned && givenAt) await step('given', g.by, givenAt, 'given', null);
      if (g.reaction) await step('reaction', g.reaction.by, g.reaction.at, row.status, g.reaction.text);
    }

    if (spec.resolution) {
      const r = spec.resolution;
      const writer = staff(r.by);
      const version1 = { needed: r.needed, did: r.did, felt: r.felt, customerWords: r.words };
      await m.insert(CaseResolutionEntity, {
        caseId,
        version: 1,
        ...version1,
        themes,
        writtenById: writer.id,
        writtenByName: writer.displayName,
        writtenAt: r.at,
      });
      await timeline.appendWithin(m, {
        customerId: c.id,
        kind: 'case.resolved',
        channel: staffChannel(writer.role),
        author: staffAuthor(r.by),
        body: storyText(version1),
        details: { caseId, title: spec.title, version: 1, themes },
        occurredAt: r.at,
        source: 'case',
        sourceId: `${caseId}:resolved:1`,
        caseId,
      });
      later(r.at);
      let version = 1;
      if (spec.edit) {
        const e = spec.edit;
        const editor = staff(e.by);
        await m.insert(CaseResolutionEntity, {
          caseId,
          version: ++version,
          needed: e.needed ?? r.needed,
          did: e.did ?? r.did,
          felt: e.felt ?? r.felt,
          customerWords: e.words === undefined ? r.words : e.words,
          themes,
          writtenById: editor.id,
          writtenByName: editor.displayName,
          writtenAt: e.at,
        });
        later(e.at);
      }
      const manager = staff('zhou');
      const highlight = spec.highlight
        ? { highlightedAt: spec.highlight.at, highlightedById: manager.id, highlightedByName: manager.displayName, highlightNote: spec.highlight.note }
        : {};
      if (spec.highlight) later(spec.highlight.at);
      await m.update(CaseEntity, { id: caseId }, { status: 'resolved', resolvedAt: r.at, resolveCount: 1, resolutionVersion: version, ...highlight, updatedAt });
      for (const th of spec.thanks ?? []) {
        const to = staff(th.to);
        await m.insert(StoryThanksEntity, {
          caseId,
          toStaffId: to.id,
          toName: to.displayName,
          fromStaffId: manager.id,
          fromName: manager.displayName,
          body: th.body,
          clientKey: `demo-thanks:${++thanksNo}`,
          createdAt: th.at,
          seenAt: th.seenAt,
        });
      }
    } else {
      await m.update(CaseEntity, { id: caseId }, { updatedAt });
    }
    await index.refresh(m, caseId);
    return caseId;
  }

  // ─── 张伟: the thread from the timeline step becomes the case "屏幕碎了" ──────────────────────
  const zhang = customer('张伟');
  await removeOldDrafts(m, zhang.id);
  const zhangEvents = await m.find(TimelineEventEntity, { where: { customerId: zhang.id, source: 'demo' }, order: { occurredAt: 'ASC', id: 'ASC' } });
  const zhangVisit = zhangEvents.find((e) => e.kind === 'store.visit')!;
  const linsAnswer = zhangEvents.find((e) => e.kind === 'wechat.message' && e.authorType === 'staff')!;
  const cardKept = zhangEvents.find((e) => e.kind === 'chat.message' && e.body.includes('卡片'))!;
  const zhangLast = zhangEvents[zhangEvents.length - 1];
  await indexVisit(m, zhangVisit, stores.find((s) => s.name === '上海静安店')!.id);
  const zhangResolved = after(zhangLast.occurredAt, 5 * MINUTE);
  // Highlighted this week, a little after it was resolved; the thank-you note right after.
  const zhangHighlighted = after(zhangResolved, Math.min(3 * HOUR, (now - zhangResolved.getTime()) / 2));
  await tell({
    customer: zhang,
    title: '屏幕碎了',
    themes: ['屏幕', '维修'],
    opened: { at: after(linsAnswer.occurredAt, 2 * MINUTE), by: 'lin' },
    attach: zhangEvents.map((e) => e.id),
    gestures: [
      {
        at: after(zhangVisit.occurredAt, 15 * MINUTE), by: 'wang', kind: 'fee_waived', costCents: 6900,
        note: '外屏当场换好，免了这次的更换费用。是他自己摔的，可手机才买一周，他又赶着出差。',
      },
      {
        at: after(zhangVisit.occurredAt, 16 * MINUTE), by: 'wang', kind: 'handwritten_card', costCents: null,
        note: '写了一张卡片祝他出差顺利，夹在手机盒里一起给他。',
        reaction: { at: after(cardKept.occurredAt, 2 * MINUTE), by: 'lin', text: '卡片我留着呢。' },
      },
    ],
    resolution: {
      at: zhangResolved, by: 'lin',
      needed: '张先生新买的手机才一周就摔碎了屏幕，下周又要出差，很着急。他先在论坛上问，又在服务号上问能不能修、要多少钱。',
      did: '林晓请他先到上海静安店检测。王磊确认只是外屏碎裂，当场换好，免了这次的费用，还写了一张祝他出差顺利的卡片。他出差回来后，我们又在网上问了问屏幕用得怎么样。',
      felt: '来的时候很懊恼，觉得是自己摔的，不太好意思开口。出差回来说屏幕很好用，那张卡片一直留着。',
      words: '出差回来了，屏幕很好用，谢谢你们！卡片我留着呢。',
    },
    highlight: { at: zhangHighlighted, note: '从一次碎屏里看到我们想成为的样子' },
    thanks: [
      {
        at: after(zhangHighlighted, 5 * MINUTE), to: 'wang', seenAt: null,
        body: '王磊，谢谢你当场就给张先生换好了屏，还写了那张卡片。他出差回来说卡片一直留着——这就是我们想做的事。',
      },
    ],
  });

  // ─── Emma Thompson: her battery thread from the timeline step, in English ─────────────────────
  const emmaT = customer('Emma Thompson');
  const emmaEvents = await m.find(TimelineEventEntity, { where: { customerId: emmaT.id, source: 'demo' }, order: { occurredAt: 'ASC', id: 'ASC' } });
  const emmaVisit = emmaEvents.find((e) => e.kind === 'store.visit')!;
  const emmaFirstAnswer = emmaEvents.find((e) => e.kind === 'chat.message' && e.authorType === 'staff')!;
  await indexVisit(m, emmaVisit, stores.find((s) => s.name === '杭州西湖店')!.id);
  const checkIn = after(emmaVisit.occurredAt, 20 * HOUR);
  await tell({
    customer: emmaT,
    title: 'Tablet battery drains overnight',
    themes: ['电池', 'Battery'],
    opened: { at: after(emmaFirstAnswer.occurredAt, 2 * MINUTE), by: 'emma' },
    attach: emmaEvents.map((e) => e.id),
    entries: [
      { at: checkIn, chat: 'emma', body: "Hi Emma, it's Emma from Hearth again — how did the tablet do overnight?" },
      { at: after(checkIn, 12 * MINUTE), chat: 'me', body: 'It went from 100% to 97% overnight. Before it was dead by morning! And thank you for the sleeve, what a lovely surprise.' },
      { at: after(checkIn, 15 * MINUTE), chat: 'emma', body: "That's exactly what we hoped. Enjoy it — and just message us here if anything changes." },
    ],
    gestures: [
      {
        at: after(emmaVisit.occurredAt, 10 * MINUTE), by: 'zhao', kind: 'small_gift', costCents: 3500,
        note: '送了一个平板保护套。她每天带着平板坐地铁上班，原来的套子已经裂了。',
        reaction: { at: after(checkIn, 13 * MINUTE), by: 'emma', text: 'Thank you for the sleeve, what a lovely surprise — it fits perfectly.' },
      },
    ],
    resolution: {
      at: after(checkIn, 20 * MINUTE), by: 'emma',
      needed: 'Emma’s tablet lost its charge overnight even when switched off, and the battery felt warm. She has only had it since March and was worried it was failing.',
      did: 'Emma Walsh recognised the standby firmware issue and booked a battery check at 杭州西湖店. 赵敏 found the battery healthy, updated the firmware to stop the drain, showed her the battery settings, and gave her a new sleeve for her commute. The next day we checked in on chat.',
      felt: 'Worried at first that the battery was dying; relieved that the battery itself was fine and the fix was quick. Delighted by the sleeve.',
      words: 'It went from 100% to 97% overnight. Before it was dead by morning!',
    },
  });

  // ─── A dozen more, spread over the last six weeks ──────────────────────────────────────────────
  const ma = customer('马晓雯');
  await tell({
    customer: ma,
    title: '快递显示签收，其实没收到',
    themes: ['物流'],
    opened: { at: t(41, '20:15'), by: 'lin' },
    entries: [
      { at: t(41, '20:12'), chat: 'me', body: '你好，物流显示我的包裹前天就签收了，可我根本没收到，门口和快递柜都找过了。' },
      { at: t(41, '20:13'), chat: 'me', body: '订单号 HT20261012-3381，里面是给我爸买的蓝牙音箱。' },
      { at: t(41, '20:16'), chat: 'lin', body: '马女士您好，先别着急，我这就联系快递公司查签收记录，今晚给您回复。' },
      { at: t(41, '20:58'), chat: 'lin', body: '查到了：快递员把包裹放进了隔壁小区的驿站，驿站那边说找不到了。我已经给您安排补发，明天上午从上海仓发出，不用等理赔。' },
      { at: t(41, '21:01'), chat: 'me', body: '啊？不用我先去驿站找找吗？' },
      { at: t(41, '21:03'), chat: 'lin', body: '不用，找包裹是我们和快递公司的事。您安心等新的就好。' },
      { at: t(41, '21:05'), note: 'lin', body: '原包裹走理赔，补发单号 SF1432087765。已请仓库在包裹里夹一张卡片。' },
      { at: t(38, '19:32'), chat: 'me', body: '收到了！音箱我爸特别喜欢，卡片他也看到了，说你们这个客服有人情味 😄' },
      { at: t(38, '19:36'), chat: 'lin', body: '太好了！替我们问叔叔好，有什么问题随时找我。' },
    ],
    gestures: [
      {
        at: t(41, '21:04'), by: 'lin', kind: 'handwritten_card', costCents: null,
        note: '补发的包裹里夹了一张卡片：“让您白等了几天，真不好意思。祝叔叔听歌开心。”',
        reaction: { at: t(38, '19:38'), by: 'lin', text: '卡片我爸也看到了，说你们这个客服有人情味。' },
      },
    ],
    resolution: {
      at: t(38, '19:45'), by: 'lin',
      needed: '物流显示已签收，包裹其实没到。里面是马女士给爸爸买的蓝牙音箱，她在门口和快递柜找了一圈，又急又委屈。',
      did: '当晚联系快递公司查签收记录，查到包裹被错放进隔壁小区的驿站，已经找不到了。没让她自己去驿站跑，也不等理赔，第二天直接从上海仓补发，包裹里夹了一张手写卡片。理赔由我们和快递公司处理。',
      felt: '一开始担心要自己去找、去争。知道直接补发后松了口气；收到时很开心，她爸爸也看到了卡片。',
      words: '收到了！音箱我爸特别喜欢，卡片他也看到了，说你们这个客服有人情味。',
    },
    edit: {
      at: t(35, '10:20'), by: 'chen',
      did: '当晚联系快递公司查签收记录，查到包裹被错放进隔壁小区的驿站，已经找不到了。没让她自己去驿站跑，也不等理赔，第二天直接从上海仓补发，包裹里夹了一张手写卡片。理赔后来由我们和快递公司办完，没有找马女士要任何材料。',
    },
  });

  const liu = customer('刘洋');
  await tell({
    customer: liu,
    title: '充电器发烫，有焦味',
    themes: ['充电器', '安全'],
    opened: { at: t(35, '23:10'), by: 'chen' },
    entries: [
      { at: t(35, '23:05'), chat: 'me', body: '充电器插着手机特别烫，刚才还闻到一点焦味，是不是要坏了？' },
      { at: t(35, '23:07'), chat: 'chen', body: '刘先生，请先把充电器拔下来，今晚先别用它了。方便说一下是手机附带的原装充电器吗？' },
      { at: t(35, '23:09'), chat: 'me', body: '是原装的，买了快一年。已经拔了。' },
      { at: t(35, '23:12'), chat: 'chen', body: '好，拔了就安全了。原装充电器还在保修内，您明天方便去杭州西湖店吗？我跟店里打好招呼，直接换新的。' },
      { at: t(35, '23:13'), chat: 'me', body: '明天中午可以，谢谢' },
      { at: t(35, '23:14'), chat: 'chen', body: '好的，早点休息。' },
      { at: t(35, '23:16'), note: 'chen', body: '已告诉西湖店赵敏：刘先生明天中午来换充电器，疑似过热，请顺便看看手机电池和充电口。' },
      {
        at: t(34, '12:20'), visit: 'zhao', reasons: ['repair'], reasonText: '原装充电器发烫，有焦味',
        actions: '测试确认充电器输出不稳定、外壳过热，当场换了新的原装充电器。顺便检查了手机：电池健康 91%，充电口也清理了一下。', outcome: 'solved',
      },
      { at: t(33, '09:10'), chat: 'chen', body: '刘先生早，新充电器用了两晚，还烫吗？' },
      { at: t(33, '09:30'), chat: 'me', body: '一点都不烫了，晚上充电终于敢放床头了。谢谢你们这么快。' },
      { at: t(33, '09:32'), chat: 'chen', body: '不客气，以后有任何不对劲，先拔掉再找我们。' },
    ],
    gestures: [
      {
        at: t(34, '12:35'), by: 'zhao', kind: 'small_gift', costCents: 2900,
        note: '送了一根编织数据线。他说旧线被宿舍的椅子压得不成样子了。',
        reaction: { at: t(34, '12:37'), by: 'zhao', text: '这下放心了，晚上充电能睡得着了。' },
      },
    ],
    resolution: {
      at: t(33, '09:40'), by: 'chen',
      needed: '原装充电器充电时烫手，还闻到焦味。刘先生深夜发来消息，担心出事，也不知道还能不能接着用。',
      did: '先请他马上拔掉、别再用；第二天中午约在杭州西湖店，赵敏测试确认充电器输出不稳定，当场换了新的，又检查了手机电池和充电口。两天后再问了一次他用得怎么样。',
      felt: '当晚有点慌，听到“拔了就安全了”才放下心来。换新以后说终于敢把手机放床头充电了。',
      words: '一点都不烫了，晚上充电终于敢放床头了。',
    },
  });

  const guo = customer('郭晓燕');
  await identity(guo, WECHAT, 'oGxy4Hearth', '晓燕');
  await tell({
    customer: guo,
    title: '退货，小票发票都丢了',
    themes: ['退货', '发票'],
    opened: { at: t(30, '10:12'), by: 'chen' },
    entries: [
      { at: t(30, '10:02'), wechat: 'me', body: '你好，上周在西湖店买的电动牙刷想退，是送人的，对方已经有一个了。' },
      { at: t(30, '10:03'), wechat: 'me', body: '可是小票和发票都找不到了，是不是就退不了了？' },
      { at: t(30, '10:11'), wechat: 'chen', body: '郭女士您好！没关系，门店可以用您付款的手机号或支付记录查到订单，15 天内没拆封的都能退。您方便时带着牙刷去西湖店就行。' },
      { at: t(30, '10:13'), wechat: 'me', body: '真的吗？那我下午就过去。' },
      {
        at: t(30, '15:40'), visit: 'zhao', reasons: ['return'], reasonText: '送人的电动牙刷，小票和发票都丢了',
        actions: '用郭女士的手机号在收银系统里查到了订单，包装完好，当场原路退款，电子发票也一并作废。教她以后在服务号“我的订单”里找电子小票。', outcome: 'solved',
      },
      { at: t(29, '09:05'), wechat: 'me', body: '钱已经退回来了，谢谢你们，本来以为没小票就没戏了。' },
      { at: t(29, '09:20'), wechat: 'chen', body: '不客气～以后小票在服务号“我的订单”里都能找到，丢了也不怕。' },
    ],
    resolution: {
      at: t(29, '09:25'), by: 'chen',
      needed: '送人的电动牙刷用不上了想退，可小票和发票都找不到，郭女士以为肯定退不了，问得很没底气。',
      did: '告诉她门店能用手机号和支付记录查到订单。她当天下午到杭州西湖店，赵敏查到订单，当场原路退款，电子发票也处理好了，还教她以后在服务号里找电子小票。',
      felt: '从“是不是就退不了了”的忐忑，到第二天收到退款时的轻松。',
      words: '本来以为没小票就没戏了。',
    },
  });

  const xu = customer('徐建国');
  await tell({
    customer: xu,
    title: '女儿寄来的新手机不会用',
    themes: ['长辈', '设置'],
    opened: { at: t(27, '10:40'), by: 'wang' },
    entries: [
      {
        at: t(27, '10:30'), visit: 'wang', reasons: ['question'], reasonText: '女儿从深圳寄来的新手机不会用，想自己给女儿打视频',
        actions: '陪徐叔叔坐下来一步一步设置：字体调到最大，桌面只留电话、微信、相机三个图标，把女儿设成一键拨号，微信视频练了三遍。', outcome: 'solved',
      },
      { at: t(27, '11:40'), note: 'wang', body: '徐叔叔说下周想再来学用微信付款买菜。约了下周三上午，他喜欢早上人少的时候来。' },
      {
        at: t(20, '09:50'), visit: 'wang', reasons: ['question'], reasonText: '学用微信付款',
        actions: '帮他绑好银行卡，在店里练了两次扫码付款，又在步骤卡背面加上了付款的三步。他当场自己给女儿打了视频，让我们跟她打了个招呼。', outcome: 'solved',
      },
    ],
    gestures: [
      {
        at: t(27, '11:30'), by: 'wang', kind: 'handwritten_card', costCents: null,
        note: '用大字写了一张步骤卡：怎么接视频、怎么给女儿打电话、字太小了怎么办。塑封好，放在手机壳里。',
        reaction: { at: t(20, '10:20'), by: 'wang', text: '我自己给女儿打了视频，她在那头都哭了。' },
      },
    ],
    resolution: {
      at: t(20, '10:40'), by: 'wang',
      needed: '徐叔叔 72 岁，女儿从深圳给他寄来一部新手机。他不会用，最想的是能自己给女儿打视频。',
      did: '王磊陪他坐下来慢慢设置：字体调到最大，桌面只留三个图标，女儿设成一键拨号，微信视频一遍遍地练；又把步骤用大字写在卡片上，塑封好放进手机壳。一周后他来学微信付款，也一起练会了。',
      felt: '第一次来时很拘谨，说“怕麻烦你们年轻人”。第二次来已经熟了，当着我们的面给女儿打了视频，笑得合不拢嘴。',
      words: '我自己给女儿打了视频，她在那头都哭了。',
    },
    highlight: { at: t(19, '09:00'), note: '一个小时不长，对徐叔叔来说却是和女儿之间的距离。' },
  });

  const deng = customer('邓佳');
  await identity(deng, WECHAT, 'oDj8Hearth', '佳佳');
  await tell({
    customer: deng,
    title: '表带戴着过敏',
    themes: ['手表', '过敏'],
    opened: { at: t(26, '22:00'), by: 'chen' },
    entries: [
      { at: t(26, '21:40'), wechat: 'me', body: '手表戴了一个星期，手腕上起了一圈红疹子，很痒。是我对表带过敏吗？' },
      { at: t(26, '21:52'), wechat: 'chen', body: '邓女士您好，先把表摘下来让皮肤歇一歇，痒得厉害的话请去看一下医生。标配的硅胶表带少数人会敏感，我们可以给您换一条不含这种材料的表带。' },
      { at: t(26, '21:55'), wechat: 'me', body: '可以换吗？我还以为只能自己再买一条。' },
      { at: t(26, '21:58'), wechat: 'chen', body: '可以的。您在杭州的话，去西湖店试戴几款，挑戴着舒服的那条。' },
      {
        at: t(25, '16:10'), visit: 'zhao', reasons: ['other'], reasonText: '硅胶表带引起手腕红疹',
        actions: '试了编织和皮质两款表带，她选了透气的编织款，当场换上。提醒她洗完手把表带擦干，睡觉时摘下来。', outcome: 'solved',
      },
      { at: t(24, '20:05'), wechat: 'me', body: '戴了两天一点都不痒了，这条还比原来的好看！谢谢你们。' },
      { at: t(24, '20:08'), wechat: 'chen', body: '太好了～疹子也好些了吗？有不舒服随时说。' },
      { at: t(24, '20:09'), wechat: 'me', body: '已经消了 👍' },
    ],
    gestures: [
      {
        at: t(25, '16:25'), by: 'zhao', kind: 'upgrade', costCents: 4900,
        note: '标配硅胶表带换成了编织表带，差价我们出。',
        reaction: { at: t(24, '20:10'), by: 'chen', text: '戴了两天一点都不痒了，这条还比原来的好看！' },
      },
    ],
    resolution: {
      at: t(24, '20:15'), by: 'chen',
      needed: '新手表戴了一周，手腕起了红疹，很痒。邓女士以为是自己皮肤的问题，打算自己再买一条表带。',
      did: '先请她摘下手表，必要时去看医生；告诉她标配硅胶表带少数人会敏感，可以换。第二天她到杭州西湖店，赵敏陪她试戴了几款，换上透气的编织表带，差价我们出，也教了她日常怎么护理。',
      felt: '一开始有点不好意思，说“是我皮肤太娇气”。换了表带两天后疹子消了，很开心。',
      words: '戴了两天一点都不痒了，这条还比原来的好看！',
    },
  });

  const david = customer('David Miller');
  await tell({
    customer: david,
    title: 'A fapiao for his company',
    themes: ['发票'],
    opened: { at: t(22, '14:10'), by: 'emma' },
    entries: [
      { at: t(22, '14:05'), chat: 'me', body: 'Hi, I bought a laptop at your Hangzhou store last week. My company will reimburse it but they need a "fapiao" with the company name. The form in the app is all in Chinese and I can’t read it.' },
      { at: t(22, '14:08'), chat: 'emma', body: 'Hi David, happy to help in English! A company fapiao needs two things: the company’s full Chinese name and its tax ID (统一社会信用代码, 18 characters). Could you ask your finance team for both?' },
      { at: t(22, '14:31'), chat: 'me', body: 'Got them from finance: 杭州云杉信息技术有限公司, 91330106MA2B3C4D5E. I just copied and pasted, hope that’s right.' },
      { at: t(22, '14:36'), chat: 'emma', body: 'Perfect, thank you. My colleague who issues invoices will email you a PDF today, and I’ll send you a short note in English on what each field means so you can check it.' },
      { at: t(22, '15:10'), note: 'chen', body: '已开具增值税普通发票（公司抬头），PDF 已发 David 邮箱。' },
      { at: t(22, '17:45'), chat: 'me', body: 'Finance says the company name on the PDF is missing 信息 — it says 杭州云杉技术有限公司.' },
      { at: t(22, '17:50'), chat: 'emma', body: 'So sorry, that was our slip, not yours. We’ll cancel that one and send a correct fapiao this evening — nothing for you to do.' },
      { at: t(22, '18:20'), note: 'chen', body: '抬头漏了“信息”二字，已红冲原票并重开，新的 PDF 已发。' },
      { at: t(21, '10:02'), chat: 'me', body: 'Finance approved it this morning. And they loved your English cheat sheet — they want to share it with the other foreign staff!' },
      { at: t(21, '10:06'), chat: 'emma', body: 'That made my day! They’re very welcome to share it. Enjoy the laptop, David.' },
    ],
    gestures: [
      {
        at: t(22, '14:50'), by: 'emma', kind: 'other', costCents: null,
        note: 'Wrote a one-page bilingual guide to the fields on a fapiao (抬头, 税号, 金额, 开票日期) so David can check any invoice himself and share it with his finance team.',
        reaction: { at: t(21, '10:05'), by: 'emma', text: 'They loved your English cheat sheet — they want to share it with the other foreign staff!' },
      },
    ],
    resolution: {
      at: t(21, '10:10'), by: 'emma',
      needed: 'David needed a fapiao in his company’s name to get his new laptop reimbursed. The invoice form is only in Chinese, and he didn’t know what a tax ID was or where to find it.',
      did: 'Emma explained in English what a company fapiao needs and collected the company name and tax ID; 陈思远 issued it the same afternoon. When his finance team spotted two characters missing from the company name, we cancelled it and issued a correct one. Emma also wrote him a one-page bilingual guide to the fields on a fapiao.',
      felt: 'Relieved to have someone explain it in English, and worried for a moment that he had got the name wrong — glad to hear it was ours to fix. Finance approved it the next morning.',
      words: 'Finance approved it this morning. And they loved your English cheat sheet!',
    },
    edit: {
      at: t(20, '11:00'), by: 'chen',
      did: 'Emma explained in English what a company fapiao needs and collected the company name and tax ID; 陈思远 issued it the same afternoon. When his finance team spotted that 信息 was missing from the company name on our first PDF, 陈思远 cancelled it (红冲) and issued a correct one that evening, so there was nothing left for David to do. Emma also wrote him a one-page bilingual guide to the fields on a fapiao.',
    },
  });

  const sophie = customer('Sophie Laurent');
  await tell({
    customer: sophie,
    title: 'Right earbud went silent before a race',
    themes: ['耳机', '维修'],
    opened: { at: t(18, '08:12'), by: 'emma' },
    entries: [
      { at: t(18, '07:40'), chat: 'me', body: 'Hello! My right earbud stopped working after my morning run. The left one is fine. I have a half marathon on Sunday 😅' },
      { at: t(18, '07:46'), chat: 'emma', body: 'Oh no, not before a race! Sweat can get onto the charging contacts. Could you wipe the contacts in the case with a dry cotton bud and put the earbud back to charge?' },
      { at: t(18, '08:05'), chat: 'me', body: 'Tried it, still nothing from the right one.' },
      { at: t(18, '08:09'), chat: 'emma', body: 'Thanks for trying. Are you near 上海静安店 on Nanjing West Road? Wang Lei there can test them and replace the earbud under warranty if needed. I’ll tell him you’re coming and that you prefer English.' },
      { at: t(18, '08:10'), chat: 'me', body: 'I can go at lunch. Thank you!' },
      { at: t(18, '08:11'), chat: 'emma', body: 'Great — he’ll be expecting you.' },
      {
        at: t(18, '12:40'), visit: 'wang', reasons: ['repair'], reasonText: 'Right earbud silent after running',
        actions: '清洁触点后右耳仍然没声音，检测是右耳单元受潮损坏，在保修内当场换了新的右耳；重新配对，两只一起试了音。用翻译软件和她聊了聊周日的比赛。', outcome: 'solved',
      },
      { at: t(15, '19:58'), chat: 'me', body: 'Finished my half marathon this morning! The earbuds worked perfectly and the ear hooks are a game changer — they stayed in the whole race. Please say thank you to Wang Lei!' },
      { at: t(15, '20:03'), chat: 'emma', body: 'Congratulations, Sophie!! I’ll tell him right away — he’ll be so pleased. 🏃‍♀️' },
    ],
    gestures: [
      {
        at: t(18, '12:55'), by: 'wang', kind: 'small_gift', costCents: 1900,
        note: '送了一对运动耳挂，跑步时耳机不容易掉。她周日要跑半马。',
        reaction: { at: t(15, '20:04'), by: 'emma', text: 'The ear hooks are a game changer — they stayed in the whole race.' },
      },
    ],
    resolution: {
      at: t(15, '20:10'), by: 'emma',
      needed: 'Sophie’s right earbud went silent after a morning run, four days before her half marathon — and she runs with music.',
      did: 'Emma talked her through cleaning the contacts on chat. When that didn’t help, she sent her to 上海静安店 at lunchtime and told 王磊 she prefers English. 王磊 found moisture damage in the right earbud, replaced it under warranty on the spot, paired and tested both with her, and added a pair of sports ear hooks.',
      felt: 'Worried about race day, then relieved to walk out with working earbuds the same day. After the race she wrote back to thank 王磊 by name.',
      words: 'The earbuds worked perfectly and the ear hooks are a game changer — they stayed in the whole race.',
    },
  });

  const wu = customer('吴昊');
  await identity(wu, 'forum', 'wuhao_photo', 'wuhao_photo');
  await identity(wu, WECHAT, 'oWh7Hearth', '吴昊');
  await tell({
    customer: wu,
    title: '系统更新后相机打不开',
    themes: ['系统更新', '相机'],
    opened: { at: t(16, '10:15'), by: 'chen' },
    entries: [
      { at: t(16, '10:20'), wechat: 'chen', body: '吴先生，我是论坛上的陈思远。麻烦告诉我一下，手机里装了哪些拍照类的应用？' },
      { at: t(16, '10:41'), wechat: 'me', body: '装了一个美颜相机，还有一个修图的。' },
      { at: t(16, '10:50'), wechat: 'chen', body: '好的。临时办法：在“设置 → 隐私 → 相机”里先关掉这两个应用的相机权限，人像模式就能用了。修复补丁 3.2.2 预计下周推送，出来当天我打电话告诉您。' },
      { at: t(16, '11:02'), wechat: 'me', body: '关了权限真的好了！周末运动会能拍了 🙏' },
    ],
    gestures: [
      {
        at: t(16, '11:05'), by: 'chen', kind: 'follow_up_call', costCents: null, planned: true, given: t(11, '10:30'),
        note: '3.2.2 补丁推送当天打电话告诉吴先生，确认人像模式正常，第三方应用的权限可以打开了。',
        reaction: { at: t(11, '10:40'), by: 'chen', text: '你们比我还记得这事。' },
      },
    ],
    onIt: [{ at: t(16, '10:15'), by: 'chen' }],
    resolution: {
      at: t(11, '10:50'), by: 'chen',
      needed: '系统更新到 3.2.1 后相机闪退，周末就是孩子的运动会。吴先生很着急，深夜在论坛求助。',
      did: '社区里的老朋友小米先回了帖，清缓存让相机能打开了。陈思远接着跟进，确认人像模式闪退是已知的权限冲突，在服务号上教他先关掉第三方应用的相机权限。补丁推送当天打电话告诉他，也在论坛帖子里写了结果，谢了小米。',
      felt: '运动会前能拍了，松了一口气。接到电话时很意外，没想到我们还记着。',
      words: '你们比我还记得这事。',
    },
  });

  const lina = customer('李娜');
  await identity(lina, WECHAT, 'oLn2Hearth', '娜娜');
  await tell({
    customer: lina,
    title: '女儿的生日礼物来不及',
    themes: ['物流', '礼物'],
    opened: { at: t(13, '19:35'), by: 'lin' },
    entries: [
      { at: t(13, '19:20'), wechat: 'me', body: '你好，我给女儿订的手表，物流显示下周一才到，可她周六就过十岁生日了……还有办法吗？' },
      { at: t(13, '19:21'), wechat: 'me', body: '订单号 HT20261108-2240' },
      { at: t(13, '19:30'), wechat: 'lin', body: '李女士您好，我来想办法！您在上海吗？静安店正好有这款粉色的现货。' },
      { at: t(13, '19:33'), wechat: 'me', body: '在上海，普陀区。粉色就是她想要的那个！' },
      { at: t(13, '19:45'), wechat: 'lin', body: '太好了。我跟静安店的王磊说好了：明天从店里直接闪送到您家，原来那单帮您取消退款。您想在礼盒里放一张生日卡吗？您说，我们来写。' },
      { at: t(13, '19:52'), wechat: 'me', body: '那就写“给小雨：十岁生日快乐，愿你一直勇敢又快乐。妈妈”。谢谢你们！' },
      { at: t(12, '11:10'), note: 'wang', body: '粉色手表已从店里库存闪送出去，礼盒里放了生日卡。原订单已取消退款。' },
      { at: t(11, '21:15'), wechat: 'me', body: '手表今天送到了，小雨开心坏了！她看到卡片还以为是我偷偷写的，我都没舍得说是你们写的 😂' },
      { at: t(11, '21:20'), wechat: 'lin', body: '哈哈，那就让它一直是妈妈写的吧！祝小雨生日快乐 🎂' },
    ],
    gestures: [
      {
        at: t(12, '10:40'), by: 'wang', kind: 'handwritten_card', costCents: null,
        note: '照李女士的话手写了生日卡：“给小雨：十岁生日快乐，愿你一直勇敢又快乐。妈妈”，放进了礼盒。',
        reaction: { at: t(11, '21:18'), by: 'lin', text: '她看到卡片还以为是我偷偷写的，我都没舍得说是你们写的。' },
      },
      { at: t(12, '10:45'), by: 'wang', kind: 'fee_waived', costCents: 3800, note: '从静安店闪送到普陀区，闪送费我们出。' },
    ],
    onIt: [{ at: t(13, '19:50'), by: 'wang' }],
    resolution: {
      at: t(11, '21:25'), by: 'lin',
      needed: '李女士给女儿订的生日手表要下周一才到，可女儿周六就过十岁生日。',
      did: '林晓查到上海静安店有同款粉色现货，和王磊商量好，第二天直接从店里闪送到家，原订单取消退款，闪送费我们出。林晓还问李女士想对女儿说什么，王磊照她的话手写了生日卡放进礼盒。',
      felt: '从着急到惊喜。手表提前送到，女儿很开心，看到卡片还以为是妈妈偷偷写的。',
      words: '她看到卡片还以为是我偷偷写的，我都没舍得说是你们写的。',
    },
    thanks: [
      {
        at: t(10, '09:30'), to: 'lin', seenAt: t(10, '10:05'),
        body: '林晓，“您说，我们来写”这句话我读了好几遍。谢谢你想到那张卡片，也谢谢你把门店拉进来一起想办法。',
      },
    ],
  });

  const he = customer('何雨桐');
  await identity(he, WECHAT, 'oHyt5Hearth', '雨桐');
  await tell({
    customer: he,
    title: '新手机屏幕发黄',
    themes: ['屏幕'],
    opened: { at: t(6, '13:36'), by: 'lin' },
    entries: [
      { at: t(6, '13:12'), wechat: 'me', body: '新手机的屏幕看起来发黄，跟我同事的同款放一起明显黄一些，是不是屏幕有问题？才用了五天。' },
      { at: t(6, '13:20'), wechat: 'lin', body: '何女士您好，先别担心。有两个设置会让屏幕偏暖：“护眼模式”和“原彩显示”。您可以在“设置 → 显示”里看看是不是打开了吗？' },
      { at: t(6, '13:31'), wechat: 'me', body: '护眼模式是开着的，关了好一点，但我还是觉得有点黄……' },
      { at: t(6, '13:35'), wechat: 'lin', body: '明白，还是当面看一下最放心。西湖店可以用检测软件测屏幕色温，和展示机放在一起对比给您看。' },
      {
        at: t(5, '18:30'), visit: 'zhao', reasons: ['question', 'repair'], reasonText: '觉得屏幕发黄，担心是质量问题',
        actions: '用检测软件测了色温和均匀度，都正常。发现“原彩显示”也开着，关掉后和展示机放在一起对比，颜色一样了。讲了这两个功能晚上看书时的好处，她决定晚上再打开。', outcome: 'solved',
      },
    ],
    gestures: [
      {
        at: t(5, '18:45'), by: 'zhao', kind: 'small_gift', costCents: 2500,
        note: '送了一张新的钢化膜，当场贴好——原来那张贴歪了，她一直想换。',
        reaction: { at: t(5, '18:46'), by: 'zhao', text: '原来是我自己开了护眼模式，太不好意思了，谢谢你没笑我。' },
      },
    ],
    resolution: {
      at: t(5, '19:00'), by: 'zhao',
      needed: '何女士的新手机用了五天，觉得屏幕比同事的同款黄，担心买到了有问题的屏幕。',
      did: '林晓先在微信上教她查看“护眼模式”和“原彩显示”；她还是不放心，就约到杭州西湖店。赵敏用检测软件测了屏幕，一切正常；关掉原彩显示后和展示机对比，颜色一样了，又讲了这两个功能晚上看书时的好处。顺手给她换了一张新的钢化膜。',
      felt: '一开始很担心；看到对比后放心了，还有点不好意思。',
      words: '原来是我自己开了护眼模式，太不好意思了，谢谢你没笑我。',
    },
  });

  // ─── Still open: the desk shows who is on them ─────────────────────────────────────────────────
  const wangFang = customer('王芳');
  const asked = await m.find(TimelineEventEntity, { where: { customerId: wangFang.id, kind: 'wechat.message' }, order: { occurredAt: 'ASC', id: 'ASC' } });
  const fangOpened = after(asked[asked.length - 1]?.occurredAt ?? new Date(now - HOUR), 15 * MINUTE);
  await tell({
    customer: wangFang,
    title: '想退货，问要不要带发票',
    themes: ['退货', '发票'],
    opened: { at: fangOpened, by: 'chen' },
    attach: asked.map((e) => e.id),
    entries: [{ at: after(fangOpened, 2 * MINUTE), note: 'chen', body: '她发来的是购物小票的照片，订单已经查到了。等她说一下想退的原因，再帮她约静安店。' }],
    onIt: [{ at: fangOpened, by: 'chen' }],
  });

  const chenJing = customer('陈静');
  const earbuds = await m.findOneBy(TimelineEventEntity, { customerId: chenJing.id, kind: 'store.visit' });
  const jingOpened = after(earbuds?.occurredAt ?? new Date(now - HOUR), 5 * MINUTE);
  await tell({
    customer: chenJing,
    title: '耳机左耳没声音，电池偏低',
    themes: ['耳机', '电池'],
    opened: { at: jingOpened, by: 'wang' },
    attach: earbuds ? [earbuds.id] : [],
    gestures: [
      {
        at: after(jingOpened, 20 * MINUTE), by: 'lin', kind: 'follow_up_call', costCents: null, planned: true,
        note: '一周后打电话问问续航；如果还是撑不过一天，帮她约静安店换电池。',
      },
    ],
    onIt: [
      { at: jingOpened, by: 'wang' },
      { at: after(jingOpened, 20 * MINUTE), by: 'lin' },
    ],
  });

  const sunLi = customer('孙丽');
  const sunAsked = await m.find(TimelineEventEntity, { where: { customerId: sunLi.id, kind: 'chat.message' }, order: { occurredAt: 'ASC', id: 'ASC' } });
  const sunOpened = after(sunAsked[sunAsked.length - 1]?.occurredAt ?? new Date(now - HOUR), 6 * MINUTE);
  await tell({
    customer: sunLi,
    title: '降噪耳机下单两天还没发货',
    themes: ['物流'],
    opened: { at: sunOpened, by: 'lin' },
    attach: sunAsked.map((e) => e.id),
    onIt: [{ at: sunOpened, by: 'lin' }],
  });
}

/** The row appendVisit writes for the stores' index, for a visit the timeline step wrote directly. */
async function indexVisit(m: EntityManager, visit: TimelineEventEntity, storeId: string): Promise<void> {
  const [known] = await rawSql<{ n: number }[]>(m, 'SELECT COUNT(*) AS n FROM store_visits WHERE event_id = $1', [visit.id]);
  if (Number(known?.n ?? 0) > 0) return;
  await rawSql(m, 'INSERT INTO store_visits (event_id, store_id, customer_id, occurred_at) VALUES ($1, $2, $3, $4)', [visit.id, storeId, visit.customerId, visit.occurredAt]);
}

/**
 * A demo seeded before this step has three hand-written stand-ins for 张伟's case on his timeline
 * (an opening, a gesture and a resolution, source 'demo'); the real case replaces them.
 */
async function removeOldDrafts(m: EntityManager, customerId: string): Promise<void> {
  const drafts = await m.find(TimelineEventEntity, { where: { customerId, source: 'demo', kind: In(['case.opened', 'gesture', 'case.resolved']) } });
  if (!drafts.length) return;
  const ids = drafts.map((d) => d.id);
  if (m.connection.options.type !== 'postgres') {
    for (const id of ids) await m.query('DELETE FROM event_search WHERE rowid = ?', [id]);
  }
  await m.delete(TimelineEventEntity, { id: In(ids) });
}
