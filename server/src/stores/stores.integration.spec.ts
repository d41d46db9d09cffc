import { startTestApp, TestApp } from '../testing/test-app';

type StoreBody = { id: string; name: string; city: string; address: string };

describe('Store administration (integration)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const suzhou = { name: '苏州观前店', city: '苏州', address: '姑苏区观前街 88 号' };
  const UNKNOWN = '00000000-0000-4000-8000-000000000000';

  async function storeNamed(name: string): Promise<StoreBody> {
    const admin = await t.signIn('admin@hearth.demo');
    const { body } = await admin.get('/api/stores').expect(200);
    return body.stores.find((s: StoreBody) => s.name === name);
  }

  it('should let an admin add a store, trimmed, that everyone then sees', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const res = await admin
      .post('/api/stores')
      .send({ name: '  苏州观前店 ', city: ' 苏州', address: '姑苏区观前街 88 号  ' })
      .expect(201);
    expect(res.body).toEqual({ store: { id: expect.any(String), ...suzhou } });

    const agent = await t.signIn('lin.xiao@hearth.demo');
    const list = await agent.get('/api/stores').expect(200);
    expect(list.body.stores).toContainEqual(res.body.store);
    expect(list.body.stores).toHaveLength(3);
  });

  it('should refuse store administration to every role but admin, and to anyone signed out', async () => {
    const store = await storeNamed('上海静安店');
    for (const email of ['lin.xiao@hearth.demo', 'wang.lei@hearth.demo', 'zhou.ting@hearth.demo']) {
      const staff = await t.signIn(email);
      const created = await staff.post('/api/stores').send(suzhou).expect(403);
      expect(created.body.code).toBe('auth.forbidden');
      await staff.patch(`/api/stores/${store.id}`).send({ city: '北京' }).expect(403);
      await staff.get('/api/stores').expect(200);
    }
    await t.http().post('/api/stores').send(suzhou).expect(401);
    await t.http().patch(`/api/stores/${store.id}`).send({ city: '北京' }).expect(401);
    await t.http().get('/api/stores').expect(401);
    expect(await storeNamed('上海静安店')).toEqual(store);
  });

  it('should refuse a name already taken, ignoring case and spaces, with 409', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const taken = await admin.post('/api/stores').send({ ...suzhou, name: ' 上海静安店 ' }).expect(409);
    expect(taken.body.code).toBe('store.name_taken');

    await admin.post('/api/stores').send({ ...suzhou, name: 'Hearth Lab' }).expect(201);
    const again = await admin.post('/api/stores').send({ ...suzhou, name: 'hearth LAB' }).expect(409);
    expect(again.body.code).toBe('store.name_taken');
    const { body } = await admin.get('/api/stores').expect(200);
    expect(body.stores.filter((s: StoreBody) => s.name.toLowerCase() === 'hearth lab')).toHaveLength(1);
  });

  it('should keep one store when the same name is created many times at once', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const results = await Promise.all(Array.from({ length: 6 }, () => admin.post('/api/stores').send(suzhou)));
    expect(results.map((r) => r.status).sort()).toEqual([201, 409, 409, 409, 409, 409]);
  });

  it('should reject bad input with a clear 400', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const res = await admin
      .post('/api/stores')
      .send({ name: '   ', city: 'x'.repeat(61), address: 42, extra: true })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    const message = res.body.message.join(' ');
    expect(message).toMatch(/name must be 1 to 100 characters/);
    expect(message).toMatch(/city must be 1 to 60 characters/);
    expect(message).toMatch(/address must be a string/);
    expect(message).toMatch(/extra should not exist/);
    await admin.post('/api/stores').send({ name: '苏州观前店' }).expect(400);
    await admin.post('/api/stores').send({ ...suzhou, name: 'x'.repeat(101) }).expect(400);
    await admin.post('/api/stores').send({ ...suzhou, address: 'x'.repeat(201) }).expect(400);
  });

  it('should change only the fields sent and answer with the whole store', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const store = await storeNamed('杭州西湖店');

    const moved = await admin.patch(`/api/stores/${store.id}`).send({ address: ' 西湖区文三路 1 号 ' }).expect(200);
    expect(moved.body.store).toEqual({ ...store, address: '西湖区文三路 1 号' });
    const renamed = await admin.patch(`/api/stores/${store.id}`).send({ name: '杭州文三店', city: '杭州 ' }).expect(200);
    expect(renamed.body.store).toEqual({ ...store, name: '杭州文三店', address: '西湖区文三路 1 号' });
    await admin.patch(`/api/stores/${store.id}`).send({}).expect(200);

    expect(await storeNamed('杭州文三店')).toEqual(renamed.body.store);
  });

  it("should show a renamed store on its staff's accounts", async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const store = await storeNamed('杭州西湖店');
    await admin.patch(`/api/stores/${store.id}`).send({ name: '杭州湖滨店' }).expect(200);
    const { body } = await admin.get('/api/staff').expect(200);
    expect(body.staff.find((s: { email: string }) => s.email === 'zhao.min@hearth.demo').storeName).toBe('杭州湖滨店');
  });

  it('should refuse renaming onto another store, but allow a change of case to itself', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const hangzhou = await storeNamed('杭州西湖店');
    const clash = await admin.patch(`/api/stores/${hangzhou.id}`).send({ name: '上海静安店' }).expect(409);
    expect(clash.body.code).toBe('store.name_taken');

    const lab = (await admin.post('/api/stores').send({ ...suzhou, name: 'Hearth Lab' }).expect(201)).body.store;
    const recased = await admin.patch(`/api/stores/${lab.id}`).send({ name: 'HEARTH Lab' }).expect(200);
    expect(recased.body.store.name).toBe('HEARTH Lab');
    expect(await storeNamed('杭州西湖店')).toEqual(hangzhou);
  });

  it('should refuse null or empty fields with a 400, not a 500', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const store = await storeNamed('上海静安店');
    for (const patch of [{ name: null }, { city: null }, { address: null }, { name: ' ' }, { id: UNKNOWN }]) {
      const res = await admin.patch(`/api/stores/${store.id}`).send(patch).expect(400);
      expect(res.body.code).toBe('validation_failed');
    }
    expect(await storeNamed('上海静安店')).toEqual(store);
  });

  it('should answer 404 for an unknown or malformed store id', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const unknown = await admin.patch(`/api/stores/${UNKNOWN}`).send({ city: '北京' }).expect(404);
    expect(unknown.body.code).toBe('not_found');
    await admin.patch('/api/stores/not-a-uuid').send({ city: '北京' }).expect(404);
  });

  it('should offer no way to delete a store', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const store = await storeNamed('上海静安店');
    const res = await admin.delete(`/api/stores/${store.id}`);
    expect([404, 405]).toContain(res.status);
    expect(await storeNamed('上海静安店')).toEqual(store);
  });
});
