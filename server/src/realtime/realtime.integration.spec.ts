import { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import TestAgent from 'supertest/lib/agent';
import { startTestApp, TestApp } from '../testing/test-app';
import { TimelineService } from '../timeline/timeline.service';
import type { ClientToServerEvents, ServerToClientEvents, TimelineEvent } from './contract';

type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

describe('Realtime (integration)', () => {
  let t: TestApp;
  let url: string;
  let agent: TestAgent;
  let customerId: string;
  const sockets: ClientSocket[] = [];

  beforeEach(async () => {
    t = await startTestApp();
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    agent = await t.signIn('lin.xiao@hearth.demo');
    customerId = (await agent.post('/api/customers').send({ displayName: '实时顾客' }).expect(201)).body.customer.id;
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await t.close();
  });

  async function cookieOf(email: string): Promise<string> {
    const res = await t.http().post('/api/auth/login').send({ email, password: 'hearth-demo' }).expect(200);
    return String(res.headers['set-cookie']).split(';')[0];
  }

  function connect(cookie?: string): ClientSocket {
    const socket: ClientSocket = io(url, { transports: ['websocket'], extraHeaders: cookie ? { Cookie: cookie } : {}, reconnection: false });
    sockets.push(socket);
    return socket;
  }

  const connected = (s: ClientSocket) =>
    new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });

  const nextEvent = (s: ClientSocket) => new Promise<TimelineEvent>((resolve) => s.once('timeline.event', resolve));

  it('should refuse a socket without a valid staff session', async () => {
    await expect(connected(connect())).rejects.toThrow('auth.required');
    await expect(connected(connect('hearth_session=forged'))).rejects.toThrow('auth.required');
  });

  it('should deliver a note added by one agent live to another agent watching the customer', async () => {
    const watcher = connect(await cookieOf('emma@hearth.demo'));
    await connected(watcher);
    const ack = await watcher.emitWithAck('customer.watch', { customerId });
    expect(ack).toEqual({ ok: true, missed: [], hasMore: false });
    const live = nextEvent(watcher);
    await agent.post(`/api/customers/${customerId}/notes`).send({ body: '第二个浏览器能看到我', clientId: 'live-1' }).expect(201);
    expect(await live).toMatchObject({ customerId, kind: 'note', body: '第二个浏览器能看到我' });
  });

  it('should give a reconnecting client exactly the events it missed', async () => {
    const timeline = t.app.get(TimelineService);
    const append = (n: number, occurredAt = new Date()) =>
      timeline.append({ customerId, kind: 'chat.message', channel: 'chat', author: { type: 'customer' }, body: `m${n}`, occurredAt, source: 'rt', sourceId: String(n) });
    const seen = (await append(1)).event;
    // While "disconnected": two new events, one of which happened earlier than the last one seen.
    await append(2);
    await append(3, new Date(Date.now() - 3_600_000));

    const socket = connect(await cookieOf('lin.xiao@hearth.demo'));
    await connected(socket);
    const ack = await socket.emitWithAck('customer.watch', { customerId, afterId: seen.id });
    expect(ack.ok && ack.missed.map((e) => e.body)).toEqual(['m2', 'm3']);
  });

  it('should not deliver one customer’s events to a socket watching another', async () => {
    const other = (await agent.post('/api/customers').send({ displayName: '别的顾客' }).expect(201)).body.customer.id;
    const socket = connect(await cookieOf('lin.xiao@hearth.demo'));
    await connected(socket);
    await socket.emitWithAck('customer.watch', { customerId: other });
    const received: TimelineEvent[] = [];
    socket.on('timeline.event', (e) => received.push(e));
    await agent.post(`/api/customers/${customerId}/notes`).send({ body: 'x', clientId: 'x' }).expect(201);
    await agent.post(`/api/customers/${other}/notes`).send({ body: 'y', clientId: 'y' }).expect(201);
    await new Promise((r) => setTimeout(r, 200));
    // Staff sockets are also in the desk room (the inbox sees everything); filter what the page would keep.
    expect(received.filter((e) => e.customerId === other).map((e) => e.body)).toEqual(['y']);
  });

  it('should answer bad or unknown watch requests with an error ack, not a crash', async () => {
    const socket = connect(await cookieOf('lin.xiao@hearth.demo'));
    await connected(socket);
    expect(await socket.emitWithAck('customer.watch', { customerId: 'nope' })).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await socket.emitWithAck('customer.watch', { customerId, afterId: '1; drop' })).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(await socket.emitWithAck('customer.watch', { customerId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'not_found' });
    expect(await socket.emitWithAck('customer.watch', null as never)).toMatchObject({ ok: false });
  });

  it('should drop a browser session’s sockets when it signs out', async () => {
    const cookie = await cookieOf('emma@hearth.demo');
    const socket = connect(cookie);
    await connected(socket);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    await t.http().post('/api/auth/logout').set('Cookie', cookie).expect(204);
    expect(await dropped).toBe('io server disconnect');
  });

  it('should drop the sockets of an account the moment it is disabled, and refuse it afterwards', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const cookie = await cookieOf('emma@hearth.demo');
    const socket = connect(cookie);
    await connected(socket);
    const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
    const emma = (await admin.get('/api/staff').expect(200)).body.staff.find((s: { email: string }) => s.email === 'emma@hearth.demo');
    await admin.patch(`/api/staff/${emma.id}`).send({ active: false }).expect(200);
    expect(await dropped).toBe('io server disconnect');
    await expect(connected(connect(cookie))).rejects.toThrow('auth.required');
  });

  it('should not resume a dropped socket of an account disabled meanwhile: no missed events, no rooms, no connection', async () => {
    const admin = await t.signIn('admin@hearth.demo');
    const socket: ClientSocket = io(url, {
      transports: ['websocket'],
      extraHeaders: { Cookie: await cookieOf('emma@hearth.demo') },
      reconnectionDelay: 1_000,
      reconnectionDelayMax: 1_000,
    });
    sockets.push(socket);
    await connected(socket);
    expect((await socket.emitWithAck('customer.watch', { customerId })).ok).toBe(true);
    const heard: string[] = [];
    socket.on('timeline.event', (e) => heard.push(e.body));
    // One event received first: the client then holds a position to resume from.
    const first = nextEvent(socket);
    await agent.post(`/api/customers/${customerId}/notes`).send({ body: '掉线之前的记录', clientId: 'before-drop-1' }).expect(201);
    await first;
    // The connection drops (not a disconnect the client asked for): socket.io keeps the session
    // for recovery, and the client will come back with it.
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
    socket.io.engine.close();
    await dropped;
    const emma = (await admin.get('/api/staff').expect(200)).body.staff.find((s: { email: string }) => s.email === 'emma@hearth.demo');
    await admin.patch(`/api/staff/${emma.id}`).send({ active: false }).expect(200);
    await agent.post(`/api/customers/${customerId}/notes`).send({ body: '停用之后写的记录', clientId: 'after-disable' }).expect(201);
    const refused = await new Promise<Error>((resolve) => socket.once('connect_error', resolve));
    expect(refused.message).toBe('auth.required');
    // Not even on the wire: a recovered session would have written the missed note before the
    // refusal (socket.io-client holds such packets back until a connect that never comes).
    expect((socket as unknown as { receiveBuffer: unknown[] }).receiveBuffer).toEqual([]);
    socket.disconnect();
    expect(heard).toEqual(['掉线之前的记录']);
  });

  it('should resume a dropped socket of a session still valid, with the events it missed', async () => {
    const socket: ClientSocket = io(url, {
      transports: ['websocket'],
      extraHeaders: { Cookie: await cookieOf('emma@hearth.demo') },
      reconnectionDelay: 500,
      reconnectionDelayMax: 500,
    });
    sockets.push(socket);
    await connected(socket);
    expect((await socket.emitWithAck('customer.watch', { customerId })).ok).toBe(true);
    const heard: string[] = [];
    socket.on('timeline.event', (e) => heard.push(e.body));
    const first = nextEvent(socket);
    await agent.post(`/api/customers/${customerId}/notes`).send({ body: '掉线之前的记录', clientId: 'before-drop-2' }).expect(201);
    await first;
    const dropped = new Promise((resolve) => socket.once('disconnect', resolve));
    socket.io.engine.close();
    await dropped;
    await agent.post(`/api/customers/${customerId}/notes`).send({ body: '掉线时写的记录', clientId: 'while-away' }).expect(201);
    await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
    expect(socket.recovered).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual(['掉线之前的记录', '掉线时写的记录']);
  });
});
