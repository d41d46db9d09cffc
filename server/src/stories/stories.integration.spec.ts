import TestAgent from 'supertest/lib/agent';
import type { CaseDetail, Story, StoryCard, StoryPage, ThanksNote, ThemesMonth, TimelineEvent } from '../realtime/contract';
import { startTestApp, TestApp } from '../testing/test-app';

describe('Stories (integration)', () => {
  let t: TestApp;
  let lin: TestAgent; // agent
  let wang: TestAgent; // store staff, 上海静安店
  let zhou: TestAgent; // manager

  beforeEach(async () => {
    // A test app without the demo stories, so every count below is this test's own.
    t = await startTestApp({ DEMO_STORIES: 'false' });
    [lin, wang, zhou] = await Promise.all([t.signIn('lin.xiao@hearth.demo'), t.signIn('wang.lei@hearth.demo'), t.signIn('zhou.ting@hearth.demo')]);
  });
  afterEach(() => t.close());

  const clientId = () => `c-${Math.random().toString(36).slice(2, 12)}`;

  /** A resolved case across a desk note and a store visit, with a gesture; returns its id. */
  async function resolvedStory(name: string, title: string, story: { needed: string; did: string; felt: string; customerWords?: string }, themes: string[]) {
    const customerId = (await lin.post('/api/customers').send({ displayName: name }).expect(201)).body.customer.id as string;
    const noteEvent = (await lin.post(`/api/customers/${customerId}/notes`).send({ body: `${title}：顾客来电`, clientId: clientId() }).expect(201)).body.event as TimelineEvent;
    const visitEvent = (
      await wang.post('/api/visits').send({ clientId: clientId(), customerId, reasons: ['repair'], reasonText: title, actions: '检测并处理', outcome: 'solved' }).expect(201)
    ).body.event as TimelineEvent;
    const c = (await lin.post('/api/cases').send({ clientId: clientId(), customerId, title, fromEventId: noteEvent.id }).expect(201)).body as CaseDetail;
    await wang.post(`/api/cases/${c.id}/events`).send({ eventIds: [visitEvent.id] }).expect(201);
    await wang.post('/api/gestures').send({ clientId: clientId(), customerId, caseId: c.id, kind: 'handwritten_card', note: '写了一张卡片', status: 'given' }).expect(201);
    await lin.put(`/api/cases/${c.id}/resolution`).send({ expectedVersion: 0, ...story, themes }).expect(200);
    return { caseId: c.id, customerId };
  }

  it('should assemble a story across channels, with who helped, and find it by Chinese and English text and by filters', async () => {
    const screen = await resolvedStory('李娜', '屏幕碎了', { needed: '出差前要修好手机屏幕', did: '当场换了外屏，免了维修费', felt: '很感动', customerWords: '你们太贴心了' }, ['屏幕']);
    const battery = await resolvedStory('Oliver Chen', 'Battery drains fast', { needed: 'A battery that lasts the day', did: 'Replaced the battery under warranty', felt: 'Relieved' }, ['电池']);
    // An open case is not a story yet.
    const openCustomer = (await lin.post('/api/customers').send({ displayName: '开着的' }).expect(201)).body.customer.id;
    const open = (await lin.post('/api/cases').send({ clientId: clientId(), customerId: openCustomer, title: '屏幕还没修' }).expect(201)).body as CaseDetail;

    const feed = (await zhou.get('/api/stories').expect(200)).body as StoryPage;
    expect(feed.stories.map((s) => s.title)).toEqual(['Battery drains fast', '屏幕碎了']);
    const card = feed.stories.find((s) => s.caseId === screen.caseId)!;
    expect(card).toMatchObject({
      customer: { displayName: '李娜' },
      needed: '出差前要修好手机屏幕',
      customerWords: '你们太贴心了',
      themes: ['屏幕'],
      channels: ['desk', 'store'],
      stores: [{ name: '上海静安店' }],
      gestureKinds: ['handwritten_card'],
      highlight: null,
    });
    expect(card.helpers.map((h) => h.name)).toEqual(['林晓', '王磊']);
    await zhou.get(`/api/stories/${open.id}`).expect(404);

    const ids = async (query: Record<string, string>) => ((await zhou.get('/api/stories').query(query).expect(200)).body as StoryPage).stories.map((s) => s.caseId);
    expect(await ids({ q: '屏幕' })).toEqual([screen.caseId]);
    expect(await ids({ q: '外屏' })).toEqual([screen.caseId]); // two characters inside a word
    expect(await ids({ q: '贴' })).toEqual([screen.caseId]); // one character
    expect(await ids({ q: '卡片' })).toEqual([battery.caseId, screen.caseId]); // gesture notes are searched
    expect(await ids({ q: 'warranty' })).toEqual([battery.caseId]);
    expect(await ids({ q: 'oliver' })).toEqual([battery.caseId]);
    expect(await ids({ q: '不存在的词' })).toEqual([]);
    expect(await ids({ theme: '电池' })).toEqual([battery.caseId]);
    expect(await ids({ channel: 'store' })).toHaveLength(2);
    expect(await ids({ channel: 'wechat' })).toEqual([]);
    const stores = (await zhou.get('/api/stories/facets').expect(200)).body as { themes: string[]; stores: { id: string; name: string }[] };
    expect(stores.themes).toEqual(['屏幕', '电池']);
    expect(await ids({ storeId: stores.stores.find((s) => s.name === '上海静安店')!.id })).toHaveLength(2);
    expect(await ids({ storeId: stores.stores.find((s) => s.name === '杭州西湖店')!.id })).toEqual([]);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    expect(await ids({ from: today, to: today })).toHaveLength(2);
    expect(await ids({ to: '2020-01-01' })).toEqual([]);
    expect((await wang.get('/api/stories').query({ mine: 'true' }).expect(200)).body.stories).toHaveLength(2);
    expect((await zhou.get('/api/stories').query({ mine: 'true' }).expect(200)).body.stories).toEqual([]);

    // Keyset pages.
    const first = (await zhou.get('/api/stories').query({ limit: 1 }).expect(200)).body as StoryPage;
    const second = (await zhou.get('/api/stories').query({ limit: 1, before: first.nextCursor }).expect(200)).body as StoryPage;
    expect([...first.stories, ...second.stories].map((s) => s.caseId)).toEqual([battery.caseId, screen.caseId]);
    expect(second.nextCursor).toBeNull();

    const full = (await lin.get(`/api/stories/${screen.caseId}`).expect(200)).body as Story;
    expect(full.resolution).toMatchObject({ version: 1, did: '当场换了外屏，免了维修费' });
    expect(full.excerpts.map((e) => e.kind)).toEqual(['note', 'store.visit']);
    expect(full.gestures).toMatchObject([{ kind: 'handwritten_card', status: 'given', by: { name: '王磊' } }]);

    const hyphens = Buffer.from(`2026-01-01T00:00:00.000Z|${'-'.repeat(36)}`).toString('base64url');
    for (const bad of [{ channel: 'fax' }, { from: '2026-13-01' }, { from: '2026-11-20', to: '2026-11-01' }, { limit: '500' }, { before: 'nonsense' }, { before: hyphens }, { storeId: 'x' }, { q: 'a\u0000' }, { highlighted: 'yes' }]) {
      expect((await zhou.get('/api/stories').query(bad).expect(400)).body.message).toBeTruthy();
    }
  });

  it('should let managers highlight a story and thank a helper, who sees the note live', async () => {
    const { caseId } = await resolvedStory('王芳', '耳机左边没声音', { needed: '耳机修好', did: '换了新的', felt: '开心' }, ['耳机']);
    await lin.put(`/api/stories/${caseId}/highlight`).send({}).expect(403);
    // A highlight needs no note.
    expect(((await zhou.put(`/api/stories/${caseId}/highlight`).send({}).expect(200)).body as Story).highlight).toMatchObject({ by: { name: '周婷' }, note: null });
    const highlighted = (await zhou.put(`/api/stories/${caseId}/highlight`).send({ note: '一次很温暖的服务' }).expect(200)).body as Story;
    expect(highlighted.highlight).toMatchObject({ by: { name: '周婷' }, note: '一次很温暖的服务' });
    expect(((await lin.get('/api/stories').query({ highlighted: 'true' }).expect(200)).body as StoryPage).stories.map((s) => s.caseId)).toEqual([caseId]);
    expect(((await lin.get('/api/stories').query({ highlighted: 'week' }).expect(200)).body as StoryPage).stories.map((s) => s.caseId)).toEqual([caseId]);
    expect(((await zhou.delete(`/api/stories/${caseId}/highlight`).expect(200)).body as Story).highlight).toBeNull();

    const staff = (await t.signIn('admin@hearth.demo').then((a) => a.get('/api/staff'))).body.staff as { id: string; email: string }[];
    const id = (email: string) => staff.find((s) => s.email === email)!.id;

    const socket = await t.staffSocket('wang.lei@hearth.demo');
    try {
      const live = new Promise<ThanksNote>((resolve) => socket.once('thanks.received', resolve));
      await lin.post(`/api/stories/${caseId}/thanks`).send({ clientId: clientId(), toStaffId: id('wang.lei@hearth.demo'), body: '谢谢' }).expect(403);
      expect(
        (await zhou.post(`/api/stories/${caseId}/thanks`).send({ clientId: clientId(), toStaffId: id('emma@hearth.demo'), body: '谢谢' }).expect(400)).body.code,
      ).toBe('story.not_helper');
      const body = { clientId: clientId(), toStaffId: id('wang.lei@hearth.demo'), body: '谢谢你当场就换好了，顾客很感动' };
      const note = (await zhou.post(`/api/stories/${caseId}/thanks`).send(body).expect(201)).body as ThanksNote;
      await zhou.post(`/api/stories/${caseId}/thanks`).send(body).expect(200); // a double click is one note
      expect(note).toMatchObject({ storyTitle: '耳机左边没声音', to: { name: '王磊' }, from: { name: '周婷' }, seenAt: null });
      expect(await live).toMatchObject({ id: note.id, body: body.body });
    } finally {
      socket.disconnect();
    }
    const mine = (await wang.get('/api/me/thanks').expect(200)).body as { thanks: ThanksNote[]; unseen: number };
    expect(mine).toMatchObject({ unseen: 1, thanks: [{ body: '谢谢你当场就换好了，顾客很感动', storyTitle: '耳机左边没声音' }] });
    await wang.post('/api/me/thanks/seen').expect(204);
    expect((await wang.get('/api/me/thanks').expect(200)).body.unseen).toBe(0);
    expect((await lin.get('/api/me/thanks').expect(200)).body.thanks).toEqual([]);
    // The note shows on the story to managers and to its recipient, not to everyone.
    expect(((await wang.get(`/api/stories/${caseId}`).expect(200)).body as Story).thanks).toHaveLength(1);
    expect(((await lin.get(`/api/stories/${caseId}`).expect(200)).body as Story).thanks).toHaveLength(0);
  });

  it('should export stories as Markdown that stays literal text', async () => {
    const a = await resolvedStory('=HYPERLINK("http://evil")', '屏幕<script>alert(1)</script>', {
      needed: '- 不是列表\n@SUM(A1)',
      did: '[点我](javascript:alert(1)) **加粗**',
      felt: '+1 满意',
      customerWords: '# 不是标题',
    }, ['屏幕']);
    const b = await resolvedStory('Oliver Chen', 'Battery', { needed: 'Battery', did: 'Replaced', felt: 'Fine' }, []);
    const res = await zhou.get('/api/stories/export.md').query({ ids: `${a.caseId},${b.caseId}` }).expect(200);
    expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="hearth-stories-\d{4}-\d{2}-\d{2}\.md"$/);
    const md = res.text;
    expect(md).toContain('# 屏幕\\<script\\>alert\\(1\\)\\</script\\>');
    expect(md).toContain('## 顾客需要什么');
    expect(md).toContain('\\- 不是列表  \n\\@SUM\\(A1\\)');
    expect(md).toContain('\\[点我\\]\\(javascript:alert\\(1\\)\\) \\*\\*加粗\\*\\*');
    expect(md).toContain('\\+1 满意');
    expect(md).toContain('> \\# 不是标题');
    expect(md).toContain('顾客: \\=HYPERLINK\\("http://evil"\\)');
    expect(md).toContain('手写卡片');
    expect(md).not.toMatch(/^[=+@]/m);
    expect(md.split('\n---\n')).toHaveLength(2);
    const en = (await zhou.get('/api/stories/export.md').query({ ids: b.caseId, lang: 'en' }).expect(200)).text;
    expect(en).toContain('## What we did\n\nReplaced');
    await zhou.get('/api/stories/export.md').query({ ids: 'x' }).expect(400);
    await zhou.get('/api/stories/export.md').query({ ids: '-'.repeat(36) }).expect(400);
    await zhou.get('/api/stories/selection').query({ ids: Array.from({ length: 51 }, () => a.caseId).join(',') }).expect(400);
    await zhou.get('/api/stories/export.md').expect(400);

    const selection = (await zhou.get('/api/stories/selection').query({ ids: `${b.caseId},${a.caseId}` }).expect(200)).body.stories as Story[];
    expect(selection.map((s) => s.caseId)).toEqual([b.caseId, a.caseId]);
  });

  it('should move stories with their customer in a merge, found under the surviving name', async () => {
    const { caseId, customerId } = await resolvedStory('网页访客 7A1B', '耳机丢了一只', { needed: '补一只耳机', did: '单只补发', felt: '开心' }, ['耳机']);
    const into = (await lin.post('/api/customers').send({ displayName: '周晓梅' }).expect(201)).body.customer.id as string;
    await lin.post(`/api/customers/${into}/merge`).send({ fromCustomerId: customerId }).expect(201);
    const found = ((await zhou.get('/api/stories').query({ q: '周晓梅' }).expect(200)).body as StoryPage).stories;
    expect(found.map((s) => [s.caseId, s.customer.displayName])).toEqual([[caseId, '周晓梅']]);
    expect(((await lin.get(`/api/customers/${into}/cases`).expect(200)).body.cases as { id: string }[]).map((c) => c.id)).toEqual([caseId]);
    expect((await lin.get(`/api/customers/${into}/gestures`).expect(200)).body.gestures).toHaveLength(1);
  });

  it('should list what customers came with this month by theme, counting customers', async () => {
    await resolvedStory('李娜', '屏幕碎了', { needed: 'a', did: 'b', felt: 'c' }, ['屏幕', '维修']);
    await resolvedStory('王芳', '屏幕发黄', { needed: 'a', did: 'b', felt: 'c' }, ['屏幕']);
    const customerId = (await lin.post('/api/customers').send({ displayName: '未归类的' }).expect(201)).body.customer.id;
    await lin.post('/api/cases').send({ clientId: clientId(), customerId, title: '还不知道是什么' }).expect(201);
    const month = (await lin.get('/api/themes').expect(200)).body as ThemesMonth;
    expect(month.themes.map((th) => [th.theme, th.customers, th.cases.length])).toEqual([
      ['屏幕', 2, 2],
      ['维修', 1, 1],
    ]);
    expect(month.unthemed).toBe(1);
    expect((await lin.get('/api/themes').query({ month: '2020-01' }).expect(200)).body).toEqual({ month: '2020-01', themes: [], unthemed: 0 });
    await lin.get('/api/themes').query({ month: '2026-13' }).expect(400);
  });

  it('should have no endpoint that returns per-staff counts, durations or rankings', async () => {
    await resolvedStory('李娜', '屏幕碎了', { needed: 'a', did: 'b', felt: 'c' }, ['屏幕']);
    const admin = await t.signIn('admin@hearth.demo');
    const doc = (await admin.get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const story = ((await zhou.get('/api/stories').expect(200)).body as StoryPage).stories[0] as StoryCard;
    const ids: Record<string, string> = { id: story.customer.id, caseId: story.caseId, customerId: story.customer.id };
    // Numbers allowed: counts of customers' needs (themes), my own unseen notes, my own allowance, pagination, sizes.
    // The forum's numbers are about boards and threads (their order, threads in a board, replies in a thread), never about a person.
    const allowed = /^(customers|unseen|unthemed|allowanceCents|spentCents|leftCents|monthlyGestureAllowanceCents|costCents|width|height|version|position|threadCount|replyCount)$/;
    const suspicious = /count|total|duration|avg|average|mean|median|rank|score|points|speed|elapsed|sla|response_?time|handled|per_?staff|leaderboard/i;
    let checked = 0;
    for (const [path, methods] of Object.entries(doc.paths)) {
      if (!('get' in methods) || /export\.md|images|docs|\/chat\/|visitor/.test(path)) continue;
      const url = path.replace(/\{(\w+)\}/g, (_, name: string) => ids[name] ?? ids.id);
      for (const agent of [admin, zhou]) {
        const res = await agent.get(url).query(path.endsWith('selection') ? { ids: story.caseId } : {});
        expect(res.status).toBeLessThan(500);
        if (res.status !== 200 || !res.body || typeof res.body !== 'object') continue;
        checked++;
        walk(res.body, '', (key, value, at) => {
          if (suspicious.test(key) && !allowed.test(key)) throw new Error(`${path} → ${at}: looks like a staff metric`);
          if (typeof value === 'number' && !allowed.test(key) && !/^\d+$/.test(key)) throw new Error(`${path} → ${at}: unexpected number ${value}`);
        });
      }
    }
    expect(checked).toBeGreaterThan(15);
  });
});

function walk(value: unknown, at: string, visit: (key: string, value: unknown, at: string) => void) {
  if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${at}[${i}]`, visit));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      visit(key, v, `${at}.${key}`);
      walk(v, `${at}.${key}`, visit);
    }
  }
}
