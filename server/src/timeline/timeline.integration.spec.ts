import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../testing/test-app';
import { TimelineEventEntity } from './event.entity';
import { AppendInput, TimelineService } from './timeline.service';

describe('Timeline (integration)', () => {
  let t: TestApp;
  let timeline: TimelineService;
  let customerId: string;

  beforeEach(async () => {
    t = await startTestApp();
    timeline = t.app.get(TimelineService);
    const agent = await t.signIn('lin.xiao@hearth.demo');
    customerId = (await agent.post('/api/customers').send({ displayName: '测试顾客' }).expect(201)).body.customer.id;
  });
  afterEach(() => t.close());

  const event = (n: number, occurredAt: Date, extra: Partial<AppendInput> = {}): AppendInput => ({
    customerId,
    kind: 'chat.message',
    channel: 'chat',
    author: { type: 'customer' },
    body: `消息 ${n}`,
    occurredAt,
    source: 'test',
    sourceId: `m-${n}`,
    ...extra,
  });

  it('should store exactly one event for concurrent duplicate appends', async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => timeline.append(event(1, new Date()))));
    expect(new Set(results.map((r) => r.event.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const rows = await t.app.get(DataSource).getRepository(TimelineEventEntity).countBy({ source: 'test', sourceId: 'm-1' });
    expect(rows).toBe(1);
  });

  it('should page newest first with a keyset cursor, never repeating or skipping under concurrent inserts', async () => {
    const base = Date.UTC(2026, 0, 1);
    // Several events share a timestamp, so the id must break ties.
    for (let i = 0; i < 120; i++) await timeline.append(event(i, new Date(base + Math.floor(i / 3) * 60_000)));
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const seen: { id: string; occurredAt: string }[] = [];
    let cursor: string | null = null;
    let inserted = 1000;
    do {
      const res: { body: { events: typeof seen; nextCursor: string | null } } = await agent.get(`/api/customers/${customerId}/timeline`).query({ limit: 25, ...(cursor ? { before: cursor } : {}) }).expect(200);
      seen.push(...res.body.events);
      cursor = res.body.nextCursor;
      // Someone writes while we page: newer events must not shift what the cursor points at.
      await Promise.all([timeline.append(event(inserted++, new Date())), timeline.append(event(inserted++, new Date()))]);
    } while (cursor);
    const originals = seen.filter((e) => Number(e.occurredAt.slice(0, 4)) === 2026 && e.occurredAt < '2026-02');
    expect(originals).toHaveLength(120);
    expect(new Set(originals.map((e) => e.id)).size).toBe(120);
    for (let i = 1; i < seen.length; i++) {
      const [a, b] = [seen[i - 1], seen[i]];
      expect(a.occurredAt > b.occurredAt || (a.occurredAt === b.occurredAt && Number(a.id) > Number(b.id))).toBe(true);
    }
  });

  it('should filter by channel and kind on the server', async () => {
    await timeline.append(event(1, new Date()));
    await timeline.append(event(2, new Date(), { kind: 'store.visit', channel: 'store' }));
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const store = await agent.get(`/api/customers/${customerId}/timeline?channels=store`).expect(200);
    expect(store.body.events.map((e: { kind: string }) => e.kind)).toEqual(['store.visit']);
    const chat = await agent.get(`/api/customers/${customerId}/timeline?kinds=chat.message`).expect(200);
    expect(chat.body.events.map((e: { body: string }) => e.body)).toEqual(['消息 1']);
  });

  it('should answer bad paging input with 400s', async () => {
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const bad = await agent.get(`/api/customers/${customerId}/timeline?before=nonsense`).expect(400);
    expect(bad.body.code).toBe('timeline.bad_cursor');
    await agent.get(`/api/customers/${customerId}/timeline?limit=1000`).expect(400);
    await agent.get(`/api/customers/${customerId}/timeline?limit=abc`).expect(400);
  });

  it('should store one note per client id and keep notes staff-only', async () => {
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const note = { body: '顾客希望电话联系', clientId: 'note-1' };
    const first = await agent.post(`/api/customers/${customerId}/notes`).send(note).expect(201);
    const again = await agent.post(`/api/customers/${customerId}/notes`).send(note).expect(201);
    expect(again.body.event.id).toBe(first.body.event.id);
    expect(first.body.event).toMatchObject({ kind: 'note', internal: true, author: { type: 'staff', name: '林晓' } });
    const page = await agent.get(`/api/customers/${customerId}/timeline`).expect(200);
    expect(page.body.events.filter((e: { kind: string }) => e.kind === 'note')).toHaveLength(1);
    await agent.post(`/api/customers/${customerId}/notes`).send({ body: '   ', clientId: 'x' }).expect(400);
  });

  it('should record a delivery only on staff WeChat replies, only that key, keeping the customer a merge gave the event', async () => {
    const reply = await timeline.append(
      event(900, new Date(), { kind: 'wechat.message', channel: 'wechat', author: { type: 'staff', id: null, name: '林晓' }, details: { msgType: 'text', openId: 'o1', delivery: { status: 'pending' } } }),
    );
    const fromCustomer = await timeline.append(event(901, new Date(), { kind: 'wechat.message', channel: 'wechat', details: { msgType: 'text', openId: 'o1' } }));
    const chat = await timeline.append(event(902, new Date(), { author: { type: 'staff' }, details: { clientId: 'c1' } }));
    const db = t.app.get(DataSource);
    const other = (await (await t.signIn('lin.xiao@hearth.demo')).post('/api/customers').send({ displayName: '合并后' }).expect(201)).body.customer.id;
    // As a merge committing between the outbox reading the event and writing its delivery would leave it.
    await db.getRepository(TimelineEventEntity).update({ id: Number(reply.event.id) }, { customerId: other });
    const tx = (work: (m: import('typeorm').EntityManager) => Promise<unknown>) => db.transaction(work);

    const updated = (await tx((m) => timeline.recordDelivery(m, Number(reply.event.id), { status: 'failed', reason: 'quota', errcode: 45047 }))) as { customerId: string; details: unknown };
    expect(updated).toMatchObject({ customerId: other, details: { msgType: 'text', openId: 'o1', delivery: { status: 'failed', reason: 'quota', errcode: 45047 } } });
    const stored = await db.getRepository(TimelineEventEntity).findOneByOrFail({ id: Number(reply.event.id) });
    expect([stored.customerId, stored.details]).toEqual([other, { msgType: 'text', openId: 'o1', delivery: { status: 'failed', reason: 'quota', errcode: 45047 } }]);

    // Anything else is not a delivery's to change.
    for (const id of [fromCustomer.event.id, chat.event.id]) {
      expect(await tx((m) => timeline.recordDelivery(m, Number(id), { status: 'sent' }))).toBeNull();
    }
    expect((await db.getRepository(TimelineEventEntity).findOneByOrFail({ id: Number(chat.event.id) })).details).toEqual({ clientId: 'c1' });
    expect(await tx((m) => timeline.recordDelivery(m, 99_999_999, { status: 'sent' }))).toBeNull();
  });
});
