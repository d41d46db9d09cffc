import { startTestApp, TestApp } from '../testing/test-app';
import { TEST_AES_KEY } from './testing/wechat-callbacks';

describe('WeChat account administration (integration)', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(() => t.close());

  const account = { name: ' 测试服务号 ', appId: 'wx1234567890abcdef', appSecret: 'a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6', token: 'secretToken42', encodingAesKey: TEST_AES_KEY };
  const SECRETS = [account.appSecret, account.token, account.encodingAesKey];

  it('should connect an account, answer its callback path, and never return a secret', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const created = await admin.post('/api/channels/wechat').send(account).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      callbackPath: `/api/wechat/${created.body.id}`,
      channel: {
        id: created.body.id,
        name: '测试服务号',
        appId: account.appId,
        callbackPath: `/api/wechat/${created.body.id}`,
        mode: 'safe',
        active: true,
        secrets: { appSecret: true, token: true, encodingAesKey: true },
        createdAt: expect.any(String),
      },
    });
    const list = await admin.get('/api/channels/wechat').expect(200);
    expect(list.body.channels).toContainEqual(created.body.channel);
    for (const text of [JSON.stringify(created.body), JSON.stringify(list.body)]) {
      for (const secret of SECRETS) expect(text).not.toContain(secret);
    }
  });

  it('should edit the name and secrets, switch to plain mode, and disconnect', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const { id } = (await admin.post('/api/channels/wechat').send(account).expect(201)).body;
    const renamed = await admin.patch(`/api/channels/wechat/${id}`).send({ name: 'Hearth 售后', token: 'newToken99' }).expect(200);
    expect(renamed.body.channel).toMatchObject({ name: 'Hearth 售后', mode: 'safe', active: true });
    const plain = await admin.patch(`/api/channels/wechat/${id}`).send({ encodingAesKey: null }).expect(200);
    expect(plain.body.channel).toMatchObject({ mode: 'plain', secrets: { appSecret: true, token: true, encodingAesKey: false } });
    // '' also means plain mode, as when connecting (what a cleared form field sends).
    await admin.patch(`/api/channels/wechat/${id}`).send({ encodingAesKey: TEST_AES_KEY }).expect(200);
    const cleared = await admin.patch(`/api/channels/wechat/${id}`).send({ encodingAesKey: '' }).expect(200);
    expect(cleared.body.channel).toMatchObject({ mode: 'plain', secrets: { encodingAesKey: false } });
    const off = await admin.patch(`/api/channels/wechat/${id}`).send({ active: false }).expect(200);
    expect(off.body.channel.active).toBe(false);
    expect(JSON.stringify(off.body)).not.toContain('newToken99');
  });

  it('should refuse a second connection of the same AppID with 409', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    await admin.post('/api/channels/wechat').send(account).expect(201);
    const again = await admin.post('/api/channels/wechat').send({ ...account, name: '又一个' }).expect(409);
    expect(again.body.code).toBe('wechat.app_id_taken');
  });

  it('should reject bad input with a clear 400 that never echoes a secret', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const res = await admin
      .post('/api/channels/wechat')
      .send({ name: '', appId: 'gh_123', appSecret: 'not secret!', token: 'x', encodingAesKey: 'short', extra: 1 })
      .expect(400);
    expect(res.body.code).toBe('validation_failed');
    const message = res.body.message.join(' ');
    for (const field of ['name', 'appId', 'appSecret', 'token', 'encodingAesKey', 'extra']) expect(message).toContain(field);
    expect(message).not.toContain('not secret!');
    const { id } = (await admin.post('/api/channels/wechat').send(account).expect(201)).body;
    await admin.patch(`/api/channels/wechat/${id}`).send({ appId: 'wx0000000000000000' }).expect(400);
    await admin.patch(`/api/channels/wechat/${id}`).send({ active: 'no' }).expect(400);
    await admin.patch('/api/channels/wechat/00000000-0000-4000-8000-000000000000').send({ name: 'x' }).expect(404);
  });

  it('should refuse account administration to every role but admin', async () => {
    for (const email of ['lin.xiao@hearth.demo', 'wang.lei@hearth.demo', 'zhou.ting@hearth.demo']) {
      const staff = await t.signIn(email);
      expect((await staff.post('/api/channels/wechat').send(account).expect(403)).body.code).toBe('auth.forbidden');
      await staff.get('/api/channels/wechat').expect(403);
    }
    await t.http().get('/api/channels/wechat').expect(401);
  });
});
