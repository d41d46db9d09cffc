import { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import TestAgent from 'supertest/lib/agent';
import type {
  ChatMessage,
  ClientToServerEvents,
  InboxItem,
  ServerToClientEvents,
  TimelineEvent,
  VisitorClientToServerEvents,
  VisitorServerToClientEvents,
} from '../realtime/contract';
import { startTestApp, TestApp } from '../testing/test-app';

type StaffSocket = Socket<ServerToClientEvents, ClientToServerEvents>;
type VisitorSocket = Socket<VisitorServerToClientEvents, VisitorClientToServerEvents>;

// Typed sockets only accept their own event names; these helpers listen to any.
const untyped = (s: StaffSocket | VisitorSocket) => s as unknown as Socket;

const once = <T>(typed: StaffSocket | VisitorSocket, event: string, ms = 3000) =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${event} within ${ms} ms`)), ms);
    untyped(typed).once(event, (v: T) => {
      clearTimeout(timer);
      resolve(v);
    });
  });

/** Waits for the first `event` payload matching `pred`. */
const waitFor = <T>(typed: StaffSocket | VisitorSocket, event: string, pred: (v: T) => boolean, ms = 3000) =>
  new Promise<T>((resolve, reject) => {
    const s = untyped(typed);
    const handler = (v: T) => {
      if (!pred(v)) return;
      clearTimeout(timer);
      s.off(event, handler);
      resolve(v);
    };
    const timer = setTimeout(() => {
      s.off(event, handler);
      reject(new Error(`no matching ${event} within ${ms} ms`));
    }, ms);
    s.on(event, handler);
  });

describe('Web chat (integration)', () => {
  let t: TestApp;
  let url: string;
  const sockets: { disconnect: () => unknown }[] = [];

  beforeEach(async () => {
    t = await startTestApp({ LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent' });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    sockets.splice(0).forEach((s) => s.disconnect());
    await t.close();
  });

  async function newVisitor(): Promise<{ token: string; visitorId: string }> {
    return (await t.http().post('/api/chat/visitor').send({}).expect(201)).body;
  }

  async function visitorSocket(token: string): Promise<VisitorSocket> {
    const s: VisitorSocket = io(`${url}/visitor`, { transports: ['websocket'], auth: { token }, reconnection: false, forceNew: true });
    sockets.push(s);
    await new Promise<void>((resolve, reject) => {
      s.once('connect', () => resolve());
      s.once('connect_error', reject);
    });
    return s;
  }

  const staffSocket = (email = 'lin.xiao@hearth.demo'): Promise<StaffSocket> => t.staffSocket(email);


  async function visitorSays(v: VisitorSocket, body: string, clientId = `c-${Math.random().toString(36).slice(2, 12)}`): Promise<ChatMessage> {
    const ack = await v.emitWithAck('chat.send', { clientId, body });
    if (!ack.ok) throw new Error(`${ack.code}: ${ack.message}`);
    return ack.message;
  }

  async function customerOf(agent: TestAgent, message: ChatMessage): Promise<string> {
    const inbox = (await agent.get('/api/inbox').expect(200)).body.items as InboxItem[];
    const item = inbox.find((i) => i.lastMessage.id === message.id || i.lastCustomerMessageId === message.id);
    if (!item) throw new Error('conversation not in the inbox');
    return item.customerId;
  }

  it('should carry a round trip: visitor → desk live, agent reply → visitor live with the staff name', async () => {
    const agentSocket = await staffSocket();
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const visitor = await visitorSocket((await newVisitor()).token);

    // The desk hears of a new conversation through the inbox, then follows the customer live.
    const inboxChanged = once<Omit<InboxItem, 'readUpTo'>>(agentSocket, 'inbox.changed');
    const first = await visitorSays(visitor, '你好');
    const item = await inboxChanged;
    expect(item).toMatchObject({ waitingSince: expect.any(String), lastMessage: { id: first.id, from: 'customer', body: '你好' } });
    await agentSocket.emitWithAck('customer.watch', { customerId: item.customerId });
    const onDesk = waitFor<TimelineEvent>(agentSocket, 'timeline.event', (e) => e.kind === 'chat.message');
    const sent = await visitorSays(visitor, '我的屏幕碎了 📱');
    expect(sent).toMatchObject({ from: 'customer', body: '我的屏幕碎了 📱', staffName: null });
    const event = await onDesk;
    expect(event).toMatchObject({ kind: 'chat.message', channel: 'chat', author: { type: 'customer' }, body: '我的屏幕碎了 📱', id: sent.id, customerId: item.customerId });

    const reply = once<ChatMessage>(visitor, 'chat.message');
    const ack = await agentSocket.emitWithAck('chat.send', { customerId: event.customerId, clientId: 'reply-0001', body: '您好，我来帮您看看' });
    expect(ack).toMatchObject({ ok: true, message: { author: { type: 'staff', name: '林晓' }, body: '您好，我来帮您看看' } });
    expect(await reply).toMatchObject({ from: 'staff', staffName: '林晓', body: '您好，我来帮您看看', clientId: 'reply-0001' });

    const history = await visitor.emitWithAck('chat.history', {});
    expect(history.ok && history.messages.map((m) => m.body)).toEqual(['您好，我来帮您看看', '我的屏幕碎了 📱', '你好']);
    const timeline = (await agent.get(`/api/customers/${event.customerId}/timeline`).expect(200)).body.events as TimelineEvent[];
    expect(timeline.filter((e) => e.kind === 'chat.message')).toHaveLength(3);
  });

  it('should store exactly one message when a visitor retries the same client id after reconnecting', async () => {
    const { token } = await newVisitor();
    const first = await visitorSocket(token);
    const a = await visitorSays(first, '断网前发的', 'retry-same-id');
    first.disconnect();
    const again = await visitorSocket(token);
    const b = await visitorSays(again, '断网前发的', 'retry-same-id');
    const c = await visitorSays(again, '断网前发的', 'retry-same-id');
    expect(b.id).toBe(a.id);
    expect(c.id).toBe(a.id);
    const history = await again.emitWithAck('chat.history', {});
    expect(history.ok && history.messages).toHaveLength(1);
  });

  it('should pass typing both ways and the customer read receipt to the desk', async () => {
    const agentSocket = await staffSocket();
    const visitor = await visitorSocket((await newVisitor()).token);
    const first = await visitorSays(visitor, '在吗');
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const customerId = await customerOf(agent, first);
    await agentSocket.emitWithAck('customer.watch', { customerId });

    const customerTyping = once(agentSocket, 'chat.typing');
    visitor.emit('chat.typing', { typing: true });
    expect(await customerTyping).toEqual({ customerId, by: { type: 'customer' }, typing: true });

    const staffTyping = once(visitor, 'chat.typing');
    agentSocket.emit('chat.typing', { customerId, typing: true });
    expect(await staffTyping).toEqual({ typing: true, name: '林晓' });

    const ack = await agentSocket.emitWithAck('chat.send', { customerId, clientId: 'answer-001', body: '在的' });
    if (!ack.ok) throw new Error(ack.message);
    const delivered = once(agentSocket, 'chat.read');
    await visitor.emitWithAck('chat.read', { upToId: ack.message.id, read: false });
    expect(await delivered).toEqual({ customerId, deliveredUpTo: ack.message.id, readUpTo: '0' });
    const read = once(agentSocket, 'chat.read');
    await visitor.emitWithAck('chat.read', { upToId: ack.message.id, read: true });
    expect(await read).toEqual({ customerId, deliveredUpTo: ack.message.id, readUpTo: ack.message.id });
    // A late "delivered" never lowers what was read.
    await visitor.emitWithAck('chat.read', { upToId: first.id, read: false });
    const state = (await agent.get(`/api/customers/${customerId}/conversation`).expect(200)).body;
    expect(state).toMatchObject({ replyChannel: 'chat', readUpTo: ack.message.id, visitorOnline: true, waitingSince: null });
  });

  it('should keep visitors apart: no other chat, no staff rooms, no forged tokens', async () => {
    const agentSocket = await staffSocket();
    const alice = await visitorSocket((await newVisitor()).token);
    const bob = await visitorSocket((await newVisitor()).token);
    const bobHeard: [string, unknown][] = [];
    bob.onAny((event, payload) => bobHeard.push([event, payload]));

    const aliceMsg = await visitorSays(alice, '这是我的订单号 A123');
    const agent = await t.signIn('lin.xiao@hearth.demo');
    const aliceCustomer = await customerOf(agent, aliceMsg);
    await agentSocket.emitWithAck('chat.send', { customerId: aliceCustomer, clientId: 'to-alice-1', body: '收到' });
    await agent.post(`/api/customers/${aliceCustomer}/notes`).send({ body: '内部备注', clientId: 'note-1' }).expect(201);

    const bobHistory = await bob.emitWithAck('chat.history', {});
    expect(bobHistory).toEqual({ ok: true, messages: [], nextCursor: null });
    // Staff events on the visitor namespace have no handler: no answer, no room joined.
    await expect(untyped(bob).timeout(300).emitWithAck('customer.watch', { customerId: aliceCustomer })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 200));
    expect(bobHeard.filter(([event]) => event !== 'presence')).toEqual([]);

    // Alice's own history has the reply but never the internal note.
    const aliceHistory = await alice.emitWithAck('chat.history', {});
    expect(aliceHistory.ok && aliceHistory.messages.map((m) => m.body)).toEqual(['收到', '这是我的订单号 A123']);

    // A visitor token is not a staff session, and a forged token is refused.
    const asStaff = io(url, { transports: ['websocket'], auth: { token: 'x' }, reconnection: false, forceNew: true });
    sockets.push(asStaff);
    await expect(once(asStaff, 'connect_error')).resolves.toMatchObject({ message: 'auth.required' });
    const { token } = await newVisitor();
    const forged = io(`${url}/visitor`, { transports: ['websocket'], auth: { token: token.slice(0, -2) + 'xx' }, reconnection: false, forceNew: true });
    sockets.push(forged);
    await expect(once(forged, 'connect_error')).resolves.toMatchObject({ message: 'visitor.invalid_token' });
  });

  it('should list waiting conversations oldest first, clear on reply, and keep unread per person', async () => {
    const agentSocket = await staffSocket();
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const emma = await t.signIn('emma@hearth.demo');
    const v1 = await visitorSocket((await newVisitor()).token);
    const v2 = await visitorSocket((await newVisitor()).token);
    const m1 = await visitorSays(v1, '第一位');
    const m2 = await visitorSays(v2, '第二位');
    const c1 = await customerOf(lin, m1);
    const c2 = await customerOf(lin, m2);

    const ours = (items: InboxItem[]) => items.filter((i) => i.customerId === c1 || i.customerId === c2);
    let waiting = ours((await lin.get('/api/inbox?view=waiting').expect(200)).body.items);
    expect(waiting.map((i) => i.customerId)).toEqual([c1, c2]);
    expect(waiting[0]).toMatchObject({ readUpTo: '0', lastCustomerMessageId: m1.id });

    await agentSocket.emitWithAck('inbox.read', { customerId: c1, upToId: m1.id });
    waiting = ours((await lin.get('/api/inbox').expect(200)).body.items);
    expect(waiting[0].readUpTo).toBe(m1.id);
    expect(ours((await emma.get('/api/inbox').expect(200)).body.items)[0].readUpTo).toBe('0');

    const answer = await agentSocket.emitWithAck('chat.send', { customerId: c1, clientId: 'answer-c1', body: '您好' });
    if (!answer.ok) throw new Error(answer.message);
    waiting = ours((await lin.get('/api/inbox?view=waiting').expect(200)).body.items);
    expect(waiting.map((i) => i.customerId)).toEqual([c2]);
    const recent = (await lin.get('/api/inbox?view=recent').expect(200)).body.items as InboxItem[];
    // Whoever answered has read up to their answer.
    expect(recent[0]).toMatchObject({ customerId: c1, readUpTo: answer.message.id });

    // The same client id in another conversation is another message, not the first one again.
    const again = await agentSocket.emitWithAck('chat.send', { customerId: c2, clientId: 'answer-c1', body: '您好' });
    expect(again.ok && again.message.customerId).toBe(c2);
    expect(again.ok && again.message.id).not.toBe(answer.message.id);

    // Paging one at a time gives the same order as one page, without repeats or gaps.
    const all = ((await lin.get('/api/inbox?view=waiting').expect(200)).body.items as InboxItem[]).map((i) => i.customerId);
    const paged: string[] = [];
    for (let cursor = ''; ; ) {
      const page = (await lin.get(`/api/inbox?view=waiting&limit=1${cursor ? `&cursor=${cursor}` : ''}`).expect(200)).body;
      paged.push(...page.items.map((i: InboxItem) => i.customerId));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(paged).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
    await lin.get('/api/inbox?view=sideways').expect(400);
    await lin.get('/api/inbox?cursor=bm9wZQ').expect(400);
    await t.http().get('/api/inbox').expect(401);
  });

  it('should turn a phone that belongs to someone else into a suggestion, never a link', async () => {
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const known = (await lin.post('/api/customers').send({ displayName: '老顾客', phone: '13800138000' }).expect(201)).body.customer.id;
    await lin.post(`/api/customers/${known}/notes`).send({ body: '老顾客的私事', clientId: 'known-note' }).expect(201);

    const v = await visitorSocket((await newVisitor()).token);
    const ack = await v.emitWithAck('visitor.profile', { name: '冒充者', phone: '138 0013 8000' });
    expect(ack).toEqual({ ok: true, name: '冒充者', phone: '+8613800138000' });
    // Saving one field answers with what is stored for both.
    expect(await v.emitWithAck('visitor.profile', { phone: '13800138000' })).toEqual({ ok: true, name: '冒充者', phone: '+8613800138000' });
    const bad = await v.emitWithAck('visitor.profile', { phone: '12' });
    expect(bad).toMatchObject({ ok: false, code: 'customer.invalid_phone' });

    const history = await v.emitWithAck('chat.history', {});
    expect(history).toEqual({ ok: true, messages: [], nextCursor: null });
    const msg = await visitorSays(v, '我之前买过');
    const visitorCustomer = await customerOf(lin, msg);
    expect(visitorCustomer).not.toBe(known);
    const inbox = (await lin.get('/api/inbox').expect(200)).body.items as InboxItem[];
    expect(inbox.find((i) => i.customerId === visitorCustomer)).toMatchObject({ displayName: '冒充者', suggestedCustomer: { id: known, displayName: '老顾客' } });
    const events = (await lin.get(`/api/customers/${visitorCustomer}/timeline`).expect(200)).body.events as TimelineEvent[];
    expect(events.find((e) => e.kind === 'customer.link_suggested')).toMatchObject({ internal: true, details: { suggestedCustomerId: known } });
    // The known customer's phone is untouched and the visitor's record did not take it.
    expect((await lin.get(`/api/customers/${visitorCustomer}`).expect(200)).body.customer.phone).toBeNull();

    // Staff check and merge: the visitor's chat follows into the known customer, live.
    const next = once<ChatMessage>(v, 'chat.message');
    await lin.post(`/api/customers/${known}/merge`).send({ fromCustomerId: visitorCustomer }).expect(201);
    const agentSocket = await staffSocket();
    await agentSocket.emitWithAck('chat.send', { customerId: known, clientId: 'after-merge', body: '找到您的记录了' });
    expect(await next).toMatchObject({ body: '找到您的记录了' });
    // Now the visitor's chat lives on the known customer's record, which is not theirs to rename.
    await v.emitWithAck('visitor.profile', { name: '改个名字', phone: '13912345678' });
    expect((await lin.get(`/api/customers/${known}`).expect(200)).body.customer).toMatchObject({ displayName: '老顾客', phone: '+8613800138000' });
    const notes = (await lin.get(`/api/customers/${known}/timeline?kinds=note`).expect(200)).body.events as TimelineEvent[];
    expect(notes.find((e) => e.source === 'chat.profile')).toMatchObject({ internal: true, details: { phone: '+8613912345678' } });
    const inboxAfter = [...(await lin.get('/api/inbox?view=waiting').expect(200)).body.items, ...(await lin.get('/api/inbox?view=recent').expect(200)).body.items] as InboxItem[];
    expect(inboxAfter.map((i) => i.customerId)).toContain(known);
    expect(inboxAfter.map((i) => i.customerId)).not.toContain(visitorCustomer);
  });

  it('should answer bad payloads with a clear validation ack and store nothing', async () => {
    const agentSocket = await staffSocket();
    const v = await visitorSocket((await newVisitor()).token);
    const cases: [unknown, string][] = [
      [{ clientId: 'ok-client-1' }, 'chat.empty_message'],
      [{ clientId: 'ok-client-2', body: '   ' }, 'chat.empty_message'],
      [{ clientId: 'x', body: 'hi' }, 'validation_failed'],
      [{ clientId: 'ok-client-3', body: 'x'.repeat(4001) }, 'validation_failed'],
      [{ clientId: 'ok-client-4', body: 'hi', extra: 1 }, 'validation_failed'],
      [{ clientId: 'ok-client-5', imageId: '00000000-0000-4000-8000-000000000000' }, 'chat.image_not_found'],
      ['not an object', 'validation_failed'],
    ];
    for (const [payload, code] of cases) {
      expect(await v.emitWithAck('chat.send', payload as never)).toMatchObject({ ok: false, code, message: expect.any(String) });
    }
    expect(await v.emitWithAck('chat.history', {})).toEqual({ ok: true, messages: [], nextCursor: null });

    const lin = await t.signIn('lin.xiao@hearth.demo');
    const noChat = (await lin.post('/api/customers').send({ displayName: '只在门店见过' }).expect(201)).body.customer.id;
    expect(await agentSocket.emitWithAck('chat.send', { customerId: noChat, clientId: 'to-nowhere', body: 'hi' })).toMatchObject({
      ok: false,
      code: 'chat.no_web_chat',
    });
    expect((await lin.get(`/api/customers/${noChat}/conversation`).expect(200)).body).toMatchObject({ replyChannel: null, viewers: [] });
  });

  it('should tell visitors whether staff are around, and the desk who is online or away', async () => {
    const v = await visitorSocket((await newVisitor()).token);
    const around = waitFor<{ staffAround: boolean }>(v, 'presence', (p) => p.staffAround);
    const agentSocket = await staffSocket();
    await around;
    const away = waitFor<{ staffAround: boolean }>(v, 'presence', (p) => !p.staffAround);
    const deskSees = waitFor<{ staff: { name: string; status: string }[] }>(agentSocket, 'presence', (p) => p.staff.some((s) => s.status === 'away'));
    await agentSocket.emitWithAck('presence.set', { status: 'away' });
    await away;
    expect((await deskSees).staff).toEqual([{ id: expect.any(String), name: '林晓', status: 'away' }]);
  });

  it('should let the team keep a shared list of quick replies', async () => {
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const emma = await t.signIn('emma@hearth.demo');
    const created = (await lin.post('/api/quick-replies').send({ text: '  您好，请问有什么可以帮您？ ' }).expect(201)).body;
    expect(created).toMatchObject({ text: '您好，请问有什么可以帮您？', updatedBy: '林晓' });
    const edited = (await emma.patch(`/api/quick-replies/${created.id}`).send({ text: '您好！' }).expect(200)).body;
    expect(edited).toMatchObject({ text: '您好！', updatedBy: 'Emma Walsh' });
    expect((await lin.get('/api/quick-replies').expect(200)).body.items.map((q: { text: string }) => q.text)).toContain('您好！');
    await lin.post('/api/quick-replies').send({ text: '' }).expect(400);
    await lin.delete(`/api/quick-replies/${created.id}`).expect(204);
    await lin.delete(`/api/quick-replies/${created.id}`).expect(404);
  });

  it('should seed a demo inbox: people waiting oldest first, a suggestion, answered chats and saved phrases', async () => {
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const waiting = (await lin.get('/api/inbox?view=waiting').expect(200)).body.items as InboxItem[];
    const chats = waiting.filter((i) => i.channel === 'chat');
    expect(chats.map((i) => i.displayName)).toEqual(['网页访客 8C1D', '孙丽', '网页访客 5E0B']);
    expect(chats[2].suggestedCustomer).toMatchObject({ displayName: '李娜' });
    // And a store asked the desk to get back to 陈静.
    expect(waiting.find((i) => i.displayName === '陈静')).toMatchObject({ channel: 'store', lastMessage: { body: expect.stringContaining('回访') } });
    const recent = (await lin.get('/api/inbox?view=recent').expect(200)).body.items as InboxItem[];
    expect(recent.map((i) => i.displayName)).toEqual(expect.arrayContaining(['Oliver Chen', '张伟']));
    const zhang = recent.find((i) => i.displayName === '张伟')!;
    expect((await lin.get(`/api/customers/${zhang.customerId}/conversation`).expect(200)).body.replyChannel).toBe('chat');
    expect((await lin.get('/api/quick-replies').expect(200)).body.items.length).toBeGreaterThanOrEqual(5);
  });

  it('should keep a chat that waits for a reply when a store asks for a follow-up, so "followed up" cannot hide it', async () => {
    const v = await visitorSocket((await newVisitor()).token);
    const lin = await t.signIn('lin.xiao@hearth.demo');
    const wang = await t.signIn('wang.lei@hearth.demo');
    const msg = await visitorSays(v, '还没人回我');
    const customerId = await customerOf(lin, msg);
    await wang
      .post('/api/visits')
      .send({ clientId: 'visit-on-chat', customerId, reasons: ['question'], outcome: 'follow_up', followUpNote: '请回电' })
      .expect(201);
    const row = ((await lin.get('/api/inbox?view=waiting').expect(200)).body.items as InboxItem[]).find((i) => i.customerId === customerId);
    expect(row).toMatchObject({ channel: 'chat', lastMessage: { id: msg.id, body: '还没人回我' } });
  });
});
