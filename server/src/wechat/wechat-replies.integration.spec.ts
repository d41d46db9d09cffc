import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import sharp from 'sharp';
import { DataSource } from 'typeorm';
import type { TimelineEvent, WeChatDeliveryUpdate, WeChatMessageDetails } from '../realtime/contract';
import { rawSql } from '../database/raw-sql';
import { createPostgresDatabase, StaffSocket, startTestApp, TestApp } from '../testing/test-app';
import { FakeWeChatApi } from './testing/fake-wechat-api';
import { connectChannel, signedQuery, TestChannel, textXml } from './testing/wechat-callbacks';
import { WeChatOutbox } from './wechat-outbox.service';
import { WeChatTokens } from './wechat-tokens';
import { TEST_AES_KEY, encrypted } from './testing/wechat-callbacks';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(check: () => Promise<T | undefined | false> | T | undefined | false, what: string, ms = 8000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(25);
  }
}

describe('WeChat replies through the outbox (integration)', () => {
  let fake: FakeWeChatApi;
  const apps: TestApp[] = [];

  beforeEach(async () => {
    fake = await new FakeWeChatApi().start();
  });
  afterEach(async () => {
    for (const app of apps.splice(0)) await app.close();
    await fake.stop();
  });

  async function start(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
    const t = await startTestApp({ WECHAT_API_BASE: fake.url, WECHAT_RETRY_BASE_MS: '50', ...env }, dataDir);
    apps.push(t);
    return t;
  }



  /** A follower writes in; returns their customer id. */
  let msgIds = 0;
  async function follower(t: TestApp, channel: TestChannel, openId: string, text = '你好，在吗？'): Promise<string> {
    const msgId = `${Date.now()}${String(++msgIds).padStart(4, '0')}`;
    await t.http().post(`/api/wechat/${channel.id}`).query(signedQuery(channel.token)).set('Content-Type', 'text/xml').send(textXml(openId, text, msgId)).expect(200);
    const [row] = await t.app.get(DataSource).query(`SELECT customer_id FROM identities WHERE external_id = '${openId}'`);
    return row.customer_id;
  }

  async function reply(socket: StaffSocket, customerId: string, body: string, clientId = `r-${Math.random().toString(36).slice(2, 12)}`): Promise<TimelineEvent> {
    const ack = await socket.emitWithAck('chat.send', { customerId, clientId, body });
    if (!ack.ok) throw new Error(`${ack.code}: ${ack.message}`);
    return ack.message;
  }

  async function delivery(t: TestApp, eventId: string): Promise<WeChatMessageDetails['delivery']> {
    const [row] = await t.app.get(DataSource).query(`SELECT details FROM events WHERE id = ${Number(eventId)}`);
    const details = (typeof row.details === 'string' ? JSON.parse(row.details) : row.details) as WeChatMessageDetails;
    return details.delivery;
  }

  const deliveries = (socket: StaffSocket) => {
    const seen: WeChatDeliveryUpdate[] = [];
    socket.on('wechat.delivery', (u) => seen.push(u));
    return seen;
  };

  it('should fetch a token, send the reply once, and show it delivered live and after a reload', async () => {
    const t = await start();
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oReply0000001');
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    expect((await socket.emitWithAck('customer.watch', { customerId })).ok).toBe(true);
    const seen = deliveries(socket);

    const event = await reply(socket, customerId, '您好，请问是哪款手机？', 'reply-once-1');
    expect(event).toMatchObject({ kind: 'wechat.message', channel: 'wechat', author: { type: 'staff' }, details: { msgType: 'text', openId: 'oReply0000001', delivery: { status: 'pending' } } });
    await until(() => seen.find((u) => u.eventId === event.id), 'the delivery event');
    expect(seen).toEqual([{ customerId, eventId: event.id, delivery: { status: 'sent' } }]);
    expect(fake.sent).toEqual([{ token: 'TOKEN-1', body: { touser: 'oReply0000001', msgtype: 'text', text: { content: '您好，请问是哪款手机？' } } }]);
    expect(await delivery(t, event.id)).toEqual({ status: 'sent' });

    // A resend of the same reply (same client id) is the same event, not a second message.
    const again = await reply(socket, customerId, '您好，请问是哪款手机？', 'reply-once-1');
    expect(again.id).toBe(event.id);
    await sleep(200);
    expect(fake.sent).toHaveLength(1);
    expect(fake.tokensIssued).toBe(1);

    const lin = await t.signIn('lin.xiao@hearth.demo');
    const inbox = (await lin.get('/api/inbox').query({ view: 'recent' }).expect(200)).body.items;
    expect(inbox).toContainEqual(expect.objectContaining({ customerId, channel: 'wechat', waitingSince: null, lastMessage: expect.objectContaining({ from: 'staff' }) }));
  });

  it('should refresh an expired token once and send with the new one', async () => {
    const t = await start();
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oExpire000001');
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    const first = await reply(socket, customerId, '第一条');
    await until(async () => (await delivery(t, first.id))?.status === 'sent', 'the first reply');
    fake.expireTokens();
    const second = await reply(socket, customerId, '第二条');
    await until(async () => (await delivery(t, second.id))?.status === 'sent', 'the second reply');
    expect(fake.tokensIssued).toBe(2);
    expect(fake.sent.map((s) => [s.token, s.body.text?.content])).toEqual([
      ['TOKEN-1', '第一条'],
      ['TOKEN-2', '第二条'],
    ]);
  });

  it('should mark a reply outside the 48-hour window (45015) and over quota (45047) as not delivered, with the reason, and not retry it', async () => {
    const t = await start();
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oLate00000001');
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    await socket.emitWithAck('customer.watch', { customerId });
    const seen = deliveries(socket);
    fake.sendErrors.push(45015, 45047);
    const late = await reply(socket, customerId, '抱歉回复晚了');
    const quota = await reply(socket, customerId, '再补充一句');
    await until(() => seen.length === 2, 'two delivery events');
    const name = expect.stringContaining('微信用户');
    expect(seen).toEqual([
      { customerId, eventId: late.id, delivery: { status: 'failed', reason: 'window_closed', errcode: 45015 }, customerName: name, body: '抱歉回复晚了' },
      { customerId, eventId: quota.id, delivery: { status: 'failed', reason: 'quota', errcode: 45047 }, customerName: name, body: '再补充一句' },
    ]);
    expect(await delivery(t, late.id)).toEqual({ status: 'failed', reason: 'window_closed', errcode: 45015 });
    await sleep(300);
    expect(fake.sent).toHaveLength(0);
    // Still on the timeline, as the agent wrote it.
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const page = (await lin.get(`/api/customers/${customerId}/timeline`).expect(200)).body.events as TimelineEvent[];
    expect(page.map((e) => e.body)).toEqual(expect.arrayContaining(['抱歉回复晚了', '再补充一句']));
  });

  it('should keep retrying while WeChat is down and deliver exactly once when it is back', async () => {
    await fake.stop();
    const t = await start();
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oDown00000001');
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    const event = await reply(socket, customerId, '网络恢复后请查收');
    const db = t.app.get(DataSource);
    await until(async () => Number((await db.query(`SELECT attempts FROM wechat_outbox WHERE event_id = ${Number(event.id)}`))[0].attempts) >= 2, 'two failed attempts');
    expect(await delivery(t, event.id)).toEqual({ status: 'pending' });
    await fake.start();
    await until(async () => (await delivery(t, event.id))?.status === 'sent', 'delivery after WeChat came back');
    await sleep(400);
    expect(fake.sent.map((s) => s.body.text?.content)).toEqual(['网络恢复后请查收']);
  });

  it('should deliver a reply queued before a restart, once, after the restart', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-wechat-restart-'));
    const pg = process.env.DATABASE_URL ? await createPostgresDatabase(process.env.DATABASE_URL) : undefined;
    const env: Record<string, string> = pg ? { DATABASE_URL: pg.url } : {};
    try {
      await fake.stop();
      const first = await start(env, dir);
      const channel = await connectChannel(await first.signIn('admin@hearth.demo'));
      const customerId = await follower(first, channel, 'oRestart00001');
      const event = await reply(await first.staffSocket('lin.xiao@hearth.demo'), customerId, '重启也不会丢');
      const db = first.app.get(DataSource);
      await until(async () => Number((await db.query(`SELECT attempts FROM wechat_outbox WHERE event_id = ${Number(event.id)}`))[0].attempts) >= 1, 'a failed attempt');
      await apps.splice(0)[0].close();

      await fake.start();
      const second = await start(env, dir);
      await until(async () => (await delivery(second, event.id))?.status === 'sent', 'delivery after the restart');
      await sleep(300);
      expect(fake.sent.map((s) => s.body)).toEqual([{ touser: 'oRestart00001', msgtype: 'text', text: { content: '重启也不会丢' } }]);
    } finally {
      for (const app of apps.splice(0)) await app.close();
      await pg?.drop();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('should not resend a reply a stopped server was in the middle of sending, and say it is uncertain', async () => {
    const t = await start({ WECHAT_RETRY_BASE_MS: '60000' });
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oCrash0000001');
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    fake.sendErrors.push(-1); // busy: the first attempt is retried later
    const event = await reply(socket, customerId, '发送途中断电');
    const db = t.app.get(DataSource);
    await until(async () => (await db.query(`SELECT status FROM wechat_outbox WHERE event_id = ${Number(event.id)} AND attempts = 1`))[0]?.status === 'pending', 'a retry scheduled');
    // As a crash between WeChat's answer and our update leaves it: claimed long ago, never marked.
    await rawSql(db, `UPDATE wechat_outbox SET status = 'sending', claimed_at = $1 WHERE event_id = $2`, [new Date(Date.now() - 10 * 60_000), Number(event.id)]);
    t.app.get(WeChatOutbox).kick();
    await until(async () => (await delivery(t, event.id))?.status === 'failed', 'the uncertain mark');
    expect(await delivery(t, event.id)).toEqual({ status: 'failed', reason: 'uncertain' });
    await sleep(200);
    expect(fake.sent).toHaveLength(0);
  });

  it('should refuse an image reply to WeChat with a clear reason and store nothing', async () => {
    const t = await start();
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oImage0000001');
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#07c160' } }).png().toBuffer();
    const image = (await lin.post('/api/chat/images').attach('file', png, 'a.png').expect(201)).body;
    const ack = await socket.emitWithAck('chat.send', { customerId, clientId: 'image-to-wechat', imageId: image.id });
    expect(ack).toMatchObject({ ok: false, code: 'wechat.image_unsupported' });
    expect(Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM wechat_outbox'))[0].n)).toBe(0);
  });
  async function outboxRow(t: TestApp, eventId: string): Promise<{ status: string; attempts: number; last_error: string | null }> {
    const [row] = await rawSql<{ status: string; attempts: number; last_error: string | null }[]>(
      t.app.get(DataSource),
      'SELECT status, attempts, last_error FROM wechat_outbox WHERE event_id = $1',
      [Number(eventId)],
    );
    return { ...row, attempts: Number(row.attempts) };
  }

  it('should re-send the updated reply as a timeline event, which a reconnecting desk also reads again', async () => {
    const t = await start();
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oRepub0000001');
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    await socket.emitWithAck('customer.watch', { customerId });
    const events: TimelineEvent[] = [];
    socket.on('timeline.event', (e) => events.push(e));
    const event = await reply(socket, customerId, '已经帮您登记了');
    const updated = await until(() => events.find((e) => e.id === event.id && (e.details as WeChatMessageDetails).delivery?.status === 'sent'), 'the updated event');
    expect(updated).toMatchObject({ customerId, body: '已经帮您登记了', author: { type: 'staff' } });
  });

  it('should not bring back a reply another worker gave up as uncertain while a slow holder still had it', async () => {
    const t = await start({ WECHAT_RETRY_BASE_MS: '50' });
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oSlow00000001');
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    const db = t.app.get(DataSource);
    const outbox = t.app.get(WeChatOutbox);
    // The first send gets "busy" (to be retried), but only after a long while.
    fake.sendErrors.push(-1);
    fake.sendDelayMs = 1500;
    const event = await reply(socket, customerId, '慢慢来');
    await until(async () => (await outboxRow(t, event.id)).status === 'sending', 'the row held');
    // Meanwhile (as another instance would, seeing an old claim) it is given up as uncertain.
    await rawSql(db, 'UPDATE wechat_outbox SET claimed_at = $1 WHERE event_id = $2', [new Date(Date.now() - 10 * 60_000), Number(event.id)]);
    await (outbox as unknown as { giveUpStale(): Promise<void> }).giveUpStale();
    expect(await delivery(t, event.id)).toEqual({ status: 'failed', reason: 'uncertain' });
    fake.sendDelayMs = 0;
    // The holder's "busy, retry" answer arrives: the row must stay given up, and nothing is sent again.
    await sleep(2500);
    expect(await outboxRow(t, event.id)).toMatchObject({ status: 'failed', attempts: 1 });
    expect(await delivery(t, event.id)).toEqual({ status: 'failed', reason: 'uncertain' });
    expect(fake.sent).toHaveLength(0);
  });

  it.each(['hang', 'drop', 'html502'] as const)(
    'should not resend a reply WeChat took but did not answer (%s), and mark it uncertain for the agent',
    async (mishap) => {
      const t = await start({ WECHAT_API_TIMEOUT_MS: '400' });
      const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
      const customerId = await follower(t, channel, `oMishap${mishap.padEnd(6, '0')}`);
      const socket = await t.staffSocket('lin.xiao@hearth.demo');
      fake.sendMishaps.push(mishap);
      const event = await reply(socket, customerId, '这条可能已经到了');
      await until(async () => (await delivery(t, event.id))?.status === 'failed', 'the uncertain mark');
      expect(await delivery(t, event.id)).toEqual({ status: 'failed', reason: 'uncertain' });
      await sleep(500);
      // WeChat got it once; it was never sent again.
      expect(fake.sent.map((s) => s.body.text?.content)).toEqual(['这条可能已经到了']);
      expect(await outboxRow(t, event.id)).toMatchObject({ status: 'failed', attempts: 1 });
    },
  );

  it('should retry (not give up) when something inside Hearth fails during an attempt, and go on with the batch', async () => {
    const t = await start();
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oInternal0001');
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    const tokens = t.app.get(WeChatTokens);
    const real = tokens.get.bind(tokens);
    let failures = 0;
    jest.spyOn(tokens, 'get').mockImplementation(async (id: string) => {
      if (failures++ === 0) throw new Error('database is locked');
      return real(id);
    });
    const first = await reply(socket, customerId, '第一条');
    const second = await reply(socket, customerId, '第二条');
    await until(async () => (await delivery(t, first.id))?.status === 'sent' && (await delivery(t, second.id))?.status === 'sent', 'both replies');
    expect((await outboxRow(t, first.id)).attempts).toBe(2);
    expect(fake.sent.map((s) => s.body.text?.content).sort()).toEqual(['第一条', '第二条'].sort());
  });

  it('should survive a failing schedule query: no unhandled rejection, and the timer is armed again', async () => {
    const t = await start();
    const outbox = t.app.get(WeChatOutbox);
    const db = t.app.get(DataSource);
    await sleep(200);
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    try {
      const query = db.query.bind(db);
      let failed = 0;
      jest.spyOn(db, 'query').mockImplementation(((sql: string, params?: unknown[]) => {
        if (failed === 0 && sql.includes('MIN(next_attempt_at)')) {
          failed++;
          return Promise.reject(new Error('connection terminated'));
        }
        return query(sql, params);
      }) as typeof db.query);
      const kicks = jest.spyOn(outbox, 'kick');
      outbox.kick();
      await until(() => failed === 1, 'the failing query');
      // Nobody calls kick(): only the re-armed timer can.
      await until(() => kicks.mock.calls.length >= 2, 'the next run from the timer', 9000);
      await sleep(50);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  }, 15000);

  it("should reply to the OpenID of a merged customer's latest WeChat message, not to the newest identity", async () => {
    const t = await start();
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const older = await follower(t, channel, 'oMergeOld0001', '旧号');
    const newer = await follower(t, channel, 'oMergeNew0001', '新号');
    const lin = await t.signIn('lin.xiao@hearth.demo');
    await lin.post(`/api/customers/${older}/merge`).send({ fromCustomerId: newer }).expect(201);
    // The person writes from their first OpenID again: the reply must go there.
    await follower(t, channel, 'oMergeOld0001', '我用回旧号了');
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    const event = await reply(socket, older, '收到');
    await until(async () => (await delivery(t, event.id))?.status === 'sent', 'the reply');
    expect(fake.sent.map((s) => s.body.touser)).toEqual(['oMergeOld0001']);
    expect((event.details as WeChatMessageDetails).openId).toBe('oMergeOld0001');
    // And after they write from the other one, there.
    await follower(t, channel, 'oMergeNew0001', '又换回来');
    const second = await reply(socket, older, '好的');
    await until(async () => (await delivery(t, second.id))?.status === 'sent', 'the second reply');
    expect(fake.sent.map((s) => s.body.touser)).toEqual(['oMergeOld0001', 'oMergeNew0001']);
  });

  it("should keep a waiting WeChat customer's conversation when a store asks for a follow-up", async () => {
    const t = await start();
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oStoreWait001', '我的订单到哪了？');
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const before = (await lin.get('/api/inbox').expect(200)).body.items.find((i: { customerId: string }) => i.customerId === customerId);
    expect(before).toMatchObject({ channel: 'wechat', waitingSince: expect.any(String) });
    const wang = await t.signIn('wang.lei@hearth.demo');
    await wang
      .post('/api/visits')
      .send({ clientId: 'visit-wechat-wait', customerId, reasons: ['repair'], reasonText: '来店咨询', outcome: 'follow_up', followUpNote: '请回电' })
      .expect(201);
    const after = (await lin.get('/api/inbox').expect(200)).body.items.find((i: { customerId: string }) => i.customerId === customerId);
    // Still the unanswered WeChat message (so 已跟进 on a store row cannot drop it).
    expect(after).toMatchObject({ channel: 'wechat', waitingSince: before.waitingSince, lastMessage: expect.objectContaining({ from: 'customer' }) });
  });

  it('should put the person back as waiting and tell the author, wherever they are, when a reply finally fails', async () => {
    const t = await start();
    const channel = await connectChannel(await t.signIn('admin@hearth.demo'));
    const customerId = await follower(t, channel, 'oFailWait0001', '能今天修好吗？');
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const waitingBefore = (await lin.get('/api/inbox').expect(200)).body.items.find((i: { customerId: string }) => i.customerId === customerId).waitingSince;
    // The author's other tab, on another page: not watching this customer.
    const elsewhere = await t.staffSocket('lin.xiao@hearth.demo');
    const notices = deliveries(elsewhere);
    const colleague = deliveries(await t.staffSocket('chen.siyuan@hearth.demo'));
    const socket = await t.staffSocket('lin.xiao@hearth.demo');
    fake.sendErrors.push(45015);
    // WeChat answers after a moment, so the wait is seen ended before the failure brings it back.
    fake.sendDelayMs = 500;
    const event = await reply(socket, customerId, '可以的');
    // Queuing the reply ended the wait...
    expect((await lin.get('/api/inbox').query({ view: 'recent' }).expect(200)).body.items.map((i: { customerId: string }) => i.customerId)).toContain(customerId);
    // ...its failure brings it back, since the customer's message.
    const notice = await until(() => notices.find((u) => u.eventId === event.id), 'the notice to the author');
    expect(notice).toMatchObject({ customerId, delivery: { status: 'failed', reason: 'window_closed' }, customerName: '微信用户 0001', body: '可以的' });
    const waiting = await until(
      async () => (await lin.get('/api/inbox').expect(200)).body.items.find((i: { customerId: string; waitingSince: string | null }) => i.customerId === customerId && i.waitingSince),
      'the person waiting again',
    );
    expect(waiting.waitingSince).toBe(waitingBefore);
    // Colleagues not on the customer hear nothing (the inbox shows them the wait).
    expect(colleague).toEqual([]);
  });

  it('should never write secrets (AppSecret, Token, EncodingAESKey, access token) or message text to the logs', async () => {
    const lines: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation(((chunk: string | Uint8Array, ...rest: unknown[]) => {
      lines.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return typeof rest.at(-1) === 'function' ? ((rest.at(-1) as () => void)(), true) : true;
    }) as typeof process.stdout.write);
    try {
      const secret = 'S3cretAppSecretQ7';
      fake.secret = secret;
      const t = await start({ LOG_LEVEL: 'trace' });
      const admin = await t.signIn('admin@hearth.demo');
      const token = 'T0kenSecretZ9';
      const aesKey = TEST_AES_KEY;
      const appId = 'wx11112222333344ab';
      const created = await admin.post('/api/channels/wechat').send({ name: '日志测试', appId, appSecret: secret, token, encodingAesKey: aesKey }).expect(201);
      const channel: TestChannel = { id: created.body.id, appId, token, encodingAesKey: aesKey };
      await admin.patch(`/api/channels/wechat/${channel.id}`).send({ appSecret: secret, token, encodingAesKey: aesKey }).expect(200);
      // A good encrypted message, a bad signature, bad XML: none may leave their text in the log.
      const good = encrypted(channel, textXml('oLogs00000001', 'PRIVATE-MESSAGE-TEXT', '4242'));
      await t.http().post(`/api/wechat/${channel.id}`).query(good.query).set('Content-Type', 'text/xml').send(good.body).expect(200);
      await t.http().post(`/api/wechat/${channel.id}`).query({ ...good.query, msg_signature: 'f'.repeat(40) }).set('Content-Type', 'text/xml').send(good.body).expect(401);
      const deep = encrypted(channel, `<xml>${'<a>'.repeat(120)}PRIVATE-DEEP-TEXT${'</a>'.repeat(120)}</xml>`);
      await t.http().post(`/api/wechat/${channel.id}`).query(deep.query).set('Content-Type', 'text/xml').send(deep.body).expect(400);
      const [row] = await t.app.get(DataSource).query(`SELECT customer_id FROM identities WHERE external_id = 'oLogs00000001'`);
      const socket = await t.staffSocket('lin.xiao@hearth.demo');
      fake.sendErrors.push(45015);
      const failed = await reply(socket, row.customer_id, 'PRIVATE-REPLY-ONE');
      await until(async () => (await delivery(t, failed.id))?.status === 'failed', 'the failed reply');
      const sent = await reply(socket, row.customer_id, 'PRIVATE-REPLY-TWO');
      await until(async () => (await delivery(t, sent.id))?.status === 'sent', 'the sent reply');
      const log = lines.join('');
      expect(log).toContain('WeChat account connected');
      expect(log).toContain('WeChat callback with a bad msg_signature');
      expect(log).toContain(channel.id);
      for (const hidden of [secret, token, aesKey, 'TOKEN-1', good.body.slice(40, 80), 'PRIVATE-']) expect([hidden, log.includes(hidden)]).toEqual([hidden, false]);
    } finally {
      spy.mockRestore();
    }
  });

  (process.env.DATABASE_URL ? it : it.skip)('should send each reply once when two instances drain one outbox at once (PostgreSQL), with one token', async () => {
    const pg = await createPostgresDatabase(process.env.DATABASE_URL!);
    try {
      fake.sendDelayMs = 30;
      const first = await start({ DATABASE_URL: pg.url });
      const channel = await connectChannel(await first.signIn('admin@hearth.demo'));
      const customerId = await follower(first, channel, 'oTwoWorkers01');
      const second = await start({ DATABASE_URL: pg.url, SEED_DEMO: 'false' });
      // Queue twenty replies on the first without waking its worker, then wake both at once.
      const firstOutbox = first.app.get(WeChatOutbox);
      const kick = jest.spyOn(firstOutbox, 'kick').mockImplementation(() => undefined);
      const socket = await first.staffSocket('lin.xiao@hearth.demo');
      const ids: string[] = [];
      for (let i = 0; i < 20; i++) ids.push((await reply(socket, customerId, `第 ${i} 条`)).id);
      kick.mockRestore();
      firstOutbox.kick();
      second.app.get(WeChatOutbox).kick();
      await until(async () => {
        const rows = await first.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM wechat_outbox WHERE status = 'sent'`);
        return Number(rows[0].n) === 20;
      }, 'all twenty sent', 20000);
      await sleep(300);
      const contents = fake.sent.map((s) => s.body.text?.content);
      expect(contents).toHaveLength(20);
      expect(new Set(contents).size).toBe(20);
      expect(fake.tokensIssued).toBe(1);
    } finally {
      for (const app of apps.splice(0)) await app.close();
      await pg.drop();
    }
  }, 40000);
});
