import { startTestApp, TestApp } from '../testing/test-app';

describe('Staff administration (integration)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const newAgent = { email: 'li.na@hearth.demo', displayName: '李娜', role: 'agent', password: 'welcome-2026' };

  it('should let an admin create an account that can then sign in', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const res = await admin.post('/api/staff').send({ ...newAgent, email: ' Li.Na@Hearth.demo ' }).expect(201);
    expect(res.body.staff).toMatchObject({ email: 'li.na@hearth.demo', displayName: '李娜', role: 'agent', active: true });
    await t.signIn('li.na@hearth.demo', 'welcome-2026');
    const list = await admin.get('/api/staff').expect(200);
    expect(list.body.staff.map((s: { email: string }) => s.email)).toContain('li.na@hearth.demo');
  });

  it('should refuse staff administration to every role but admin', async () => {
    for (const email of ['lin.xiao@hearth.demo', 'wang.lei@hearth.demo', 'zhou.ting@hearth.demo']) {
      const agent = await t.signIn(email);
      const res = await agent.post('/api/staff').send(newAgent).expect(403);
      expect(res.body.code).toBe('auth.forbidden');
      await agent.get('/api/staff').expect(403);
    }
    await t.http().get('/api/staff').expect(401);
  });

  it('should refuse a duplicate email with 409 and keep one account', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    await admin.post('/api/staff').send(newAgent).expect(201);
    const res = await admin.post('/api/staff').send({ ...newAgent, email: 'LI.NA@hearth.demo' }).expect(409);
    expect(res.body.code).toBe('staff.email_taken');
    const list = await admin.get('/api/staff').expect(200);
    expect(list.body.staff.filter((s: { email: string }) => s.email === 'li.na@hearth.demo')).toHaveLength(1);
  });

  it('should create many accounts at once without interleaving SQLite transactions', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => admin.post('/api/staff').send({ ...newAgent, email: `agent${i}@hearth.demo` })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
  });

  it('should require a store for store staff and reject bad input with clear 400s', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const noStore = await admin.post('/api/staff').send({ ...newAgent, role: 'store' }).expect(400);
    expect(noStore.body.code).toBe('staff.store_required');
    const bad = await admin
      .post('/api/staff')
      .send({ email: 'not-an-email', displayName: '', role: 'boss', password: 'short', extra: 1 })
      .expect(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.message.join(' ')).toMatch(/email.*displayName|displayName.*email/s);
    expect(bad.body.message.join(' ')).toMatch(/role must be one of/);
    expect(bad.body.message.join(' ')).toMatch(/extra should not exist/);
    const { body: stores } = await admin.get('/api/stores').expect(200);
    const ok = await admin.post('/api/staff').send({ ...newAgent, role: 'store', storeId: stores.stores[0].id }).expect(201);
    expect(ok.body.staff.storeName).toBe(stores.stores[0].name);
    const list = await admin.get('/api/staff').expect(200);
    expect(list.body.staff).toHaveLength(8);
  });

  it("should end a disabled account's sessions at once, and let it back in when re-enabled", async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const { body } = await agent.get('/api/auth/me').expect(200);

    await admin.patch(`/api/staff/${body.staff.id}`).send({ active: false }).expect(200);
    await agent.get('/api/auth/me').expect(401);
    const refused = await t.http().post('/api/auth/login').send({ email: 'lin.xiao@hearth.demo', password: 'hearth-demo' }).expect(401);
    expect(refused.body.code).toBe('auth.account_disabled');

    await admin.patch(`/api/staff/${body.staff.id}`).send({ active: true }).expect(200);
    await t.signIn('lin.xiao@hearth.demo');
  });

  it('should reset a password and sign the account out everywhere', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const agent = await t.signIn('emma@hearth.demo');
    const { body } = await agent.get('/api/auth/me').expect(200);
    await admin.post(`/api/staff/${body.staff.id}/password`).send({ password: 'a-new-secret' }).expect(204);
    await agent.get('/api/auth/me').expect(401);
    await t.http().post('/api/auth/login').send({ email: 'emma@hearth.demo', password: 'hearth-demo' }).expect(401);
    await t.signIn('emma@hearth.demo', 'a-new-secret');
  });

  it('should not let an admin disable or demote themselves', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const { body } = await admin.get('/api/auth/me');
    const res = await admin.patch(`/api/staff/${body.staff.id}`).send({ active: false }).expect(400);
    expect(res.body.code).toBe('staff.cannot_disable_self');
    await admin.patch(`/api/staff/${body.staff.id}`).send({ role: 'agent' }).expect(400);
    await admin.get('/api/auth/me').expect(200);
  });

  it('should refuse null for fields that cannot be empty with a 400, not a 500', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const { body } = await admin.get('/api/staff').expect(200);
    const id = body.staff.find((s: { email: string }) => s.email === 'emma@hearth.demo').id;
    for (const patch of [{ displayName: null }, { active: null }, { role: null }]) {
      const res = await admin.patch(`/api/staff/${id}`).send(patch).expect(400);
      expect(res.body.code).toBe('validation_failed');
    }
  });

  it('should answer 404 for an unknown or malformed staff id', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    await admin.patch('/api/staff/00000000-0000-4000-8000-000000000000').send({ active: false }).expect(404);
    await admin.patch('/api/staff/not-a-uuid').send({ active: false }).expect(404);
    await admin.post('/api/staff/00000000-0000-4000-8000-000000000000/password').send({ password: 'long-enough' }).expect(404);
  });
});
