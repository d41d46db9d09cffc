import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { rawSql } from '../database/raw-sql';
import type { ForumMember, ForumThread, ForumThreadPage, Story, StoryPage, TimelineEvent } from '../realtime/contract';
import { startTestApp, TestApp } from '../testing/test-app';
import { DEMO_PASSWORD } from './demo-data';

describe('Demo forum (seed)', () => {
  let t: TestApp;
  let lin: TestAgent;

  beforeAll(async () => {
    t = await startTestApp();
    lin = await t.signIn('lin.xiao@hearth.demo');
  });
  afterAll(() => t.close());

  const sql = <T>(text: string, params: unknown[] = []) => rawSql<T[]>(t.app.get(DataSource), text, params);
  const customerId = async (name: string) => (await lin.get('/api/customers').query({ q: name }).expect(200)).body.results[0].customer.id as string;
  const timeline = async (id: string) => ((await lin.get(`/api/customers/${id}/timeline?limit=200`).expect(200)).body.events as TimelineEvent[]);

  it('should fill all three boards with threads that have answers, solutions, a suggestion in each state and a locked notice', async () => {
    const boards = (await t.http().get('/api/forum/boards').expect(200)).body as { slug: string; threadCount: number }[];
    for (const b of boards) expect(b.threadCount).toBeGreaterThanOrEqual(3);
    const page = (await t.http().get('/api/forum/boards/ideas/threads?limit=50').expect(200)).body as ForumThreadPage;
    expect(new Set(page.threads.map((th) => th.feedbackStatus))).toEqual(new Set(['heard', 'planned', 'shipped', null]));
    const help = (await t.http().get('/api/forum/boards/help/threads?limit=50').expect(200)).body as ForumThreadPage;
    expect(help.threads.filter((th) => th.solved).length).toBeGreaterThanOrEqual(5);
    expect(help.threads.some((th) => th.locked && th.author.kind === 'staff')).toBe(true);
  });

  it('should link every forum event on every timeline to a thread that exists', async () => {
    const rows = await sql<{ details: string | Record<string, unknown> }>("SELECT details FROM events WHERE channel = 'forum'");
    expect(rows.length).toBeGreaterThan(30);
    const threadIds = new Set((await sql<{ id: string }>('SELECT id FROM forum_threads')).map((r) => r.id));
    for (const row of rows) {
      const details = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as { threadId: string; url: string };
      expect(threadIds).toContain(details.threadId);
      expect(details.url).toMatch(new RegExp(`^/forum/threads/${details.threadId}(#post-\\d+)?$`));
    }
  });

  it("should put 张伟's whole exchange on his timeline: his question, the senior fan's answer, staff's reply, and the solution", async () => {
    const events = await timeline(await customerId('张伟'));
    const forum = events.filter((e) => e.channel === 'forum');
    expect(forum.find((e) => e.kind === 'forum.post' && e.author.type === 'customer' && e.body.includes('屏幕就碎了'))).toBeTruthy();
    expect(forum.find((e) => e.kind === 'forum.post' && e.author.type === 'fan' && e.author.name === '老K')).toBeTruthy();
    expect(forum.find((e) => e.kind === 'forum.post' && e.author.type === 'staff' && e.author.name === '林晓')).toBeTruthy();
    const solved = forum.find((e) => e.kind === 'forum.solved');
    expect(solved?.details).toMatchObject({ solvedBy: { kind: 'member', username: 'laok', seniorFan: true } });

    // The fan's own timeline acknowledges the answer that solved it.
    const laok = await timeline(await customerId('老K'));
    expect(laok.find((e) => e.kind === 'forum.solved' && e.sourceId.endsWith(':helper'))).toBeTruthy();
  });

  it("should attach the forum question to the stories that began there", async () => {
    const zhou = await t.signIn('zhou.ting@hearth.demo');
    for (const [q, text] of [['屏幕碎', '屏幕就碎了'], ['人像模式', '相机一点开就黑屏']]) {
      const [card] = ((await zhou.get(`/api/stories?q=${encodeURIComponent(q)}`).expect(200)).body as StoryPage).stories;
      const story = (await zhou.get(`/api/stories/${card.caseId}`).expect(200)).body as Story;
      expect(story.excerpts.some((e) => e.channel === 'forum' && e.body.includes(text))).toBe(true);
    }
  });

  it('should keep the hidden advert from the public but show it to staff, and let demo members sign in', async () => {
    const [row] = await sql<{ thread_id: string }>("SELECT thread_id FROM forum_posts WHERE hidden_reason = '广告信息'");
    const publicView = (await t.http().get(`/api/forum/threads/${row.thread_id}`).expect(200)).body as ForumThread;
    expect(publicView.posts.some((p) => p.html.includes('代购'))).toBe(false);
    const staffView = (await lin.get(`/api/forum/threads/${row.thread_id}`).expect(200)).body as ForumThread;
    expect(staffView.posts.find((p) => p.hidden)?.hidden?.reason).toBe('广告信息');

    const member = (await t.http().post('/api/forum/session').send({ username: 'xiaomi_huang', password: DEMO_PASSWORD }).expect(200)).body as ForumMember;
    expect(member).toMatchObject({ displayName: '小米', seniorFan: true });
  });
});
