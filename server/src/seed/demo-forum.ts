import { DataSource } from 'typeorm';
import { hashPassword } from '../auth/password';
import { CaseEntity } from '../cases/case.entity';
import { startOfLocalDay } from '../common/local-time';
import { Customer } from '../customers/customer.entity';
import { Identity } from '../customers/identity.entity';
import { rawSql } from '../database/raw-sql';
import { Transactor } from '../database/transactor';
import { ForumAccountsService } from '../forum/accounts.service';
import { ForumBoardsService } from '../forum/boards.service';
import { ForumMemberEntity, ForumPostEntity, ForumThreadEntity } from '../forum/entities';
import type { ForumActor } from '../forum/forum-reader';
import { ForumService } from '../forum/forum.service';
import { ForumModerationService } from '../forum/moderation.service';
import { Staff } from '../staff/staff.entity';
import { DEMO_PASSWORD } from './demo-data';
import { CASE_THREADS, DEMO_MEMBERS, DEMO_THREADS, DemoBy, DemoStaffKey, DemoWhen, TOPIC_THREAD_STARTER, topicThreadTitle } from './demo-forum-data';
import { longHistoryDrafts } from './demo-timeline';

export type ForumSeedServices = {
  accounts: ForumAccountsService;
  boards: ForumBoardsService;
  forum: ForumService;
  moderation: ForumModerationService;
};

const DAY = 86_400_000;
const STAFF_EMAILS: Record<DemoStaffKey, string> = {
  lin: 'lin.xiao@hearth.demo',
  chen: 'chen.siyuan@hearth.demo',
  emma: 'emma@hearth.demo',
  zhou: 'zhou.ting@hearth.demo',
};

/**
 * A lively forum, written through the forum's own services (so every post lands on its author's
 * timeline, and staff and fan replies on the asker's, exactly as live posts do): members for the
 * demo customers who use the forum, senior fans, threads with answers, accepted solutions, a
 * hidden advert, feedback statuses on suggestions, a locked notice, and 黄小米's two years of
 * posts in the long-running topic threads. Each write runs in its own transaction, so this step
 * runs outside the seed's step transaction; client ids make a re-run after a crash add nothing twice.
 */
