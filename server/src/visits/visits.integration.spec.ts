import TestAgent from 'supertest/lib/agent';
import type { InboxItem, StoreVisitDetails, TimelineEvent, TodayVisits } from '../realtime/contract';
import { startTestApp, TestApp } from '../testing/test-app';

describe('Store visits (integration)', () => {
  let t: TestApp;
  let wang: TestAgent; // 上海静安店
  let zhao: TestAgent; // 杭州西湖店
  let lin: TestAgent; // an agent

  beforeEach(async () => {
    t = await startTestApp();
    [wang, zhao, lin] = await Promise.all([t.signIn('wang.lei@hearth.demo'), t.signIn('zhao.min@hearth.demo'), t.signIn('lin.xiao@hearth.demo')]);
  });
  afterEach(() => t.close());

  const visit = (customerId: string, over: Record<string, unknown> = {}) => ({
    clientId: `draft-${Math.random().toString(36).slice(2, 12)}`,
    customerId,
    reasons: ['repair'],
    reasonText: '屏幕有一道裂痕',
    actions: '检测后当场更换了外屏',
    outcome: 'solved',
    ...over,
  });

  it('should find a customer by any common phone format, or create one on the spot with just a phone or a name', async () => {
    const known = (await wang.post('/api/customers').send({ displayName: '到店顾客', phone: '13912340000' }).expect(201)).body.customer;
    for (const phone of ['139 1234 0000', '+86 139-1234-0000', '0086 13912340000', '８６１３９１２３４００００']) {
      expect((await wang.get('/api/customers/by-phone').query({ phone }).expect(200)).body.customer.id).toBe(known.id);
    }
    // Create-or-find: a phone already on file points at its person instead of making a twin.
    const twin = await wang.post('/api/customers').send({ phone: '139-1234-0000' }).expect(409);
    expect(twin.body).toMatchObject({ code: 'customer.phone_on_file', customerId: known.id, displayName: '到店顾客' });

    const phoneOnly = (await wang.post('/api/customers').send({ phone: '137 0000 9876' }).expect(201)).body.customer;
    expect(phoneOnly).toMatchObject({ displayName: '顾客 9876', phone: '+8613700009876' });
    expect((await wang.post('/api/customers').send({ displayName: '只留了名字' }).expect(201)).body.customer.phone).toBeNull();
    expect((await wang.post('/api/customers').send({}).expect(400)).body.code).toBe('customer.name_or_phone_required');
    expect((await wang.post('/api/customers').send({ phone: '12345' }).expect(400)).body.code).toBe('customer.invalid_phone');
  });

  it('should append a store.visit event with store and staff, once per draft, live to the desk', async () => {
    const customer = (await lin.post('/api/customers').send({ displayName: '周先生' }).expect(201)).body.customer;
    const desk = await t.staffSocket('chen.siyuan@hearth.demo');
    try {
      await desk.emitWithAck('customer.watch', { customerId: customer.id });
      const live = new Promise<TimelineEvent>((resolve) => desk.once('timeline.event', resolve));

      const draft = visit(customer.id);
      const first = await wang.post('/api/visits').send(draft).expect(201);
      const event = first.body.event as TimelineEvent;
      expect(event).toMatchObject({ kind: 'store.visit', channel: 'store', author: { type: 'staff', name: '王磊' } });
      expect(event.details as StoreVisitDetails).toMatchObject({ storeName: '上海静安店', staffName: '王磊', reasons: ['repair'], outcome: 'solved', followUpNote: null });
      expect((await live).id).toBe(event.id);

      // The same draft again (a retry after a dropped connection) is the same visit.
      const again = await wang.post('/api/visits').send(draft).expect(200);
      expect(again.body.event.id).toBe(event.id);
      const timeline = (await lin.get(`/api/customers/${customer.id}/timeline?kinds=store.visit`).expect(200)).body.events as TimelineEvent[];
      expect(timeline).toHaveLength(1);
      // Found by what was written.
      const found = (await lin.get('/api/customers').query({ q: '裂痕' }).expect(200)).body.results;
      expect(found.map((r: { customer: { id: string } }) => r.customer.id)).toContain(customer.id);
    } finally {
      desk.disconnect();
    }
  });

  it('should put a follow-up in the desk inbox as a person waiting, until someone follows up', async () => {
    const customer = (await wang.post('/api/customers').send({ displayName: '需要回访的顾客', phone: '13600001234' }).expect(201)).body.customer;
    await wang.post('/api/visits').send(visit(customer.id, { outcome: 'follow_up' })).expect(400);
    await wang
      .post('/api/visits')
      .send(visit(customer.id, { outcome: 'follow_up', followUpNote: '配件到货后请电话通知她来取' }))
      .expect(201);
    const waiting = (await lin.get('/api/inbox?view=waiting').expect(200)).body.items as InboxItem[];
    expect(waiting.find((i) => i.customerId === customer.id)).toMatchObject({
      channel: 'store',
      waitingSince: expect.any(String),
      lastMessage: { body: '配件到货后请电话通知她来取', from: 'staff' },
    });
    await lin.post(`/api/inbox/${customer.id}/handled`).expect(204);
    await lin.post(`/api/inbox/${customer.id}/handled`).expect(204);
    const after = (await lin.get('/api/inbox?view=waiting').expect(200)).body.items as InboxItem[];
    expect(after.map((i) => i.customerId)).not.toContain(customer.id);
    // Colleagues can see who got back to them (once, however often it was pressed).
    const notes = (await lin.get(`/api/customers/${customer.id}/timeline?kinds=note`).expect(200)).body.events as TimelineEvent[];
    expect(notes.filter((e) => e.source === 'inbox.handled')).toMatchObject([{ author: { name: '林晓' }, body: '已跟进' }]);
    await lin.post('/api/inbox/00000000-0000-4000-8000-000000000000/handled').expect(404);
  });

  it("should list today's visits per store, and keep store staff to their own store", async () => {
    const a = (await wang.post('/api/customers').send({ displayName: '静安的顾客' }).expect(201)).body.customer;
    const b = (await zhao.post('/api/customers').send({ displayName: '西湖的顾客' }).expect(201)).body.customer;
    await wang.post('/api/visits').send(visit(a.id, { reasons: ['pickup'], outcome: 'browsing' })).expect(201);
    await zhao.post('/api/visits').send(visit(b.id)).expect(201);

    const jingan = (await wang.get('/api/visits/today').expect(200)).body as TodayVisits;
    expect(jingan.store.name).toBe('上海静安店');
    expect(jingan.visits.map((v) => v.customer.displayName)).toContain('静安的顾客');
    expect(jingan.visits.map((v) => v.customer.displayName)).not.toContain('西湖的顾客');

    const xihu = (await zhao.get('/api/visits/today').expect(200)).body as TodayVisits;
    await wang.get('/api/visits/today').query({ storeId: xihu.store.id }).expect(403);
    await wang.post('/api/visits').send(visit(a.id, { storeId: xihu.store.id })).expect(403);
    // Staff without a store say which one.
    await lin.post('/api/visits').send(visit(a.id)).expect(400);
    expect((await lin.get('/api/visits/today').query({ storeId: xihu.store.id }).expect(200)).body.visits.map((v: { customer: { id: string } }) => v.customer.id)).toContain(b.id);
  });

  it("should keep a merged customer's visits in the store's diary under the customer they were merged into", async () => {
    const dup = (await wang.post('/api/customers').send({ displayName: '重复的记录' }).expect(201)).body.customer;
    const real = (await lin.post('/api/customers').send({ displayName: '真正的顾客' }).expect(201)).body.customer;
    await wang.post('/api/visits').send(visit(dup.id)).expect(201);
    await lin.post(`/api/customers/${real.id}/merge`).send({ fromCustomerId: dup.id }).expect(201);
    const today = (await wang.get('/api/visits/today').expect(200)).body as TodayVisits;
    const names = today.visits.map((v) => v.customer.displayName);
    expect(names).toContain('真正的顾客');
    expect(names).not.toContain('重复的记录');
  });

  it('should answer a resent draft with its visit even after the customer was merged', async () => {
    const dup = (await wang.post('/api/customers').send({ displayName: '会被合并的' }).expect(201)).body.customer;
    const real = (await lin.post('/api/customers').send({ displayName: '合并进来的' }).expect(201)).body.customer;
    const draft = visit(dup.id);
    const first = (await wang.post('/api/visits').send(draft).expect(201)).body.event;
    await lin.post(`/api/customers/${real.id}/merge`).send({ fromCustomerId: dup.id }).expect(201);
    expect((await wang.post('/api/visits').send(draft).expect(200)).body.event.id).toBe(first.id);
  });

  it('should keep a waiting follow-up through a merge, and refuse desk-only notes from store staff', async () => {
    const dup = (await wang.post('/api/customers').send({ displayName: '回访重复' }).expect(201)).body.customer;
    const real = (await lin.post('/api/customers').send({ displayName: '回访本人' }).expect(201)).body.customer;
    await wang.post('/api/visits').send(visit(dup.id, { outcome: 'follow_up', followUpNote: '请回电' })).expect(201);
    await lin.post(`/api/customers/${real.id}/merge`).send({ fromCustomerId: dup.id }).expect(201);
    const waiting = (await lin.get('/api/inbox?view=waiting').expect(200)).body.items as InboxItem[];
    expect(waiting.find((i) => i.customerId === real.id)).toMatchObject({ channel: 'store', waitingSince: expect.any(String) });
    const refused = await wang.post(`/api/customers/${real.id}/notes`).send({ body: '想藏起来', clientId: 'store-desk-only', deskOnly: true }).expect(403);
    expect(refused.body.code).toBe('note.desk_only_from_store');
  });

  it('should refuse bad visits with a clear 400 and store nothing', async () => {
    const customer = (await wang.post('/api/customers').send({ displayName: '测试' }).expect(201)).body.customer;
    const bad: [Record<string, unknown>, string][] = [
      [{ reasons: [], reasonText: '' }, 'visit.reason_required'],
      [{ reasons: ['teleport'] }, 'validation_failed'],
      [{ outcome: 'lost' }, 'validation_failed'],
      [{ clientId: 'x' }, 'validation_failed'],
      [{ imageIds: ['00000000-0000-4000-8000-000000000000'] }, 'visit.image_not_found'],
      [{ actions: 'x'.repeat(2001) }, 'validation_failed'],
    ];
    for (const [over, code] of bad) {
      expect((await wang.post('/api/visits').send(visit(customer.id, over)).expect(400)).body.code).toBe(code);
    }
    await wang.post('/api/visits').send(visit('00000000-0000-4000-8000-000000000000')).expect(404);
    expect((await lin.get(`/api/customers/${customer.id}/timeline?kinds=store.visit`).expect(200)).body.events).toEqual([]);
  });

  it('should hide desk-only notes from store staff, and only those', async () => {
    const customer = (await lin.post('/api/customers').send({ displayName: '备注顾客' }).expect(201)).body.customer;
    await lin.post(`/api/customers/${customer.id}/notes`).send({ body: '大家都能看到的备注', clientId: 'open-note' }).expect(201);
    const hidden = (await lin.post(`/api/customers/${customer.id}/notes`).send({ body: '只给服务台看的家庭情况', clientId: 'desk-note', deskOnly: true }).expect(201)).body.event;
    expect(hidden).toMatchObject({ internal: true, deskOnly: true, details: { deskOnly: true } });

    const forStore = (await wang.get(`/api/customers/${customer.id}/timeline`).expect(200)).body.events as TimelineEvent[];
    expect(forStore.map((e) => e.body)).toEqual(['大家都能看到的备注']);
    const forDesk = (await lin.get(`/api/customers/${customer.id}/timeline`).expect(200)).body.events as TimelineEvent[];
    expect(forDesk.map((e) => e.body)).toEqual(['只给服务台看的家庭情况', '大家都能看到的备注']);
    // Nor found (or quoted in a snippet) by search.
    expect((await wang.get('/api/customers').query({ q: '家庭情况' }).expect(200)).body.results).toEqual([]);
    expect((await lin.get('/api/customers').query({ q: '家庭情况' }).expect(200)).body.results).toHaveLength(1);
    await lin.post(`/api/customers/${customer.id}/notes`).send({ body: 'x', clientId: 'bad-flag', deskOnly: 'yes' }).expect(400);
  });

  it('should not send desk-only notes live to store staff sockets', async () => {
    const customer = (await lin.post('/api/customers').send({ displayName: '实时备注顾客' }).expect(201)).body.customer;
    const store = await t.staffSocket('wang.lei@hearth.demo');
    try {
      await store.emitWithAck('customer.watch', { customerId: customer.id });
      const heard: string[] = [];
      store.on('timeline.event', (e) => heard.push(e.body));
      await lin.post(`/api/customers/${customer.id}/notes`).send({ body: '私下的', clientId: 'live-desk', deskOnly: true }).expect(201);
      await lin.post(`/api/customers/${customer.id}/notes`).send({ body: '公开的', clientId: 'live-open' }).expect(201);
      await new Promise((r) => setTimeout(r, 200));
      expect(heard).toEqual(['公开的']);
      // Nor in the catch-up after a reconnect.
      const ack = await store.emitWithAck('customer.watch', { customerId: customer.id, afterId: '1' });
      expect(ack.ok && ack.missed.map((e) => e.body)).toEqual(['公开的']);
    } finally {
      store.disconnect();
    }
  });

  it('should seed visits at both demo stores', async () => {
    const jingan = (await wang.get('/api/visits/today').expect(200)).body as TodayVisits;
    const xihu = (await zhao.get('/api/visits/today').expect(200)).body as TodayVisits;
    // Today in Shanghai, even when the demo was seeded just after midnight there.
    expect(jingan.visits.map((v) => v.customer.displayName)).toEqual(['陈静', '王芳']);
    expect(xihu.visits.map((v) => v.customer.displayName)).toEqual(['David Miller']);
    for (const v of jingan.visits) expect((v.event.details as StoreVisitDetails).storeName).toBe('上海静安店');
    for (const v of xihu.visits) expect((v.event.details as StoreVisitDetails).storeName).toBe('杭州西湖店');
  });

  it("should end a colleague's sockets when their role changes, so they reconnect with what the new role may see", async () => {
    const emma = await t.staffSocket('emma@hearth.demo');
    try {
      const ended = new Promise<string>((resolve) => emma.once('disconnect', resolve));
      const admin = await t.signIn('admin@hearth.demo');
      const staff = (await admin.get('/api/staff').expect(200)).body.staff as { id: string; email: string }[];
      const stores = (await admin.get('/api/stores').expect(200)).body.stores as { id: string }[];
      const emmaId = staff.find((s) => s.email === 'emma@hearth.demo')!.id;
      await admin.patch(`/api/staff/${emmaId}`).send({ role: 'store', storeId: stores[0].id }).expect(200);
      expect(await ended).toBe('io server disconnect');
    } finally {
      emma.disconnect();
    }
  });
});
