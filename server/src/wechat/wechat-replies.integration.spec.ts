import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { io, Socket } from 'socket.io-client';
import { DataSource } from 'typeorm';
import type { ClientToServerEvents, ServerToClientEvents, TimelineEvent, WeChatDeliveryUpdate, WeChatMessageDetails } from '../realtime/contract';
import { rawSql } from '../database/raw-sql';
import { createPostgresDatabase, startTestApp, TestApp } from '../testing/test-app';
import { FakeWeChatApi } from './testing/fake-wechat-api';
import { connectChannel, signedQuery, TestChannel, textXml } from './testing/wechat-callbacks';
import { WeChatOutbox } from './wechat-outbox.service';

type StaffSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

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
  const sockets: StaffSocket[] = [];

  beforeEach(async () => {
    fake = await new FakeWeChatApi().start();
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    for (const app of apps.splice(0)) await app.close();
    await fake.stop();
  });

  async function start(env: Record<string, string> = {}, dataDir?: string): Promise<TestApp> {
    const t = await startTestApp({ WECHAT_API_BASE: fake.url, WECHAT_RETRY_BASE_MS: '50', ...env }, dataDir);
    apps.push(t);
    return t;
  }

  async function staffSocket(t: TestApp): Promise<StaffSocket> {
    if (!t.app.getHttpServer().listening) await t.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    const res = await t.http().post('/api/auth/login').send({ email: 'lin.xiao@hearth.demo', password: 'hearth-demo' }).expect(200);
    const s: StaffSocket = io(url, { transports: ['websocket'], extraHeaders: { Cookie: String(res.headers['set-cookie']).split(';')[0] }, reconnection: false, forceNew: true });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  }

  /** A follower writes in; returns their customer id. */
  async function follower(t: TestApp, channel: TestChannel, openId: string): Promise<string> {
    await t.http().post(`/api/wechat/${channel.id}`).query(signedQuery(channel.token)).set('Content-Type', 'text/xml').send(textXml(openId, '你好，在吗？', String(Date.now()))).expect(200);
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
    const socket = await staffSocket(t);
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
    const socket = await staffSocket(t);
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
    const socket = await staffSocket(t);
    await socket.emitWithAck('customer.watch', { customerId });
    const seen = deliveries(socket);
    fake.sendErrors.push(45015, 45047);
    const late = await reply(socket, customerId, '抱歉回复晚了');
    const quota = await reply(socket, customerId, '再补充一句');
    await until(() => seen.length === 2, 'two delivery events');
    expect(seen).toEqual([
      { customerId, eventId: late.id, delivery: { status: 'failed', reason: 'window_closed', errcode: 45015 } },
      { customerId, eventId: quota.id, delivery: { status: 'failed', reason: 'quota', errcode: 45047 } },
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
    const socket = await staffSocket(t);
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
      const event = await reply(await staffSocket(first), customerId, '重启也不会丢');
      const db = first.app.get(DataSource);
      await until(async () => Number((await db.query(`SELECT attempts FROM wechat_outbox WHERE event_id = ${Number(event.id)}`))[0].attempts) >= 1, 'a failed attempt');
      sockets.splice(0).forEach((s) => s.disconnect());
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
    const socket = await staffSocket(t);
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
    const socket = await staffSocket(t);
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#07c160' } }).png().toBuffer();
    const image = (await lin.post('/api/chat/images').attach('file', png, 'a.png').expect(201)).body;
    const ack = await socket.emitWithAck('chat.send', { customerId, clientId: 'image-to-wechat', imageId: image.id });
    expect(ack).toMatchObject({ ok: false, code: 'wechat.image_unsupported' });
    expect(Number((await t.app.get(DataSource).query('SELECT COUNT(*) AS n FROM wechat_outbox'))[0].n)).toBe(0);
  });
});
