import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { storyText } from '../cases/cases.mapper';
import { rawSql } from '../database/raw-sql';
import type { CaseSummary, GestureAllowance, InboxItem, Story, StoryPage, ThanksNote, ThemesMonth, TimelineEvent } from '../realtime/contract';
import { startTestApp, TestApp } from '../testing/test-app';

const DAY = 86_400_000;

describe('Demo stories (seed)', () => {
  let t: TestApp;
  let zhou: TestAgent;

  beforeAll(async () => {
    t = await startTestApp();
    zhou = await t.signIn('zhou.ting@hearth.demo');
  });
  afterAll(() => t.close());

  const feed = async (query = '') => ((await zhou.get(`/api/stories${query}`).expect(200)).body as StoryPage).stories;
  const sql = <T>(text: string, params: unknown[] = []) => rawSql<T[]>(t.app.get(DataSource), text, params);

  it('should tell a dozen stories in Chinese and English across channels and both stores', async () => {
    const stories = await feed('?limit=50');
    expect(stories.length).toBeGreaterThanOrEqual(12);
    expect(stories.filter((s) => /^[A-Za-z]/.test(s.title)).length).toBeGreaterThanOrEqual(2);
    const channels = new Set(stories.flatMap((s) => s.channels));
    for (const c of ['chat', 'wechat', 'forum', 'store']) expect(channels).toContain(c);
    expect(new Set(stories.flatMap((s) => s.stores.map((x) => x.name)))).toEqual(new Set(['上海静安店', '杭州西湖店']));
    expect(stories.filter((s) => s.gestureKinds.length).length).toBeGreaterThan(stories.length / 2);

    const [first] = await feed(`?q=${encodeURIComponent('屏幕碎')}`);
    expect(first).toMatchObject({ title: '屏幕碎了', customer: { displayName: '张伟' }, highlight: { by: { name: '周婷' } } });
    expect(Date.now() - Date.parse(first.highlight!.at)).toBeLessThan(3 * DAY);
    expect(first.stores.map((s) => s.name)).toEqual(['上海静安店']);
    const story = (await zhou.get(`/api/stories/${first.caseId}`).expect(200)).body as Story;
    expect(story.gestures.map((g) => g.kind).sort()).toEqual(['fee_waived', 'handwritten_card']);
    expect(story.gestures.find((g) => g.kind === 'handwritten_card')?.reaction).toContain('卡片我留着呢');
    expect(new Set(story.excerpts.map((e) => e.channel))).toEqual(new Set(['forum', 'wechat', 'store', 'desk', 'chat']));
    expect((await feed('?q=ear%20hooks')).map((s) => s.customer.displayName)).toEqual(['Sophie Laurent']);
  });

  it('should make 张伟’s thread one real case, with no stand-in entries left on his timeline', async () => {
    const [story] = await feed(`?q=${encodeURIComponent('屏幕碎')}`);
    const cases = (await zhou.get(`/api/customers/${story.customer.id}/cases`).expect(200)).body.cases as CaseSummary[];
    expect(cases).toEqual([expect.objectContaining({ title: '屏幕碎了', status: 'resolved', openedBy: expect.objectContaining({ name: '林晓' }) })]);
    const events = (await zhou.get(`/api/customers/${story.customer.id}/timeline`).expect(200)).body.events as TimelineEvent[];
    for (const e of events.filter((x) => ['case.opened', 'case.resolved', 'gesture'].includes(x.kind))) expect(e.caseId).toBe(cases[0].id);
    expect(events.filter((e) => e.kind === 'case.opened')).toHaveLength(1);
  });

  it('should write the rows the services write: entries for every case, resolution and gesture step', async () => {
    const resolved = await sql<{ id: string; title: string; customer_id: string }>(`SELECT id, title, customer_id FROM cases WHERE status = 'resolved'`);
    for (const c of resolved) {
      const [v1] = await sql<{ needed: string; did: string; felt: string; customer_words: string | null }>(
        'SELECT needed, did, felt, customer_words FROM case_resolutions WHERE case_id = $1 AND version = 1',
        [c.id],
      );
      const entries = await sql<{ kind: string; source_id: string; body: string; case_id: string }>(
        `SELECT kind, source_id, body, case_id FROM events WHERE source = 'case' AND source_id LIKE $1`,
        [`${c.id}:%`],
      );
      expect(entries.map((e) => e.source_id).sort()).toEqual([`${c.id}:opened`, `${c.id}:resolved:1`]);
      expect(entries.find((e) => e.kind === 'case.resolved')?.body).toBe(storyText({ ...v1, customerWords: v1.customer_words }));
    }
    const gestures = await sql<{ id: string; status: string; reaction: string | null; case_id: string }>('SELECT id, status, reaction, case_id FROM gestures');
    for (const g of gestures) {
      const steps = await sql<{ source_id: string; case_id: string }>(
        `SELECT source_id, case_id FROM events WHERE source = 'gesture' AND source_id LIKE $1`,
        [`${g.id}:%`],
      );
      expect(steps.map((s) => s.source_id.split(':')[1])).toEqual(expect.arrayContaining(['recorded', ...(g.reaction ? ['reaction'] : [])]));
      for (const s of steps) expect(s.case_id).toBe(g.case_id);
    }
    expect(gestures.filter((g) => g.status === 'planned').length).toBeGreaterThanOrEqual(1);
  });

  it('should leave open cases with people on them, thank-you notes, allowances and the inbox as the desk expects', async () => {
    const open = await sql<{ title: string }>(`SELECT title FROM cases WHERE status = 'open'`);
    expect(open.length).toBeGreaterThanOrEqual(2);
    const onIt = await sql<{ n: number }>(`SELECT COUNT(*) AS n FROM case_on_it o JOIN cases c ON c.id = o.case_id WHERE c.status = 'open'`);
    expect(Number(onIt[0].n)).toBeGreaterThanOrEqual(2);

    const wang = await t.signIn('wang.lei@hearth.demo');
    expect((await wang.get('/api/me/thanks').expect(200)).body).toMatchObject({ unseen: 1, thanks: [expect.objectContaining({ storyTitle: '屏幕碎了' }) as ThanksNote] });
    const lin = await t.signIn('lin.xiao@hearth.demo');
    expect((await lin.get('/api/me/thanks').expect(200)).body).toMatchObject({ unseen: 0, thanks: [expect.objectContaining({ seenAt: expect.any(String) })] });
    // Gestures stay well within everyone's monthly allowance; the desk agents' this month cost nothing.
    for (const who of ['wang.lei', 'zhao.min', 'emma', 'lin.xiao', 'chen.siyuan']) {
      const allowance = (await (await t.signIn(`${who}@hearth.demo`)).get('/api/gestures/allowance').expect(200)).body as GestureAllowance;
      expect(allowance.spentCents).toBeLessThanOrEqual(who === 'lin.xiao' || who === 'chen.siyuan' ? 0 : 15000);
    }
    // The stories' chats were all answered: nobody new waits in the inbox.
    const waiting = ((await lin.get('/api/inbox?view=waiting').expect(200)).body.items as InboxItem[]).map((i) => i.displayName);
    expect(waiting.sort()).toEqual(['孙丽', '网页访客 5E0B', '网页访客 8C1D', '赵雪', '陈静'].sort());

    // What customers came with, this month and last, grouped by theme across people.
    const now = (await zhou.get('/api/themes').expect(200)).body as ThemesMonth;
    const [y, m] = now.month.split('-').map(Number);
    const before = (await zhou.get(`/api/themes?month=${m === 1 ? y - 1 : y}-${String(m === 1 ? 12 : m - 1).padStart(2, '0')}`).expect(200)).body as ThemesMonth;
    expect(now.themes.length + before.themes.length).toBeGreaterThanOrEqual(10);
    expect([...now.themes, ...before.themes].some((th) => th.customers >= 2)).toBe(true);
  });
});
