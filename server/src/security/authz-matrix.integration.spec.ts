import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { io, Socket } from 'socket.io-client';
import type { Response } from 'supertest';
import { DataSource } from 'typeorm';
import { VISITOR_TOKEN_HEADER } from '../images/uploader.guard';
import type { ForumPost, ForumThread, TimelineEvent } from '../realtime/contract';
import { DEMO_PASSWORD } from '../seed/demo-data';
import { startTestApp, TestApp } from '../testing/test-app';
import { signedQuery, TestChannel, textXml } from '../wechat/testing/wechat-callbacks';

/**
 * Who may call what: every HTTP route the OpenAPI document lists × the seven kinds of caller.
 * A route missing from ROUTES fails the suite, so a new endpoint cannot ship without a decision
 * about who may call it. Refused: 401 for a caller without the right kind of credentials, 403 for
 * one whose role is wrong; never 2xx, never 500. Allowed: never 401/403 (a 4xx about the dummy
 * body is fine), and the main calls are real ones with the status they answer.
 *
 * Elsewhere, already: CSRF and cross-site sockets (common/same-origin.integration.spec.ts), a
 * visitor's own conversation only and forged tokens (chat/chat.integration.spec.ts "keep visitors
 * apart"), a visitor sending only their own images (images/images.integration.spec.ts), desk-only
 * notes kept from store staff in timelines, search, cases, stories and sockets
 * (visits/visits.integration.spec.ts, cases/cases.integration.spec.ts), sockets dropped on sign-out,
 * disable and role change (realtime/realtime.integration.spec.ts, visits spec).
 */

const ROLES = ['anonymous', 'visitor', 'member', 'store', 'agent', 'manager', 'admin'] as const;
type Role = (typeof ROLES)[number];
const STAFF_ROLES = ['store', 'agent', 'manager', 'admin'] as const satisfies readonly Role[];
type StaffRole = (typeof STAFF_ROLES)[number];
const isStaff = (role: Role): role is StaffRole => (STAFF_ROLES as readonly Role[]).includes(role);