export async function seedDemoForum(dataSource: DataSource, tx: Transactor, services: ForumSeedServices, longHistory: number, timeZone: string): Promise<void> {
  const { accounts, boards, forum, moderation } = services;
  const m = dataSource.manager;
  const now = Date.now();
  const days = new Map<number, number>();
  const at = (w: DemoWhen): Date => {
    const [h, min] = w.at.split(':').map(Number);
    if (!days.has(w.daysAgo)) days.set(w.daysAgo, startOfLocalDay(new Date(now - w.daysAgo * DAY), timeZone).getTime());
    return new Date(Math.min(days.get(w.daysAgo)! + (h * 60 + min) * 60_000, now - 60_000));
  };

  const staffRows = await m.find(Staff);
  const staff = (key: DemoStaffKey): ForumActor => ({ kind: 'staff', staff: staffRows.find((s) => s.email === STAFF_EMAILS[key])! });

  // Members, written directly in one transaction with one password hash for all: the forum
  // identity of an existing demo customer, or a customer of their own as registering would make.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  await tx.run(async (t) => {
    for (const spec of DEMO_MEMBERS) {
      if (await t.existsBy(ForumMemberEntity, { username: spec.username })) continue;
      const customer =
        (spec.customer && (await t.findOneBy(Customer, { displayName: spec.customer }))) ||
        (await t.save(t.create(Customer, { displayName: spec.displayName, phone: null, origin: `forum:${spec.username}` })));
      if (!(await t.existsBy(Identity, { channel: 'forum', externalId: spec.username }))) {
        await t.insert(Identity, { customerId: customer.id, channel: 'forum', externalId: spec.username, displayName: spec.displayName, verified: true });
      }
      const createdAt = new Date(now - spec.joined * DAY);
      await t.insert(ForumMemberEntity, {
        username: spec.username, displayName: spec.displayName, passwordHash, phone: null, customerId: customer.id, seniorFanSince: null, seniorFanBy: null, createdAt,
      });
    }
  });
  const members = new Map<string, ForumMemberEntity>();
  for (const spec of DEMO_MEMBERS) {
    let member = await m.findOneByOrFail(ForumMemberEntity, { username: spec.username });
    const by = spec.fan && staff(spec.fan.by);
    if (spec.fan && by && by.kind === 'staff' && !member.seniorFanSince) member = await accounts.setSeniorFan(by.staff, spec.username, true, at(spec.fan));
    members.set(spec.username, member);
  }
  const actor = (by: DemoBy): ForumActor => (typeof by === 'string' ? { kind: 'member', member: members.get(by)! } : staff(by.staff));

  const help = await boards.bySlug('help');
  /** One thread, found again by its client id on a re-run. */
  const thread = async (boardId: string, title: string, by: DemoBy, when: Date, body: string, clientId: string) =>
    (await m.findOneBy(ForumThreadEntity, { clientId })) ?? forum.createThread(actor(by), { boardId, title, body, clientId }, when);
  const reply = async (threadId: string, by: DemoBy, when: Date, body: string, clientId: string) =>
    (await m.findOneBy(ForumPostEntity, { threadId, clientId })) ?? forum.addPost(actor(by), threadId, { body, clientId }, when);

  // 黄小米's long history first: the topic threads go back two years. Hundreds of posts, so they
  // share one transaction (one commit instead of one per post).
  const history = longHistoryDrafts(longHistory).filter((d) => d.channel === 'forum');
  const topicThreads = new Map<string, string>();
  for (const d of history) {
    if (topicThreads.has(d.topic)) continue;
    const opened = new Date(at(d).getTime() - 3_600_000);
    const body = `${d.topic}相关的使用心得、小技巧和遇到的问题，都可以在这里接着聊，方便后来的朋友一次看全。`;
    topicThreads.set(d.topic, (await thread(help.id, topicThreadTitle(d.topic), TOPIC_THREAD_STARTER, opened, body, `demo-topic-${d.topic}`)).id);
  }
  if (!(await m.existsBy(ForumPostEntity, { clientId: 'demo-history-1' }))) {
    const xiaomi = actor('xiaomi_huang');
    await tx.run(async (t) => {
      for (const [i, d] of history.entries()) {
        await forum.addPostWithin(t, xiaomi, topicThreads.get(d.topic)!, { body: d.body, clientId: `demo-history-${i + 1}` }, at(d));
      }
    });
  }

  for (const [i, spec] of DEMO_THREADS.entries()) {
    const board = await boards.bySlug(spec.board);
    const t = await thread(board.id, spec.title, spec.opening.by, at(spec.opening), spec.opening.body, `demo-thread-${i}`);
    const replies = [];
    for (const [j, r] of spec.replies.entries()) {
      const post = await reply(t.id, r.by, at(r), r.body, `demo-reply-${i}-${j}`);
      replies.push(post);
      if (r.hidden) await moderation.setHidden(staff(r.hidden.by), String(post.id), r.hidden.reason, new Date(at(r).getTime() + 3_600_000));
    }
    if (spec.solution) await moderation.setSolution(actor(spec.solution.by), t.id, String(replies[spec.solution.reply].id), at(spec.solution));
    // Statuses only once: replaying heard → planned → shipped on a re-run would write them again.
    const statusSet = (await m.findOneByOrFail(ForumThreadEntity, { id: t.id })).feedbackStatus !== null;
    for (const s of statusSet ? [] : (spec.statuses ?? [])) await moderation.setStatus(staff(s.by), t.id, s.status, s.note ?? null, at(s));
    if (spec.locked) await moderation.setLocked(staff(spec.locked.by), t.id, true, at(spec.locked));
  }

  // The stories step's cases about a forum question take in its forum events, as an agent would.
  for (const link of CASE_THREADS) {
    const customer = await m.findOneBy(Customer, { displayName: link.customer });
    const found = customer && (await m.findOneBy(CaseEntity, { customerId: customer.id, title: link.caseTitle }));
    const t = await m.findOneBy(ForumThreadEntity, { title: link.thread });
    if (!found || !t) continue;
    const threadOf = dataSource.options.type === 'postgres' ? "details->>'threadId'" : "json_extract(details, '$.threadId')";
    await rawSql(m, `UPDATE events SET case_id = $1 WHERE customer_id = $2 AND source = 'forum' AND case_id IS NULL AND ${threadOf} = $3`, [
      found.id,
      customer.id,
      t.id,
    ]);
  }
}
