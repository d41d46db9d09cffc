import TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from '../testing/test-app';
import { TimelineService } from '../timeline/timeline.service';

describe('Customers (integration)', () => {
  let t: TestApp;
  let agent: TestAgent;
  beforeEach(async () => {
    t = await startTestApp();
    agent = await t.signIn('lin.xiao@hearth.demo');
  });
  afterEach(() => t.close());

  const create = async (displayName: string, phone?: string) =>
    (await agent.post('/api/customers').send({ displayName, phone }).expect(201)).body.customer as { id: string; phone: string | null };

  it('should normalise phones to E.164 and find customers by any common format', async () => {
    const c = await create('周杰', '138-0000-1234');
    expect(c.phone).toBe('+8613800001234');
    const found = await agent.get('/api/customers/by-phone').query({ phone: '+86 138 0000 1234' }).expect(200);
    expect(found.body.customer.id).toBe(c.id);
    await agent.get('/api/customers/by-phone').query({ phone: '139 9999 9999' }).expect(404);
    const bad = await agent.post('/api/customers').send({ displayName: 'x', phone: '12345' }).expect(400);
    expect(bad.body.code).toBe('customer.invalid_phone');
  });

  it('should find Chinese substrings in what customers wrote, and say which event matched', async () => {
    const c = await create('赵六');
    await agent.post(`/api/customers/${c.id}/notes`).send({ body: '顾客说：我的屏幕碎了，想知道维修价格', clientId: 'n1' }).expect(201);
    const res = await agent.get('/api/customers').query({ q: '屏幕' }).expect(200);
    const hit = res.body.results.find((r: { customer: { id: string } }) => r.customer.id === c.id);
    expect(hit.match).toMatchObject({ field: 'event', text: expect.stringContaining('屏幕碎了'), eventId: expect.any(String) });
    for (const q of ['幕碎', '维修价格']) {
      const r = await agent.get('/api/customers').query({ q }).expect(200);
      expect(r.body.results.map((x: { customer: { id: string } }) => x.customer.id)).toContain(c.id);
    }
    const none = await agent.get('/api/customers').query({ q: '屏碎' }).expect(200);
    expect(none.body.results.map((x: { customer: { id: string } }) => x.customer.id)).not.toContain(c.id);
  });

  it('should find customers by name (one Chinese character too), phone digits, identity and English words', async () => {
    const c = await create('Olivia Chen', '13911112222');
    await agent.post(`/api/customers/${c.id}/identities`).send({ channel: 'forum', externalId: 'olivia_c', displayName: 'Liv' }).expect(201);
    await agent.post(`/api/customers/${c.id}/notes`).send({ body: 'Asked about the warranty extension', clientId: 'n2' }).expect(201);
    const ids = async (q: string) => (await agent.get('/api/customers').query({ q }).expect(200)).body.results.map((r: { customer: { id: string } }) => r.customer.id);
    expect(await ids('olivia')).toContain(c.id);
    expect(await ids('11112222')).toContain(c.id);
    expect(await ids('olivia_c')).toContain(c.id);
    expect(await ids('warrant')).toContain(c.id);
    expect(await ids('王')).toEqual(expect.arrayContaining([expect.any(String)]));
    expect(await ids('zzzz-nothing')).toEqual([]);
  });

  it('should not let one talkative customer hide everyone else from a search', async () => {
    const chatty = await create('话多的人');
    const quiet = await create('安静的人');
    const timeline = t.app.get(TimelineService);
    await timeline.append({ customerId: quiet.id, kind: 'chat.message', channel: 'chat', author: { type: 'customer' }, body: '电池不耐用', source: 't', sourceId: 'q' });
    for (let i = 0; i < 300; i++) {
      await timeline.append({ customerId: chatty.id, kind: 'chat.message', channel: 'chat', author: { type: 'customer' }, body: `电池问题第${i}次`, source: 't', sourceId: `c${i}` });
    }
    const res = await agent.get('/api/customers').query({ q: '电池' }).expect(200);
    expect(res.body.results.map((r: { customer: { id: string } }) => r.customer.id)).toEqual(expect.arrayContaining([chatty.id, quiet.id]));
  });

  it('should merge B into A: identities and events move in one go, the merge shows, and B points at A', async () => {
    const a = await create('李雷', '13800000001');
    const b = await create('李雷（微信）', '13800000002');
    await agent.post(`/api/customers/${a.id}/notes`).send({ body: 'A 的备注', clientId: 'a1' }).expect(201);
    await agent.post(`/api/customers/${b.id}/notes`).send({ body: 'B 的备注', clientId: 'b1' }).expect(201);
    await agent.post(`/api/customers/${b.id}/identities`).send({ channel: 'wechat:wx1', externalId: 'oB' }).expect(201);
    const before = (await agent.get(`/api/customers/${b.id}/timeline`).expect(200)).body.events.length;

    const merged = await agent.post(`/api/customers/${a.id}/merge`).send({ fromCustomerId: b.id }).expect(201);
    expect(merged.body.customer.identities.map((i: { externalId: string }) => i.externalId)).toContain('oB');

    const events = (await agent.get(`/api/customers/${a.id}/timeline`).expect(200)).body.events;
    expect(events[0]).toMatchObject({ kind: 'customer.merged', details: expect.objectContaining({ fromCustomerId: b.id, movedEvents: before, conflicts: { phone: '+8613800000002' } }) });
    expect(events.map((e: { body: string }) => e.body)).toEqual(expect.arrayContaining(['A 的备注', 'B 的备注']));

    const gone = await agent.get(`/api/customers/${b.id}`).redirects(0).expect(308);
    expect(gone.headers.location).toBe(`/api/customers/${a.id}`);
    expect(gone.body).toMatchObject({ code: 'customer.merged', mergedInto: a.id });
    const timelineMoved = await agent.get(`/api/customers/${b.id}/timeline?limit=5`).redirects(0).expect(308);
    expect(timelineMoved.headers.location).toBe(`/api/customers/${a.id}/timeline?limit=5`);
    const search = await agent.get('/api/customers').query({ q: '李雷' }).expect(200);
    expect(search.body.results.map((r: { customer: { id: string } }) => r.customer.id)).toEqual([a.id]);
  });

  it('should refuse merging a customer into itself, an unknown one, or by store staff', async () => {
    const a = await create('甲');
    const self = await agent.post(`/api/customers/${a.id}/merge`).send({ fromCustomerId: a.id }).expect(400);
    expect(self.body.code).toBe('customer.merge_self');
    await agent.post(`/api/customers/${a.id}/merge`).send({ fromCustomerId: '00000000-0000-4000-8000-000000000000' }).expect(404);
    const store = await t.signIn('wang.lei@hearth.demo');
    await store.post(`/api/customers/${a.id}/merge`).send({ fromCustomerId: a.id }).expect(403);
  });

  it('should link an identity once and refuse it for a second customer', async () => {
    const a = await create('甲');
    const b = await create('乙');
    const link = { channel: 'web', externalId: 'visitor-1' };
    const first = await agent.post(`/api/customers/${a.id}/identities`).send(link).expect(201);
    const again = await agent.post(`/api/customers/${a.id}/identities`).send(link).expect(201);
    expect(again.body.identity.id).toBe(first.body.identity.id);
    const other = await agent.post(`/api/customers/${b.id}/identities`).send(link).expect(409);
    expect(other.body).toMatchObject({ code: 'customer.identity_linked_elsewhere', customerId: a.id });
  });

  it('should edit name, phone and notes, and treat an empty edit as no change', async () => {
    const c = await create('王五', '13800001111');
    const res = await agent.patch(`/api/customers/${c.id}`).send({ displayName: '王五（老客户）', phone: '', notes: '喜欢电话联系' }).expect(200);
    expect(res.body.customer).toMatchObject({ displayName: '王五（老客户）', phone: null, notes: '喜欢电话联系' });
    const same = await agent.patch(`/api/customers/${c.id}`).send({}).expect(200);
    expect(same.body.customer.displayName).toBe('王五（老客户）');
    await agent.patch(`/api/customers/${c.id}`).send({ phone: 'not a phone' }).expect(400);
    await agent.patch(`/api/customers/${c.id}`).send({ displayName: 42 }).expect(400);
    await agent.patch(`/api/customers/${c.id}`).send({ displayName: null }).expect(400);
    await agent.patch(`/api/customers/${c.id}`).send({ notes: null }).expect(400);
  });

  it('should answer unknown customers with 404 and require sign-in', async () => {
    await agent.get('/api/customers/00000000-0000-4000-8000-000000000000').expect(404);
    await agent.get('/api/customers/not-an-id').expect(404);
    await t.http().get('/api/customers').expect(401);
  });
});