const EVERYONE: readonly Role[] = ROLES;
const STAFF: readonly Role[] = STAFF_ROLES;
const DESK: readonly Role[] = ['agent', 'manager', 'admin'];
const MANAGERS: readonly Role[] = ['manager', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
/** Forum writers: a forum account, or staff posting as staff. */
const WRITERS: readonly Role[] = ['member', ...STAFF_ROLES];
/** Forum moderators (forum-reader.ts): not store staff. */
const MODERATORS = DESK;

const EMAIL: Record<StaffRole, string> = {
  store: 'wang.lei@hearth.demo',
  agent: 'lin.xiao@hearth.demo',
  manager: 'zhou.ting@hearth.demo',
  admin: 'admin@hearth.demo',
};

/** What the suite made before the matrix runs: real ids for every path parameter. */
type Fixtures = {
  customerId: string;
  customerPhone: string;
  erasableCustomerId: string;
  noteEventId: string;
  openCaseId: string;
  storyCaseId: string;
  gestureId: string;
  quickReplyId: string;
  targetStaffId: string;
  linId: string;
  storeId: string;
  channel: TestChannel;
  imageId: string;
  png: Buffer;
  memberUsername: string;
  helpBoardId: string;
  helpThreadId: string;
  ideasThreadId: string;
  solutionPostId: string;
  hidePostId: string;
};

type Call = {
  path?: string;
  query?: Record<string, string>;
  body?: unknown;
  /** A multipart upload of this file as `file`. */
  file?: Buffer;
  /** Raw text body (WeChat XML). */
  xml?: string;
  /** Use a credential made just for this call (the call ends its own session). */
  fresh?: boolean;
};

type Rule = {
  allow: readonly Role[];
  call?: (fx: Fixtures, role: Role) => Call;
  /** The status an allowed caller gets, for the calls that are real. */
  ok?: number | ((role: Role) => number);
};

let seq = 0;
const unique = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++seq}`;

const ROUTES: Record<string, Rule> = {
  'GET /api/health': { allow: EVERYONE, ok: 200 },
  'POST /api/auth/login': { allow: EVERYONE, call: () => ({ body: { email: EMAIL.agent, password: DEMO_PASSWORD } }), ok: 200 },
  'POST /api/auth/logout': { allow: EVERYONE, call: () => ({ fresh: true }), ok: 204 },
  'GET /api/auth/me': { allow: STAFF, ok: 200 },

  'POST /api/chat/visitor': { allow: EVERYONE, ok: 201 },
  'POST /api/chat/images': { allow: ['visitor', ...STAFF_ROLES], call: (fx) => ({ file: fx.png }), ok: 201 },
  'GET /api/chat/images/{id}': { allow: EVERYONE, call: (fx) => ({ path: `/api/chat/images/${fx.imageId}` }), ok: 200 },
  'GET /api/chat/images/{id}/thumb': { allow: EVERYONE, call: (fx) => ({ path: `/api/chat/images/${fx.imageId}/thumb` }), ok: 200 },

  'GET /api/staff': { allow: ADMIN, ok: 200 },
  'POST /api/staff': {
    allow: ADMIN,
    call: () => ({ body: { email: `${unique('new')}@hearth.demo`, displayName: '新同事', role: 'agent', password: 'a-long-enough-password' } }),
    ok: 201,
  },
  'PATCH /api/staff/{id}': { allow: ADMIN, call: (fx) => ({ path: `/api/staff/${fx.targetStaffId}`, body: { displayName: 'Emma Walsh' } }), ok: 200 },
  'POST /api/staff/{id}/password': {
    allow: ADMIN,
    call: (fx) => ({ path: `/api/staff/${fx.targetStaffId}/password`, body: { password: 'another-long-password' } }),
    ok: 204,
  },

  'GET /api/stores': { allow: STAFF, ok: 200 },
  'POST /api/stores': { allow: ADMIN, call: () => ({ body: { name: unique('测试店'), city: '上海', address: '南京西路 1 号' } }), ok: 201 },
  'PATCH /api/stores/{id}': { allow: ADMIN, call: (fx) => ({ path: `/api/stores/${fx.storeId}`, body: { city: '上海' } }), ok: 200 },

  'GET /api/customers': { allow: STAFF, call: () => ({ query: { q: '矩阵' } }), ok: 200 },
  'POST /api/customers': { allow: STAFF, call: (_fx, role) => ({ body: { displayName: `矩阵新顾客 ${role}` } }), ok: 201 },
  'GET /api/customers/by-phone': { allow: STAFF, call: (fx) => ({ query: { phone: fx.customerPhone } }), ok: 200 },
  'GET /api/customers/{id}': { allow: STAFF, call: (fx) => ({ path: `/api/customers/${fx.customerId}` }), ok: 200 },
  'PATCH /api/customers/{id}': { allow: STAFF, call: (fx, role) => ({ path: `/api/customers/${fx.customerId}`, body: { notes: `改于 ${role}` } }), ok: 200 },
  'GET /api/customers/{id}/timeline': { allow: STAFF, call: (fx) => ({ path: `/api/customers/${fx.customerId}/timeline` }), ok: 200 },
  'POST /api/customers/{id}/notes': {
    allow: STAFF,
    call: (fx, role) => ({ path: `/api/customers/${fx.customerId}/notes`, body: { body: `矩阵备注 ${role}`, clientId: unique('note') } }),
    ok: 201,
  },
  'POST /api/customers/{id}/identities': {
    allow: STAFF,
    call: (fx) => ({ path: `/api/customers/${fx.customerId}/identities`, body: { channel: 'web', externalId: unique('web') } }),
    ok: 201,
  },
  // Into itself: a real merge would end the fixture customer. The refusal (400) still proves the door.
  'POST /api/customers/{id}/merge': { allow: DESK, call: (fx) => ({ path: `/api/customers/${fx.customerId}/merge`, body: { fromCustomerId: fx.customerId } }), ok: 400 },
  'GET /api/customers/{id}/conversation': { allow: STAFF, call: (fx) => ({ path: `/api/customers/${fx.customerId}/conversation` }), ok: 200 },
  'GET /api/customers/{id}/cases': { allow: STAFF, call: (fx) => ({ path: `/api/customers/${fx.customerId}/cases` }), ok: 200 },
  'GET /api/customers/{id}/gestures': { allow: STAFF, call: (fx) => ({ path: `/api/customers/${fx.customerId}/gestures` }), ok: 200 },

  'GET /api/customers/{id}/export': { allow: ADMIN, call: (fx) => ({ path: `/api/customers/${fx.customerId}/export` }), ok: 200 },
  'POST /api/customers/{id}/erase': { allow: ADMIN, call: (fx) => ({ path: `/api/customers/${fx.erasableCustomerId}/erase`, body: { confirmName: '可以抹去的顾客' } }), ok: 200 },
  'GET /api/audit': { allow: ADMIN, ok: 200 },

  'GET /api/inbox': { allow: STAFF, ok: 200 },
  'POST /api/inbox/{customerId}/handled': { allow: STAFF, call: (fx) => ({ path: `/api/inbox/${fx.customerId}/handled` }), ok: 204 },
  'GET /api/quick-replies': { allow: STAFF, ok: 200 },
  'POST /api/quick-replies': { allow: STAFF, call: (_fx, role) => ({ body: { text: `您好，${role} 在` } }), ok: 201 },
  'PATCH /api/quick-replies/{id}': { allow: STAFF, call: (fx) => ({ path: `/api/quick-replies/${fx.quickReplyId}`, body: { text: '稍等，我看一下' } }), ok: 200 },
  // The first allowed caller removes it; the later ones find it gone (404), which is still "allowed".
  'DELETE /api/quick-replies/{id}': { allow: STAFF, call: (fx) => ({ path: `/api/quick-replies/${fx.quickReplyId}` }) },

  'POST /api/visits': {
    allow: STAFF,
    call: (fx, role) => ({
      body: { clientId: unique('visit'), customerId: fx.customerId, reasons: ['question'], outcome: 'solved', ...(role === 'store' ? {} : { storeId: fx.storeId }) },
    }),
    ok: 201,
  },
  'GET /api/visits/today': { allow: STAFF, call: (fx, role): Call => ({ query: role === 'store' ? {} : { storeId: fx.storeId } }), ok: 200 },

  'POST /api/cases': { allow: STAFF, call: (fx, role) => ({ body: { clientId: unique('case'), customerId: fx.customerId, title: `矩阵案例 ${role}` } }), ok: 201 },
  'GET /api/cases/{id}': { allow: STAFF, call: (fx) => ({ path: `/api/cases/${fx.openCaseId}` }), ok: 200 },
  'PATCH /api/cases/{id}': { allow: STAFF, call: (fx) => ({ path: `/api/cases/${fx.openCaseId}`, body: { title: '矩阵案例（改）' } }), ok: 200 },
  'POST /api/cases/{id}/events': { allow: STAFF, call: (fx) => ({ path: `/api/cases/${fx.openCaseId}/events`, body: { eventIds: [fx.noteEventId] } }) },
  'DELETE /api/cases/{id}/events/{eventId}': { allow: STAFF, call: (fx) => ({ path: `/api/cases/${fx.openCaseId}/events/${fx.noteEventId}` }) },
  'PUT /api/cases/{id}/on-it': { allow: STAFF, call: (fx) => ({ path: `/api/cases/${fx.openCaseId}/on-it` }), ok: 200 },
  'DELETE /api/cases/{id}/on-it': { allow: STAFF, call: (fx) => ({ path: `/api/cases/${fx.openCaseId}/on-it` }), ok: 200 },
  // A stale expectedVersion: 409, the story untouched, the door proven.
  'PUT /api/cases/{id}/resolution': {
    allow: STAFF,
    call: (fx) => ({ path: `/api/cases/${fx.openCaseId}/resolution`, body: { expectedVersion: 7, needed: '需要', did: '做了', felt: '感受' } }),
    ok: 409,
  },
  'POST /api/cases/{id}/reopen': { allow: STAFF, call: (fx) => ({ path: `/api/cases/${fx.openCaseId}/reopen` }) },

  'GET /api/gestures/allowance': { allow: STAFF, ok: 200 },
  'POST /api/gestures': {
    allow: STAFF,
    call: (fx) => ({ body: { clientId: unique('gesture'), customerId: fx.customerId, kind: 'handwritten_card', note: '写一张卡片', status: 'planned' } }),
    ok: 201,
  },
  'PATCH /api/gestures/{id}': { allow: STAFF, call: (fx) => ({ path: `/api/gestures/${fx.gestureId}`, body: { reaction: '很开心' } }), ok: 200 },

  'GET /api/stories': { allow: STAFF, ok: 200 },
  'GET /api/stories/facets': { allow: STAFF, ok: 200 },
  'GET /api/stories/selection': { allow: STAFF, call: (fx) => ({ query: { ids: fx.storyCaseId } }), ok: 200 },
  'GET /api/stories/export.md': { allow: STAFF, call: (fx) => ({ query: { ids: fx.storyCaseId } }), ok: 200 },
  'GET /api/stories/{caseId}': { allow: STAFF, call: (fx) => ({ path: `/api/stories/${fx.storyCaseId}` }), ok: 200 },
  'PUT /api/stories/{caseId}/highlight': { allow: MANAGERS, call: (fx) => ({ path: `/api/stories/${fx.storyCaseId}/highlight`, body: { note: '本周故事' } }), ok: 200 },
  'DELETE /api/stories/{caseId}/highlight': { allow: MANAGERS, call: (fx) => ({ path: `/api/stories/${fx.storyCaseId}/highlight` }), ok: 200 },
  'POST /api/stories/{caseId}/thanks': {
    allow: MANAGERS,
    call: (fx) => ({ path: `/api/stories/${fx.storyCaseId}/thanks`, body: { clientId: unique('thanks'), toStaffId: fx.linId, body: '谢谢你' } }),
    ok: 201,
  },
  'GET /api/me/thanks': { allow: STAFF, ok: 200 },
  'POST /api/me/thanks/seen': { allow: STAFF, ok: 204 },
  'GET /api/themes': { allow: STAFF, ok: 200 },

  'GET /api/channels/wechat': { allow: ADMIN, ok: 200 },
  'POST /api/channels/wechat': {
    allow: ADMIN,
    call: () => ({ body: { name: '矩阵服务号', appId: `wx${Date.now().toString(16).padStart(16, 'a')}`, appSecret: 'secret', token: 'matrixtoken' } }),
    ok: 201,
  },
  'PATCH /api/channels/wechat/{id}': { allow: ADMIN, call: (fx) => ({ path: `/api/channels/wechat/${fx.channel.id}`, body: { name: '矩阵服务号（改）' } }), ok: 200 },
  // WeChat's servers prove themselves by signature, not by a role: the signed call works for anyone.
  'GET /api/wechat/{channelId}': {
    allow: EVERYONE,
    call: (fx) => ({ path: `/api/wechat/${fx.channel.id}`, query: { ...signedQuery(fx.channel.token), echostr: 'echo-1' } }),
    ok: 200,
  },
  'POST /api/wechat/{channelId}': {
    allow: EVERYONE,
    call: (fx, role) => ({ path: `/api/wechat/${fx.channel.id}`, query: signedQuery(fx.channel.token), xml: textXml(`o-matrix-${role}`, '你好', String(Date.now() + ++seq)) }),
    ok: 200,
  },

  'POST /api/forum/accounts': { allow: EVERYONE, call: () => ({ body: { username: unique('fan').replace(/-/g, '_').slice(0, 24), password: 'a-good-password' } }), ok: 201 },
  'POST /api/forum/session': { allow: EVERYONE, call: (fx) => ({ body: { username: fx.memberUsername, password: 'a-good-password' } }), ok: 200 },
  'DELETE /api/forum/session': { allow: EVERYONE, call: () => ({ fresh: true }), ok: 204 },
  'GET /api/forum/me': { allow: EVERYONE, ok: 200 },
  'PATCH /api/forum/me': { allow: ['member'], call: () => ({ body: { displayName: '矩阵会员' } }), ok: 200 },
  'GET /api/forum/members/{username}': { allow: EVERYONE, call: (fx) => ({ path: `/api/forum/members/${fx.memberUsername}` }), ok: 200 },
  'PUT /api/forum/members/{username}/senior-fan': { allow: MODERATORS, call: (fx) => ({ path: `/api/forum/members/${fx.memberUsername}/senior-fan` }), ok: 200 },
  'DELETE /api/forum/members/{username}/senior-fan': { allow: MODERATORS, call: (fx) => ({ path: `/api/forum/members/${fx.memberUsername}/senior-fan` }), ok: 200 },
  'GET /api/forum/boards': { allow: EVERYONE, ok: 200 },
  'POST /api/forum/boards': { allow: ADMIN, call: () => ({ body: { slug: unique('b').slice(0, 30), name: '矩阵版块', kind: 'help' } }), ok: 201 },
  'PATCH /api/forum/boards/{id}': { allow: ADMIN, call: (fx) => ({ path: `/api/forum/boards/${fx.helpBoardId}`, body: { description: '用着遇到问题？在这里提问。' } }), ok: 200 },
  'GET /api/forum/threads': { allow: EVERYONE, ok: 200 },
  'POST /api/forum/threads': {
    allow: WRITERS,
    call: (fx, role) => ({ body: { boardId: fx.helpBoardId, title: `矩阵帖子 ${role}`, body: '内容', clientId: unique('thread') } }),
    ok: 201,
  },
  'GET /api/forum/boards/{slug}/threads': { allow: EVERYONE, call: () => ({ path: '/api/forum/boards/help/threads' }), ok: 200 },
  'GET /api/forum/threads/{id}': { allow: EVERYONE, call: (fx) => ({ path: `/api/forum/threads/${fx.helpThreadId}` }), ok: 200 },
  'GET /api/forum/threads/{id}/posts': { allow: EVERYONE, call: (fx) => ({ path: `/api/forum/threads/${fx.helpThreadId}/posts` }), ok: 200 },
  'POST /api/forum/threads/{id}/posts': {
    allow: WRITERS,
    call: (fx, role) => ({ path: `/api/forum/threads/${fx.helpThreadId}/posts`, body: { body: `矩阵回复 ${role}`, clientId: unique('post') } }),
    ok: 201,
  },
  // The member here started the thread: the starter may accept an answer (another member may not: see below).
  'PUT /api/forum/threads/{id}/solution': {
    allow: ['member', ...MODERATORS],
    call: (fx) => ({ path: `/api/forum/threads/${fx.helpThreadId}/solution`, body: { postId: fx.solutionPostId } }),
    ok: 200,
  },
  'DELETE /api/forum/threads/{id}/solution': { allow: ['member', ...MODERATORS], call: (fx) => ({ path: `/api/forum/threads/${fx.helpThreadId}/solution` }), ok: 200 },
  'PUT /api/forum/threads/{id}/status': {
    allow: MODERATORS,
    call: (fx) => ({ path: `/api/forum/threads/${fx.ideasThreadId}/status`, body: { status: 'heard', note: '收到' } }),
    ok: 200,
  },
  'PUT /api/forum/threads/{id}/lock': { allow: MODERATORS, call: (fx) => ({ path: `/api/forum/threads/${fx.helpThreadId}/lock` }), ok: 200 },
  'DELETE /api/forum/threads/{id}/lock': { allow: MODERATORS, call: (fx) => ({ path: `/api/forum/threads/${fx.helpThreadId}/lock` }), ok: 200 },
  'PUT /api/forum/posts/{id}/hidden': { allow: MODERATORS, call: (fx) => ({ path: `/api/forum/posts/${fx.hidePostId}/hidden`, body: { reason: '广告' } }), ok: 200 },
  'DELETE /api/forum/posts/{id}/hidden': { allow: MODERATORS, call: (fx) => ({ path: `/api/forum/posts/${fx.hidePostId}/hidden` }), ok: 200 },
  'POST /api/forum/preview': { allow: WRITERS, call: () => ({ body: { body: '**加粗**' } }), ok: 200 },
  'POST /api/forum/images': { allow: WRITERS, call: (fx) => ({ file: fx.png }), ok: 201 },
};

describe('Authorisation matrix (integration)', () => {
  let t: TestApp;
  let url: string;
  let fx: Fixtures;
  /** The credential each kind of caller sends: a cookie or the visitor header. */
  const creds = {} as Record<Role, Record<string, string>>;
  const staffIds = {} as Record<string, string>;

  const cookieFrom = (res: Response) => String(res.headers['set-cookie']).split(';')[0];
  const staffCookie = async (email: string) => cookieFrom(await t.http().post('/api/auth/login').send({ email, password: DEMO_PASSWORD }).expect(200));
  const register = async (username: string) =>
    cookieFrom(await t.http().post('/api/forum/accounts').send({ username, password: 'a-good-password' }).expect(201));
  const newVisitorToken = async () => (await t.http().post('/api/chat/visitor').expect(201)).body.token as string;

  async function credentialsFor(role: Role, fresh: boolean): Promise<Record<string, string>> {
    if (!fresh || role === 'anonymous') return creds[role];
    if (role === 'visitor') return { [VISITOR_TOKEN_HEADER]: await newVisitorToken() };
    if (role === 'member') {
      const res = await t.http().post('/api/forum/session').send({ username: fx.memberUsername, password: 'a-good-password' }).expect(200);
      return { Cookie: cookieFrom(res) };
    }
    return { Cookie: await staffCookie(EMAIL[role]) };
  }

  async function send(key: string, role: Role): Promise<Response> {
    const [method, template] = key.split(' ');
    const call = ROUTES[key].call?.(fx, role) ?? {};
    const path = call.path ?? template;
    if (path.includes('{')) throw new Error(`${key}: no path for its parameters`);
    let req = t.http()[method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'](path);
    for (const [name, value] of Object.entries(await credentialsFor(role, call.fresh ?? false))) req = req.set(name, value);
    if (call.query) req = req.query(call.query);
    if (call.file) return req.attach('file', call.file, { filename: 'dot.png', contentType: 'image/png' });
    if (call.xml) return req.set('Content-Type', 'text/xml').send(call.xml);
    return call.body === undefined ? req : req.send(call.body as object);
  }

  beforeAll(async () => {
    t = await startTestApp({
      DEMO_STORIES: 'false',
      CHAT_NEW_VISITORS_PER_MINUTE: '1000',
      FORUM_REGISTRATIONS_PER_HOUR: '1000',
      FORUM_POSTS_PER_10_MINUTES: '1000',
    });
    await t.app.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}`;

    for (const role of STAFF_ROLES) creds[role] = { Cookie: await staffCookie(EMAIL[role]) };
    creds.anonymous = {};
    creds.visitor = { [VISITOR_TOKEN_HEADER]: await newVisitorToken() };
    const memberUsername = 'matrix_member';
    creds.member = { Cookie: await register(memberUsername) };
    const as = (role: Role) => creds[role];

    const admin = (path: string) => t.http().get(path).set(as('admin'));
    for (const s of (await admin('/api/staff').expect(200)).body.staff as { id: string; email: string }[]) staffIds[s.email] = s.id;
    const storeId = ((await admin('/api/stores').expect(200)).body.stores as { id: string; name: string }[]).find((s) => s.name === '上海静安店')!.id;

    const agentPost = (path: string, body: object) => t.http().post(path).set(as('agent')).send(body);
    const customerPhone = '+8613800138999';
    const customerId = (await agentPost('/api/customers', { displayName: '矩阵顾客', phone: customerPhone }).expect(201)).body.customer.id as string;
    const erasableCustomerId = (await agentPost('/api/customers', { displayName: '可以抹去的顾客' }).expect(201)).body.customer.id as string;
    const note = (await agentPost(`/api/customers/${customerId}/notes`, { body: '一条普通备注', clientId: unique('n') }).expect(201)).body.event as TimelineEvent;
    const openCaseId = (await agentPost('/api/cases', { clientId: unique('c'), customerId, title: '矩阵案例' }).expect(201)).body.id as string;
    const storyCaseId = (await agentPost('/api/cases', { clientId: unique('c'), customerId, title: '矩阵故事' }).expect(201)).body.id as string;
    await t.http().put(`/api/cases/${storyCaseId}/resolution`).set(as('agent')).send({ expectedVersion: 0, needed: '需要', did: '做了', felt: '很好' }).expect(200);
    const gestureId = (await agentPost('/api/gestures', { clientId: unique('g'), customerId, kind: 'small_gift', note: '小礼物', status: 'planned' }).expect(201)).body.id as string;
    const quickReplyId = (await agentPost('/api/quick-replies', { text: '请稍等' }).expect(201)).body.id as string;
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#c33' } }).png().toBuffer();
    const imageId = (await t.http().post('/api/chat/images').set(as('agent')).attach('file', png, { filename: 'a.png', contentType: 'image/png' }).expect(201)).body.id as string;

    const boards = (await t.http().get('/api/forum/boards').expect(200)).body as { id: string; slug: string }[];
    const boardId = (slug: string) => boards.find((b) => b.slug === slug)!.id;
    const memberPost = (path: string, body: object, role: Role = 'member') => t.http().post(path).set(as(role)).send(body);
    const helpThread = (await memberPost('/api/forum/threads', { boardId: boardId('help'), title: '充不进电', body: '试了两根线', clientId: unique('t') }).expect(201)).body as ForumThread;
    const ideasThread = (await memberPost('/api/forum/threads', { boardId: boardId('ideas'), title: '希望加个夜间模式', body: '晚上看太亮', clientId: unique('t') }).expect(201)).body as ForumThread;
    const solutionPost = (await memberPost(`/api/forum/threads/${helpThread.id}/posts`, { body: '换个充电头试试', clientId: unique('p') }, 'agent').expect(201)).body as ForumPost;
    const hidePost = (await memberPost(`/api/forum/threads/${helpThread.id}/posts`, { body: '加微信买便宜货', clientId: unique('p') }, 'agent').expect(201)).body as ForumPost;

    fx = {
      customerId,
      customerPhone,
      erasableCustomerId,
      noteEventId: note.id,
      openCaseId,
      storyCaseId,
      gestureId,
      quickReplyId,
      targetStaffId: staffIds['emma@hearth.demo'],
      linId: staffIds['lin.xiao@hearth.demo'],
      storeId,
      channel: await connectChannelAs(as('admin')),
      imageId,
      png,
      memberUsername,
      helpBoardId: boardId('help'),
      helpThreadId: helpThread.id,
      ideasThreadId: ideasThread.id,
      solutionPostId: solutionPost.id,
      hidePostId: hidePost.id,
    };
  }, 60_000);
  afterAll(() => t?.close());

  async function connectChannelAs(headers: Record<string, string>): Promise<TestChannel> {
    const appId = `wx${Date.now().toString(16).padStart(16, '0').slice(-16)}`;
    const res = await t.http().post('/api/channels/wechat').set(headers).send({ name: '矩阵测试号', appId, appSecret: 'fakesecret', token: 'hearthtest' }).expect(201);
    return { id: res.body.id, appId, token: 'hearthtest' };
  }

  it('lists every route of the OpenAPI document, and nothing that is not one', async () => {
    const doc = (await t.http().get('/api/docs-json').expect(200)).body as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    // A failure here names the routes to decide on: add each to ROUTES with the roles that may call it.
    expect(documented.filter((r) => !(r in ROUTES)).sort()).toEqual([]);
    expect(Object.keys(ROUTES).filter((r) => !documented.includes(r)).sort()).toEqual([]);
  });

  describe('other people\u2019s ids (IDOR)', () => {
    const get = (role: Role, path: string) => t.http().get(path).set(creds[role]);

    it("keeps a forum member away from another member's account, thread and posts", async () => {
      const other = { Cookie: await register('matrix_other') };
      const thread = `/api/forum/threads/${fx.helpThreadId}`;
      const before = (await t.http().get(thread).expect(200)).body as ForumThread;
      const profile = (await get('anonymous', `/api/forum/members/${fx.memberUsername}`).expect(200)).body;

      // PATCH /forum/me only ever means "me": naming someone else is refused, not followed.
      for (const body of [{ username: fx.memberUsername, displayName: '冒名' }, { id: 'someone', displayName: '冒名' }, { memberId: 'someone', phone: '13900000000' }]) {
        await t.http().patch('/api/forum/me').set(other).send(body).expect(400);
      }
      expect((await get('anonymous', `/api/forum/members/${fx.memberUsername}`).expect(200)).body.displayName).toBe(profile.displayName);

      await t.http().put(`${thread}/solution`).set(other).send({ postId: fx.solutionPostId }).expect(403);
      await t.http().delete(`${thread}/solution`).set(other).expect(403);
      await t.http().put(`${thread}/lock`).set(other).expect(403);
      await t.http().put(`/api/forum/threads/${fx.ideasThreadId}/status`).set(other).send({ status: 'shipped' }).expect(403);
      await t.http().put(`/api/forum/posts/${fx.solutionPostId}/hidden`).set(other).send({ reason: '看不顺眼' }).expect(403);
      await t.http().put(`/api/forum/members/${fx.memberUsername}/senior-fan`).set(other).expect(403);
      await t.http().post('/api/forum/boards').set(other).send({ slug: 'mine', name: '我的版块', kind: 'help' }).expect(403);

      const after = (await t.http().get(thread).expect(200)).body as ForumThread;
      expect({ locked: after.lockedAt, solution: after.solution?.id, posts: after.posts.map((p) => p.id) }).toEqual({
        locked: before.lockedAt,
        solution: before.solution?.id,
        posts: before.posts.map((p) => p.id),
      });
    });

    it("keeps store staff to their own store and away from desk-only notes, wherever they are read", async () => {
      const xihu = ((await get('admin', '/api/stores').expect(200)).body.stores as { id: string; name: string }[]).find((s) => s.name === '杭州西湖店')!.id;
      await get('store', `/api/visits/today?storeId=${xihu}`).expect(403);

      // A desk-only note inside a resolved story: nothing store staff read of it carries the note.
      const customerId = (await t.http().post('/api/customers').set(creds.agent).send({ displayName: '隐私顾客' }).expect(201)).body.customer.id as string;
      const secret = (await t.http().post(`/api/customers/${customerId}/notes`).set(creds.agent).send({ body: '仅服务台可见：顾客正在住院治疗', clientId: unique('n'), deskOnly: true }).expect(201)).body.event as TimelineEvent;
      const caseId = (await t.http().post('/api/cases').set(creds.agent).send({ clientId: unique('c'), customerId, title: '隐私案例', fromEventId: secret.id }).expect(201)).body.id as string;
      await t.http().put(`/api/cases/${caseId}/resolution`).set(creds.agent).send({ expectedVersion: 0, needed: '咨询', did: '回电', felt: '放心' }).expect(200);
      expect((await get('store', '/api/customers?q=住院治疗').expect(200)).body.results).toEqual([]);
      for (const path of [`/api/customers/${customerId}/timeline`, `/api/cases/${caseId}`, `/api/stories/${caseId}`, `/api/stories/selection?ids=${caseId}`, `/api/stories/export.md?ids=${caseId}`]) {
        const res = await get('store', path).expect(200);
        expect({ path, leaks: (res.text ?? JSON.stringify(res.body)).includes('住院') }).toEqual({ path, leaks: false });
      }
      // The full export is the admin's (a customer's right to their data), never store staff's.
      await get('store', `/api/customers/${customerId}/export`).expect(403);
    });
  });

  describe('sockets', () => {
    type AnySocket = Socket;
    const opened: AnySocket[] = [];
    afterEach(() => opened.splice(0).forEach((s) => s.disconnect()));

    const open = (namespace: string, options: { cookie?: string; token?: string } = {}) => {
      const socket = io(`${url}${namespace}`, {
        transports: ['websocket'],
        extraHeaders: options.cookie ? { Cookie: options.cookie } : {},
        auth: options.token !== undefined ? { token: options.token } : {},
        reconnection: false,
        forceNew: true,
      });
      opened.push(socket);
      return socket;
    };
    const outcome = (socket: AnySocket) =>
      new Promise<string>((resolve) => {
        socket.once('connect', () => resolve('connected'));
        socket.once('connect_error', (err) => resolve(`refused: ${err.message}`));
      });
    const count = async (sql: string) => Number((await t.app.get(DataSource).query(sql))[0].n);

    it('lets only staff onto the staff namespace, and only a valid visitor token onto /visitor', async () => {
      const visitorToken = creds.visitor[VISITOR_TOKEN_HEADER];
      const staffCookie = creds.agent.Cookie;
      const staffToken = staffCookie.split('=')[1];
      const memberCookie = creds.member.Cookie;

      const refusedOnStaff = [open('/'), open('/', { token: visitorToken }), open('/', { cookie: memberCookie }), open('/', { cookie: `hearth_session=${visitorToken}` })];
      for (const s of refusedOnStaff) expect(await outcome(s)).toBe('refused: auth.required');
      for (const role of STAFF_ROLES) expect(await outcome(open('/', { cookie: creds[role].Cookie }))).toBe('connected');

      const refusedOnVisitor = [
        open('/visitor'),
        open('/visitor', { cookie: staffCookie }),
        open('/visitor', { token: staffToken }),
        open('/visitor', { token: memberCookie.split('=')[1] }),
        open('/visitor', { token: `${visitorToken.slice(0, -3)}abc` }),
      ];
      for (const s of refusedOnVisitor) expect(await outcome(s)).toBe('refused: visitor.invalid_token');
      expect(await outcome(open('/visitor', { token: visitorToken }))).toBe('connected');
    });

    it("gives a visitor no way to another customer's conversation", async () => {
      const visitor = open('/visitor', { token: creds.visitor[VISITOR_TOKEN_HEADER] });
      await outcome(visitor);
      const events = () => count(`SELECT COUNT(*) AS n FROM events WHERE customer_id = '${fx.customerId}'`);
      const before = await events();
      // A customer id is no part of a visitor's send: naming one is a validation error, not a redirect.
      expect(await visitor.emitWithAck('chat.send', { clientId: unique('v'), body: '偷看', customerId: fx.customerId })).toMatchObject({ ok: false, code: 'validation_failed' });
      // Staff events have no handler here (no answer at all), so no room is ever joined.
      await expect(visitor.timeout(300).emitWithAck('customer.watch', { customerId: fx.customerId })).rejects.toThrow();
      expect(await visitor.emitWithAck('chat.history', {})).toEqual({ ok: true, messages: [], nextCursor: null });
      expect(await events()).toBe(before);
    });

    it("drops a disabled staff member's sockets and refuses their events and requests from then on", async () => {
      const email = 'chen.siyuan@hearth.demo';
      const cookie = await staffCookie(email);
      const socket = open('/', { cookie });
      expect(await outcome(socket)).toBe('connected');
      expect(await socket.emitWithAck('customer.watch', { customerId: fx.customerId })).toMatchObject({ ok: true });
      const dropped = new Promise<string>((resolve) => socket.once('disconnect', resolve));
      await t.http().patch(`/api/staff/${staffIds[email]}`).set(creds.admin).send({ active: false }).expect(200);
      expect(await dropped).toBe('io server disconnect');

      const messages = () => count(`SELECT COUNT(*) AS n FROM events WHERE customer_id = '${fx.customerId}' AND kind = 'chat.message'`);
      const before = await messages();
      const again = open('/', { cookie });
      expect(await outcome(again)).toBe('refused: auth.required');
      // Whatever it tries to send while refused goes nowhere.
      again.emit('chat.send', { customerId: fx.customerId, clientId: unique('gone'), body: '已停用的账号发的' });
      await t.http().get('/api/auth/me').set('Cookie', cookie).expect(401);
      await t.http().post(`/api/customers/${fx.customerId}/notes`).set('Cookie', cookie).send({ body: '停用后写的', clientId: unique('n') }).expect(401);
      await new Promise((r) => setTimeout(r, 200));
      expect(await messages()).toBe(before);
      await t.http().patch(`/api/staff/${staffIds[email]}`).set(creds.admin).send({ active: true }).expect(200);
    });

    it('lets anyone watch a forum thread on /forum, and nobody write through it', async () => {
      const posts = () => count('SELECT COUNT(*) AS n FROM forum_posts');
      const events = () => count('SELECT COUNT(*) AS n FROM events');
      const [postsBefore, eventsBefore] = [await posts(), await events()];
      for (const cookie of [undefined, creds.member.Cookie, creds.agent.Cookie]) {
        const reader = open('/forum', { cookie });
        expect(await outcome(reader)).toBe('connected');
        expect(await reader.emitWithAck('thread.watch', { threadId: fx.helpThreadId })).toEqual({ ok: true, missed: [] });
        for (const [event, payload] of [
          ['forum.post', { threadId: fx.helpThreadId, body: '从 socket 发帖' }],
          ['thread.reply', { threadId: fx.helpThreadId, body: '从 socket 回复', clientId: unique('p') }],
          ['chat.send', { customerId: fx.customerId, clientId: unique('c'), body: '从论坛发聊天' }],
          ['customer.watch', { customerId: fx.customerId }],
        ] as const) {
          await expect(reader.timeout(200).emitWithAck(event, payload)).rejects.toThrow();
        }
      }
      expect([await posts(), await events()]).toEqual([postsBefore, eventsBefore]);
    });
  });

  describe.each(Object.keys(ROUTES))('%s', (key) => {
    it.each(ROLES)('as %s', async (role) => {
      const rule = ROUTES[key];
      const res = await send(key, role);
      const what = `${key} as ${role} → ${res.status} ${JSON.stringify(res.body ?? res.text).slice(0, 200)}`;
      expect({ what, serverError: res.status >= 500 }).toEqual({ what, serverError: false });
      if (rule.allow.includes(role)) {
        expect({ what, refused: res.status === 401 || res.status === 403 }).toEqual({ what, refused: false });
        const ok = typeof rule.ok === 'function' ? rule.ok(role) : rule.ok;
        if (ok !== undefined) expect({ what, status: res.status }).toEqual({ what, status: ok });
      } else {
        // Without the right kind of credentials: 401. Signed in, but the role may not: 403.
        const signedInHere = isStaff(role) || (role === 'member' && key.includes(' /api/forum/'));
        expect({ what, status: res.status }).toEqual({ what, status: signedInHere ? 403 : 401 });
      }
    });
  });
});
