import type { AddressInfo } from 'node:net';
import { io, Socket } from 'socket.io-client';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { VISITOR_TOKEN_HEADER } from '../images/uploader.guard';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { escapeMarkdown } from '../stories/story-markdown';
import { startTestApp, TestApp } from '../testing/test-app';

/**
 * Bad input gives a clear 4xx (the project's `{statusCode, code, message, requestId}`) and stores
 * nothing; the server stays up. Already covered elsewhere, and not repeated here: malformed and
 * oversized login bodies (app.integration.spec.ts), HTML or SVG uploaded as a chat image, images
 * over 5 MB or damaged (images/images.integration.spec.ts), bad socket payloads on the web chat
 * (chat/chat.integration.spec.ts), on `customer.watch` (realtime/realtime.integration.spec.ts) and
 * on `thread.watch` (forum/forum.integration.spec.ts), XSS payloads stored and rendered harmlessly
 * by the forum (forum.integration.spec.ts), oversized and DOCTYPE WeChat XML
 * (wechat/wechat-callback.integration.spec.ts), the Markdown export of hostile stories
 * (stories/stories.integration.spec.ts). There is no CSV export anywhere.
 */

/** Tables a write could touch (sessions and the audit log of reads are not what a bad request stores). */
const TABLES = [
  'customers', 'identities', 'events', 'cases', 'case_resolutions', 'case_themes', 'case_on_it', 'gestures', 'story_thanks', 'stores', 'staff',
  'quick_replies', 'conversations', 'chat_images', 'wechat_channels', 'wechat_outbox', 'forum_boards', 'forum_threads', 'forum_posts', 'forum_members',
  'forum_status_changes',
];

const HUGE = 'x'.repeat(100_000);
const NUL = 'a\u0000b';

describe('Bad input (integration)', () => {
  let t: TestApp;
  let url: string;
  const as = {} as Record<'agent' | 'store' | 'manager' | 'admin' | 'member' | 'visitor', Record<string, string>>;
  let customerId: string;
  let caseId: string;
  let helpBoardId: string;
  let threadId: string;
  let linId: string;
  let emmaId: string;

  const cookieFrom = (res: Response) => String(res.headers['set-cookie']).split(';')[0];
  const staffCookie = async (email: string) => ({ Cookie: cookieFrom(await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200)) });

  async function counts(): Promise<Record<string, number>> {
    const db = t.app.get(DataSource);
    const out: Record<string, number> = {};
    for (const table of TABLES) out[table] = Number((await db.query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
    return out;
  }

  const expectErrorShape = (res: Response, status: number) => {
    expect({ status: res.status, body: res.body }).toEqual({
      status,
      body: { statusCode: status, code: expect.any(String), message: expect.anything(), requestId: expect.any(String) },
    });
  };

  beforeAll(async () => {
    t = await startTestApp({ DEMO_STORIES: 'false', FORUM_REGISTRATIONS_PER_HOUR: '1000', FORUM_POSTS_PER_10_MINUTES: '1000' });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;
    as.agent = await staffCookie('lin.xiao@hearth.demo');
    as.store = await staffCookie('wang.lei@hearth.demo');
    as.manager = await staffCookie('zhou.ting@hearth.demo');
    as.admin = await staffCookie('admin@hearth.demo');
    as.member = { Cookie: cookieFrom(await t.http().post('/api/forum/accounts').send({ username: 'bad_input_fan', password: 'a-good-password' }).expect(201)) };
    as.visitor = { [VISITOR_TOKEN_HEADER]: (await t.http().post('/api/chat/visitor').expect(201)).body.token };

    customerId = (await t.http().post('/api/customers').set(as.agent).send({ displayName: '类型顾客' }).expect(201)).body.customer.id;
    caseId = (await t.http().post('/api/cases').set(as.agent).send({ clientId: 'bad-input-case', customerId, title: '类型案例' }).expect(201)).body.id;
    const staff = (await t.http().get('/api/staff').set(as.admin).expect(200)).body.staff as { id: string; email: string }[];
    linId = staff.find((s) => s.email === 'lin.xiao@hearth.demo')!.id;
    emmaId = staff.find((s) => s.email === 'emma@hearth.demo')!.id;
    helpBoardId = ((await t.http().get('/api/forum/boards').expect(200)).body as { id: string; slug: string }[]).find((b) => b.slug === 'help')!.id;
    threadId = (await t.http().post('/api/forum/threads').set(as.member).send({ boardId: helpBoardId, title: '类型测试', body: '正文', clientId: 'bad-input-thread' }).expect(201)).body.id;
  }, 60_000);
  afterAll(() => t?.close());

  it('answers oversized JSON and form bodies on writes with 413 in the error shape, and stores nothing', async () => {
    const before = await counts();
    const big = 'x'.repeat(300_000);
    const writes: [Record<string, string>, string, string, object][] = [
      [as.agent, 'post', `/api/customers/${customerId}/notes`, { body: big, clientId: 'too-big-note' }],
      [as.store, 'post', '/api/visits', { clientId: 'too-big-visit', customerId, reasons: ['repair'], outcome: 'solved', actions: big }],
      [as.admin, 'patch', `/api/staff/${emmaId}`, { displayName: big }],
      [as.member, 'post', '/api/forum/threads', { boardId: helpBoardId, title: 't', body: big, clientId: 'too-big-thread' }],
      [as.agent, 'put', `/api/cases/${caseId}/resolution`, { expectedVersion: 0, needed: big, did: 'd', felt: 'f' }],
      [{}, 'post', '/api/forum/accounts', { username: 'too_big', password: big }],
    ];
    for (const [creds, method, path, body] of writes) {
      const res = await t.http()[method as 'post'](path).set(creds).set('Content-Type', 'application/json').send(JSON.stringify(body));
      expectErrorShape(res, 413);
      expect(res.body).toMatchObject({ code: 'payload_too_large', message: 'The request body is too large.' });
    }
    const form = await t.http().post(`/api/customers/${customerId}/notes`).set(as.agent).type('form').send(`body=${big}&clientId=too-big-form`);
    expectErrorShape(form, 413);
    expect(await counts()).toEqual(before);
  });

  it('refuses wrong types, NUL bytes and 100,000-character strings on every kind of write with 400, storing nothing', async () => {
    type Write = { who: keyof typeof as | 'anonymous'; method: 'post' | 'put' | 'patch'; path: string; body: Record<string, unknown>; fields: string[]; /** Optional fields, where null means "not given" (class-validator's @IsOptional). */
      optional?: string[] };
    const writes: Write[] = [
      { who: 'agent', method: 'post', path: '/api/customers', body: { displayName: '新顾客', phone: '13800000001', notes: '备注' }, fields: ['displayName', 'phone', 'notes'], optional: ['displayName', 'phone', 'notes'] },
      { who: 'agent', method: 'patch', path: `/api/customers/${customerId}`, body: { displayName: '改名' }, fields: ['displayName', 'phone', 'notes'], optional: ['phone'] },
      { who: 'agent', method: 'post', path: `/api/customers/${customerId}/notes`, body: { body: '备注', clientId: 'typed-note-1', deskOnly: false }, fields: ['body', 'clientId', 'deskOnly'], optional: ['deskOnly'] },
      { who: 'agent', method: 'post', path: `/api/customers/${customerId}/identities`, body: { channel: 'web', externalId: 'typed-web-1' }, fields: ['channel', 'externalId', 'displayName'], optional: ['displayName'] },
      { who: 'agent', method: 'post', path: `/api/customers/${customerId}/merge`, body: { fromCustomerId: customerId }, fields: ['fromCustomerId'] },
      { who: 'agent', method: 'post', path: '/api/cases', body: { clientId: 'typed-case-1', customerId, title: '案例', themes: ['屏幕'] }, fields: ['clientId', 'customerId', 'title', 'themes'], optional: ['themes'] },
      { who: 'agent', method: 'patch', path: `/api/cases/${caseId}`, body: { title: '新标题', themes: ['屏幕'] }, fields: ['title', 'themes'], optional: ['themes'] },
      { who: 'agent', method: 'post', path: `/api/cases/${caseId}/events`, body: { eventIds: ['1'] }, fields: ['eventIds'] },
      {
        who: 'agent',
        method: 'put',
        path: `/api/cases/${caseId}/resolution`,
        body: { expectedVersion: 0, needed: '需要', did: '做了', felt: '满意', customerWords: '谢谢' },
        fields: ['expectedVersion', 'needed', 'did', 'felt', 'customerWords'],
        optional: ['customerWords'],
      },
      {
        who: 'agent',
        method: 'post',
        path: '/api/gestures',
        body: { clientId: 'typed-gesture-1', customerId, kind: 'small_gift', note: '小礼物', costCents: 500, status: 'planned' },
        fields: ['clientId', 'customerId', 'kind', 'note', 'costCents', 'status'],
        optional: ['costCents'],
      },
      {
        who: 'store',
        method: 'post',
        path: '/api/visits',
        body: { clientId: 'typed-visit-1', customerId, reasons: ['repair'], outcome: 'solved', actions: '换屏', reasonText: '屏幕' },
        fields: ['clientId', 'customerId', 'reasons', 'outcome', 'actions', 'reasonText'],
        optional: ['actions', 'reasonText'],
      },
      { who: 'agent', method: 'post', path: '/api/quick-replies', body: { text: '您好' }, fields: ['text'] },
      { who: 'manager', method: 'post', path: `/api/stories/${caseId}/thanks`, body: { clientId: 'typed-thanks-1', toStaffId: linId, body: '谢谢' }, fields: ['clientId', 'toStaffId', 'body'] },
      { who: 'admin', method: 'post', path: '/api/stores', body: { name: '类型店', city: '上海', address: '一号' }, fields: ['name', 'city', 'address'] },
      {
        who: 'admin',
        method: 'post',
        path: '/api/staff',
        body: { email: 'typed@hearth.demo', displayName: '类型', role: 'agent', password: 'a-long-password' },
        fields: ['email', 'displayName', 'role', 'password'],
      },
      {
        who: 'admin',
        method: 'patch',
        path: `/api/staff/${emmaId}`,
        body: { displayName: 'Emma Walsh', active: true, role: 'agent', monthlyGestureAllowanceCents: 50_000 },
        fields: ['displayName', 'role', 'active', 'monthlyGestureAllowanceCents'],
        optional: ['displayName', 'role', 'active', 'monthlyGestureAllowanceCents'],
      },
      {
        who: 'admin',
        method: 'post',
        path: '/api/channels/wechat',
        body: { name: '类型号', appId: 'wx0123456789abcdef', appSecret: 'secret', token: 'typedtoken' },
        fields: ['name', 'appId', 'appSecret', 'token'],
      },
      { who: 'anonymous', method: 'post', path: '/api/forum/accounts', body: { username: 'typed_fan', password: 'a-good-password', displayName: '类型' }, fields: ['username', 'password', 'displayName', 'phone'], optional: ['displayName', 'phone'] },
      { who: 'member', method: 'patch', path: '/api/forum/me', body: { displayName: '新昵称' }, fields: ['displayName', 'phone', 'newPassword'], optional: ['phone'] },
      { who: 'member', method: 'post', path: '/api/forum/threads', body: { boardId: helpBoardId, title: '一个够长的标题', body: '正文', clientId: 'typed-thread-1' }, fields: ['boardId', 'title', 'body', 'clientId'] },
      { who: 'member', method: 'post', path: `/api/forum/threads/${threadId}/posts`, body: { body: '回复', clientId: 'typed-post-1' }, fields: ['body', 'clientId'] },
      { who: 'admin', method: 'post', path: '/api/forum/boards', body: { slug: 'typed', name: '版块', kind: 'help', position: 3 }, fields: ['slug', 'name', 'kind', 'position'], optional: ['position'] },
    ];
    const badValues = (sample: unknown): unknown[] => [
      typeof sample === 'number' ? 'twelve' : typeof sample === 'boolean' ? 'yes' : 12345,
      Array.isArray(sample) ? [{ nested: true }] : ['a', 'b'],
      { $gt: '' },
      null,
      Array.isArray(sample) ? [NUL] : NUL,
      Array.isArray(sample) ? [HUGE] : HUGE,
    ];
    const customerBefore = (await t.http().get(`/api/customers/${customerId}`).set(as.agent).expect(200)).body.customer;
    const emmaBefore = (await t.http().get('/api/staff').set(as.admin).expect(200)).body.staff.find((s: { id: string }) => s.id === emmaId);
    const before = await counts();

    const accepted: string[] = [];
    for (const w of writes) {
      for (const field of w.fields) {
        for (const value of badValues(w.body[field] ?? '')) {
          if (value === null && w.optional?.includes(field)) continue;
          const res = await t.http()[w.method](w.path).set(w.who === 'anonymous' ? {} : as[w.who]).send({ ...w.body, [field]: value });
          if (res.status !== 400) accepted.push(`${w.method.toUpperCase()} ${w.path} ${field}=${JSON.stringify(value)?.slice(0, 20)} → ${res.status}`);
          else expect(res.body).toMatchObject({ statusCode: 400, code: expect.any(String), message: expect.anything() });
        }
      }
      // Not an object at all.
      for (const body of ['[1,2]', '"text"', '42', 'null']) {
        const res = await t.http()[w.method](w.path).set(w.who === 'anonymous' ? {} : as[w.who]).set('Content-Type', 'application/json').send(body);
        if (res.status !== 400) accepted.push(`${w.method.toUpperCase()} ${w.path} body ${body} → ${res.status}`);
      }
    }
    expect(accepted).toEqual([]);
    expect(await counts()).toEqual(before);
    // Read back: the edits that were refused changed nothing.
    expect((await t.http().get(`/api/customers/${customerId}`).set(as.agent).expect(200)).body.customer).toEqual(customerBefore);
    expect((await t.http().get('/api/staff').set(as.admin).expect(200)).body.staff.find((s: { id: string }) => s.id === emmaId)).toEqual(emmaBefore);

    // The well-typed bodies themselves go through: the refusals were about the bad values alone.
    for (const w of writes.filter((x) => !x.path.endsWith('/merge') && !x.path.endsWith('/events'))) {
      const res = await t.http()[w.method](w.path).set(w.who === 'anonymous' ? {} : as[w.who]).send(w.body);
      expect({ write: `${w.method} ${w.path}`, ok: res.status < 300, body: res.status < 300 ? null : res.body }).toEqual({ write: `${w.method} ${w.path}`, ok: true, body: null });
    }
  }, 180_000);

  it('refuses files that are not images with 415 on chat and forum uploads, and stores nothing', async () => {
    const before = await counts();
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>');
    const text = Buffer.from('just some words, not a picture');
    const uploads: [Record<string, string>, string][] = [
      [as.visitor, '/api/chat/images'],
      [as.agent, '/api/chat/images'],
      [as.member, '/api/forum/images'],
      [as.agent, '/api/forum/images'],
    ];
    for (const [creds, path] of uploads) {
      for (const [file, name] of [[svg, 'logo.png'], [text, 'photo.png'], [text, 'photo.jpg']] as const) {
        const res = await t.http().post(path).set(creds).attach('file', file, { filename: name, contentType: 'image/png' });
        expectErrorShape(res, 415);
        expect(res.body.code).toBe('image.unsupported_type');
      }
    }
    expect(await counts()).toEqual(before);
  });

  describe('socket frames', () => {
    const opened: { close: () => unknown }[] = [];
    afterEach(() => opened.splice(0).forEach((s) => s.close()));

    const healthy = async () => {
      await t.http().get('/api/health').expect(200);
      const check = io(url, { transports: ['websocket'], extraHeaders: as.agent, reconnection: false, forceNew: true });
      opened.push(check);
      await new Promise<void>((resolve, reject) => check.once('connect', () => resolve()).once('connect_error', reject));
      expect(await check.emitWithAck('customer.watch', { customerId })).toMatchObject({ ok: true });
    };

    it('drops a socket that sends a frame over the limit, on every namespace, and stays healthy', async () => {
      const before = await counts();
      const big = 'x'.repeat(70 * 1024);
      const staff = io(url, { transports: ['websocket'], extraHeaders: as.agent, reconnection: false, forceNew: true });
      const visitor = io(`${url}/visitor`, { transports: ['websocket'], auth: { token: as.visitor[VISITOR_TOKEN_HEADER] }, reconnection: false, forceNew: true });
      const forum = io(`${url}/forum`, { transports: ['websocket'], reconnection: false, forceNew: true });
      const frames: [Socket, string, object][] = [
        [staff, 'chat.send', { customerId, clientId: 'too-big-frame', body: big }],
        [visitor, 'chat.send', { clientId: 'too-big-frame', body: big }],
        [forum, 'thread.watch', { threadId, afterPostId: big }],
      ];
      for (const [socket, event, payload] of frames) {
        opened.push(socket);
        if (!socket.connected) await new Promise<void>((resolve, reject) => socket.once('connect', () => resolve()).once('connect_error', reject));
        const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
        socket.emit(event, payload);
        expect(await dropped).toBe('transport close');
      }
      await healthy();
      expect(await counts()).toEqual(before);
    });

    it('survives garbage engine.io and socket.io packets over a raw WebSocket, answering nothing it should not', async () => {
      const before = await counts();
      const raw = (headers: Record<string, string> = {}) =>
        new Promise<WebSocket>((resolve, reject) => {
          const ws = new WebSocket(`${url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`, { headers });
          opened.push(ws);
          ws.once('open', () => resolve(ws)).once('error', reject);
        });
      const garbage: (string | Buffer)[] = [
        'hello',
        '',
        '9',
        '4',
        '42',
        '4{"a":1}',
        '42["chat.send"',
        '42[]',
        '42[null]',
        '42[1,2,3]',
        '42"just a string"',
        `42["customer.watch",${'['.repeat(20_000)}`,
        '42["customer.watch","not an object"]',
        '421["chat.send",[1,2,3]]',
        '422["chat.send",{"customerId":{"$ne":null},"clientId":"garbage-1","body":"x"}]',
        '423["customer.watch",{"customerId":"00000000-0000-4000-8000-000000000000","afterId":{"x":1}}]',
        '451-["chat.send",{"_placeholder":true,"num":99}]',
        '40/visitor,{"token":{"$gt":""}}',
        '40/nope,',
        '41',
        '40/forum,',
        '42/forum,["thread.watch",{"threadId":123}]',
        '42/forum,["chat.send",{"customerId":"x","clientId":"garbage-2","body":"x"}]',
        Buffer.from([0xff, 0x00, 0x13, 0x37, 0x42, 0x5b]),
        Buffer.alloc(1024, 0xfe),
      ];
      // Each frame on a fresh connection (a bad engine.io packet closes its socket), anonymous and
      // as staff (connected to `/` first, so events reach the real handlers).
      const replies: { who: string; frame: string; received: string[] }[] = [];
      for (const [who, headers] of [['anonymous', {}], ['staff', as.agent]] as const) {
        for (const frame of garbage) {
          const ws = await raw(headers);
          const received: string[] = [];
          ws.on('message', (data) => received.push(String(data)));
          ws.send('40');
          // Wait for the namespace's answer to the connect (staff: after the session check), so the
          // frame is not sent to a socket that is still connecting.
          for (let waited = 0; waited < 3000 && ws.readyState === WebSocket.OPEN && !received.some((m) => /^4[04]/.test(m)); waited += 10) {
            await new Promise((r) => setTimeout(r, 10));
          }
          if (ws.readyState === WebSocket.OPEN) ws.send(frame);
          // Frames with an ack id wait for their answer (a database round trip on PostgreSQL); the rest a moment.
          const ackId = who === 'staff' ? /^42(\d)\[/.exec(String(frame))?.[1] : undefined;
          for (let waited = 0; waited < (ackId ? 3000 : 60) && !received.some((m) => m.startsWith(`43${ackId}[`)); waited += 20) await new Promise((r) => setTimeout(r, 20));
          ws.close();
          replies.push({ who, frame: String(frame), received });
        }
      }
      const all = replies.flatMap((r) => r.received);
      expect(all.filter((m) => /internal|Something went wrong/.test(m))).toEqual([]);
      // Events with an ack id on a staff socket are answered with a validation error, never run.
      for (const frame of ['421["chat.send"', '422["chat.send"', '423["customer.watch"']) {
        const { received } = replies.find((r) => r.who === 'staff' && r.frame.startsWith(frame))!;
        expect({ frame, answered: received.some((m) => m.startsWith(`43${frame[2]}[{"ok":false`)) }).toEqual({ frame, answered: true });
      }
      await healthy();
      expect(await counts()).toEqual(before);
    }, 60_000);
  });

  describe('Markdown export cells', () => {
    it('neutralises every line that starts with = + - @ (after any indentation), and every Markdown character', () => {
      const hostile = [
        '=HYPERLINK("http://evil.example","点我")',
        '+SUM(1,2)',
        '-2+3',
        '@SUM(A1:A9)',
        '  =1+1',
        '\t@cmd',
        '普通一行\n=第二行是公式\r\n+第三行\r-第四行\n@第五行',
        '> 引用',
        '# 标题',
        '1. 列表',
        '<script>alert(1)</script>',
        '[链接](javascript:alert(1))',
        '![图](x onerror=alert(1))',
      ];
      for (const text of hostile) {
        const md = escapeMarkdown(text);
        for (const line of md.split('\n')) {
          expect({ text, line, startsLikeFormulaOrSyntax: /^\s*([-+=@>#]|\d+[.)])/.test(line) }).toEqual({ text, line, startsLikeFormulaOrSyntax: false });
        }
        expect(md).not.toMatch(/(^|[^\\])[<>[\]()!]/);
      }
      expect(escapeMarkdown('=1+1')).toBe('\\=1+1');
      expect(escapeMarkdown('a\n@b')).toBe('a  \n\\@b');
    });
  });
});
