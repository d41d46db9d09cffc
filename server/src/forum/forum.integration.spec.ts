import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { io, Socket } from 'socket.io-client';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type {
  Ack,
  ForumBoard,
  ForumClientToServerEvents,
  ForumEventDetails,
  ForumMemberProfile,
  ForumPost,
  ForumServerToClientEvents,
  ForumThread,
  ForumThreadPage,
  ForumThreadSummary,
  TimelineEvent,
} from '../realtime/contract';
import { startTestApp, TestApp } from '../testing/test-app';
import { XSS_PAYLOADS } from './xss-payloads';

type ForumSocket = Socket<ForumServerToClientEvents, ForumClientToServerEvents>;

describe('Forum (integration)', () => {
  let t: TestApp;
  let lin: TestAgent; // agent: moderates
  let admin: TestAgent;

  const start = async (env: Record<string, string> = {}) => {
    t = await startTestApp({ DEMO_STORIES: 'false', DEMO_FORUM: 'false', FORUM_REGISTRATIONS_PER_HOUR: '1000', FORUM_POSTS_PER_10_MINUTES: '1000', ...env });
    [lin, admin] = await Promise.all([t.signIn('lin.xiao@hearth.demo'), t.signIn('admin@hearth.demo')]);
  };
  afterEach(() => t?.close());

  let seq = 0;
  const clientId = () => `c-${Date.now().toString(36)}-${++seq}`;
  const count = async (table: string) => Number((await t.app.get(DataSource).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  /** A new forum account, signed in (its cookie kept by the agent). */
  const member = async (username: string, extra: Record<string, string> = {}) => {
    const agent = request.agent(t.app.getHttpServer());
    await agent.post('/api/forum/accounts').send({ username, password: 'a-good-password', ...extra }).expect(201);
    return agent;
  };
  const boards = async () => (await t.http().get('/api/forum/boards').expect(200)).body as ForumBoard[];
  const board = async (slug: string) => (await boards()).find((b) => b.slug === slug)!;
  const startThread = async (agent: TestAgent, title = '手机充不进电怎么办', body = '试了两根线都不行', slug = 'help') =>
    (await agent.post('/api/forum/threads').send({ boardId: (await board(slug)).id, title, body, clientId: clientId() }).expect(201)).body as ForumThread;
  const reply = async (agent: TestAgent, threadId: string, body: string) =>
    (await agent.post(`/api/forum/threads/${threadId}/posts`).send({ body, clientId: clientId() }).expect(201)).body as ForumPost;
  const customerOf = async (username: string) => ((await lin.get(`/api/forum/members/${username}`).expect(200)).body as ForumMemberProfile).customerId!;
  const timeline = async (customerId: string) => (await lin.get(`/api/customers/${customerId}/timeline`).expect(200)).body.events as TimelineEvent[];
  const forumEvents = async (username: string) => (await timeline(await customerOf(username))).filter((e) => e.kind.startsWith('forum.'));

  it('should register an account as a customer with a forum identity, sign in and out, and refuse bad input without storing anything', async () => {
    await start();
    const members = await count('forum_members');
    const customers = await count('customers');
    const bad: [Record<string, unknown>, string][] = [
      [{ username: 'ab', password: 'a-good-password' }, 'username'],
      [{ username: 'has space', password: 'a-good-password' }, 'username'],
      [{ username: 'xiaoming', password: 'short' }, 'password'],
      [{ username: 'xiaoming', password: 'a-good-password', displayName: 'x'.repeat(31) }, 'displayName'],
      [{ username: 'xiaoming', password: 'a-good-password', extra: 1 }, 'extra'],
    ];
    for (const [body, field] of bad) {
      const res = await t.http().post('/api/forum/accounts').send(body).expect(400);
      expect(res.body).toMatchObject({ code: 'validation_failed' });
      expect(JSON.stringify(res.body.message)).toContain(field);
    }
    expect((await t.http().post('/api/forum/accounts').send({ username: 'xiaoming', password: 'a-good-password', phone: '12345' }).expect(400)).body.code).toBe(
      'forum.invalid_phone',
    );
    expect(await count('forum_members')).toBe(members);
    expect(await count('customers')).toBe(customers);

    const agent = request.agent(t.app.getHttpServer());
    const made = await agent.post('/api/forum/accounts').send({ username: ' XiaoMing_88 ', password: 'a-good-password', displayName: '小明' }).expect(201);
    expect(made.body).toEqual({ username: 'xiaoming_88', displayName: '小明', seniorFan: false, joinedAt: expect.any(String), phone: null });
    expect(String(made.headers['set-cookie'])).toMatch(/^hearth_forum=.+HttpOnly; SameSite=Lax/);
    expect((await agent.get('/api/forum/me').expect(200)).body).toEqual({ kind: 'member', member: made.body });
    // The account is a customer the desk can open, known on the forum channel by the username.
    const customer = (await lin.get(`/api/customers/${await customerOf('xiaoming_88')}`).expect(200)).body.customer;
    expect(customer).toMatchObject({ displayName: '小明', identities: [expect.objectContaining({ channel: 'forum', externalId: 'xiaoming_88' })] });
    // Usernames are one per person, whatever the case.
    expect((await t.http().post('/api/forum/accounts').send({ username: 'XIAOMING_88', password: 'another-password' }).expect(409)).body.code).toBe('forum.username_taken');

    await agent.delete('/api/forum/session').expect(204);
    expect((await agent.get('/api/forum/me').expect(200)).body).toEqual({ kind: 'anonymous' });
    expect((await agent.post('/api/forum/session').send({ username: 'xiaoming_88', password: 'wrong-password' }).expect(401)).body.code).toBe('forum.invalid_credentials');
    expect((await agent.post('/api/forum/session').send({ username: 'nobody_here', password: 'a-good-password' }).expect(401)).body.code).toBe('forum.invalid_credentials');
    await agent.post('/api/forum/session').send({ username: 'XiaoMing_88', password: 'a-good-password' }).expect(200);

    // Profile changes: a wrong current password changes nothing; the new one works from then on.
    expect(JSON.stringify((await agent.patch('/api/forum/me').send({ newPassword: 'a-newer-password' }).expect(400)).body.message)).toContain('currentPassword');
    expect((await agent.patch('/api/forum/me').send({ currentPassword: 'nope', newPassword: 'a-newer-password' }).expect(400)).body.code).toBe('forum.wrong_password');
    const changed = await agent.patch('/api/forum/me').send({ displayName: '小明同学', currentPassword: 'a-good-password', newPassword: 'a-newer-password' }).expect(200);
    expect(changed.body).toMatchObject({ displayName: '小明同学' });
    expect((await lin.get(`/api/customers/${await customerOf('xiaoming_88')}`).expect(200)).body.customer.displayName).toBe('小明同学');
    await t.http().post('/api/forum/session').send({ username: 'xiaoming_88', password: 'a-newer-password' }).expect(200);
    // Staff are staff on the forum too; PATCH /me is for members.
    expect((await lin.get('/api/forum/me').expect(200)).body).toEqual({ kind: 'staff', staff: { id: expect.any(String), name: '林晓', role: 'agent', canModerate: true } });
    expect((await lin.patch('/api/forum/me').send({ displayName: 'x' }).expect(403)).body.code).toBe('forum.members_only');
  });

  it("should never link a phone that is another customer's, and suggest the link to the desk instead", async () => {
    await start();
    const known = (await lin.post('/api/customers').send({ displayName: '王芳', phone: '13955550000' }).expect(201)).body.customer;
    const agent = await member('wangfang', { phone: '139 5555 0000' });
    expect((await agent.get('/api/forum/me').expect(200)).body.member.phone).toBe('+8613955550000');
    const mine = (await lin.get(`/api/customers/${await customerOf('wangfang')}`).expect(200)).body.customer;
    expect(mine.id).not.toBe(known.id);
    expect(mine.phone).toBeNull();
    const suggestion = (await timeline(mine.id)).find((e) => e.kind === 'customer.link_suggested');
    expect(suggestion?.details).toMatchObject({ phone: '+8613955550000', suggestedCustomerId: known.id, suggestedName: '王芳', username: 'wangfang' });
    expect((await lin.get(`/api/customers/${known.id}`).expect(200)).body.customer.identities).toEqual([]);
    // Staff checked and merged: the account now belongs to the known customer, and so does what it writes.
    await lin.post(`/api/customers/${known.id}/merge`).send({ fromCustomerId: mine.id }).expect(201);
    expect(await customerOf('wangfang')).toBe(known.id);
    await startThread(agent, '合并之后发的帖子');
    expect((await timeline(known.id)).find((e) => e.kind === 'forum.post')).toMatchObject({ body: '试了两根线都不行', author: { name: 'wangfang' } });

    // A phone nobody has is the new customer's own; a later change follows the same rule.
    await member('lisi', { phone: '13744448888' });
    const lisi = await customerOf('lisi');
    expect((await lin.get(`/api/customers/${lisi}`).expect(200)).body.customer.phone).toBe('+8613744448888');
    const lisiAgent = request.agent(t.app.getHttpServer());
    await lisiAgent.post('/api/forum/session').send({ username: 'lisi', password: 'a-good-password' }).expect(200);
    await lisiAgent.patch('/api/forum/me').send({ phone: '13955550000' }).expect(200);
    expect((await timeline(lisi)).filter((e) => e.kind === 'customer.link_suggested')).toHaveLength(1);
    expect((await lin.get(`/api/customers/${lisi}`).expect(200)).body.customer.phone).toBe('+8613744448888');
    await lisiAgent.patch('/api/forum/me').send({ phone: null }).expect(200);
    expect((await lin.get(`/api/customers/${lisi}`).expect(200)).body.customer.phone).toBeNull();
  });

  it('should post a thread and replies once per clientId, and put them on the author’s and the starter’s timelines', async () => {
    await start();
    const asker = await member('asker');
    const fanAgent = await member('fan_zhang', { displayName: '张老用户' });
    await lin.put('/api/forum/members/fan_zhang/senior-fan').expect(200);

    const body = { boardId: (await board('help')).id, title: '  充电很慢  ', body: '**急**：充一晚上才到 50%', clientId: clientId() };
    expect((await t.http().post('/api/forum/threads').send(body).expect(401)).body.code).toBe('forum.sign_in_required');
    const thread = (await asker.post('/api/forum/threads').send(body).expect(201)).body as ForumThread;
    expect(thread).toMatchObject({ title: '充电很慢', replyCount: 0, excerpt: '急：充一晚上才到 50%', author: { kind: 'member', username: 'asker' } });
    expect(thread.posts).toEqual([expect.objectContaining({ isOpening: true, html: '<p><strong>急</strong>：充一晚上才到 50%</p>', markdown: body.body })]);
    // A double submit is the same thread.
    expect((await asker.post('/api/forum/threads').send(body).expect(200)).body.id).toBe(thread.id);
    expect(await count('forum_threads')).toBe(1);

    const answer = { body: '换一根原装线试试，**别用**快充头', clientId: clientId() };
    const fanPost = (await fanAgent.post(`/api/forum/threads/${thread.id}/posts`).send(answer).expect(201)).body as ForumPost;
    expect(fanPost.author).toEqual({ kind: 'member', username: 'fan_zhang', displayName: '张老用户', seniorFan: true });
    expect((await fanAgent.post(`/api/forum/threads/${thread.id}/posts`).send(answer).expect(200)).body.id).toBe(fanPost.id);
    const staffPost = await reply(lin, thread.id, '我们看一下，方便留个订单号吗？');
    expect(staffPost.author).toEqual({ kind: 'staff', name: '林晓' });
    await reply(asker, thread.id, '谢谢大家');

    const read = (await t.http().get(`/api/forum/threads/${thread.id}`).expect(200)).body as ForumThread;
    expect(read).toMatchObject({ replyCount: 3, lastPoster: { kind: 'member', username: 'asker' } });
    expect(read.posts.map((p) => p.markdown)).toEqual([null, null, null, null]);

    // The asker's timeline: their own posts, and the fan's and staff's replies in their thread.
    const askerEvents = await forumEvents('asker');
    expect(askerEvents.map((e) => [e.author.type, e.body]).reverse()).toEqual([
      ['customer', '急：充一晚上才到 50%'],
      ['fan', '换一根原装线试试，别用快充头'],
      ['staff', '我们看一下，方便留个订单号吗？'],
      ['customer', '谢谢大家'],
    ]);
    const opening = askerEvents[askerEvents.length - 1];
    expect(opening.details as ForumEventDetails).toMatchObject({ threadId: thread.id, threadTitle: '充电很慢', board: '使用求助', boardSlug: 'help', isOpening: true });
    expect(opening).toMatchObject({ channel: 'forum', author: { name: 'asker' } });
    // The fan's own timeline has their one post (one event for the double submit).
    const fanEvents = await forumEvents('fan_zhang');
    expect(fanEvents).toHaveLength(1);
    expect(fanEvents[0]).toMatchObject({ author: { type: 'fan', name: '张老用户' }, details: { url: `/forum/threads/${thread.id}#post-${fanPost.id}`, isOpening: false } });

    // A clientId used in another thread is refused, not taken for that post.
    const other = await startThread(asker, '另一个问题');
    expect((await fanAgent.post(`/api/forum/threads/${other.id}/posts`).send(answer).expect(409)).body.code).toBe('forum.client_id_reused');
  });

  it('should keep members out of a locked thread while staff may still answer', async () => {
    await start();
    const asker = await member('asker');
    const thread = await startThread(asker);
    expect((await asker.put(`/api/forum/threads/${thread.id}/lock`).expect(403)).body.code).toBe('auth.forbidden');
    const locked = (await lin.put(`/api/forum/threads/${thread.id}/lock`).expect(200)).body as ForumThread;
    expect(locked).toMatchObject({ locked: true, lockedAt: expect.any(String) });
    expect((await asker.post(`/api/forum/threads/${thread.id}/posts`).send({ body: '还有人吗', clientId: clientId() }).expect(409)).body.code).toBe('forum.thread_locked');
    await reply(lin, thread.id, '这个问题已经在新帖里解答了');
    await lin.delete(`/api/forum/threads/${thread.id}/lock`).expect(200);
    await reply(asker, thread.id, '好的谢谢');
    expect(await count('forum_posts')).toBe(3);
  });

  it('should limit registrations per address and posts per member', async () => {
    await start({ FORUM_REGISTRATIONS_PER_HOUR: '2', FORUM_POSTS_PER_10_MINUTES: '3' });
    const asker = await member('first_one');
    await member('second_one');
    const limited = await t.http().post('/api/forum/accounts').send({ username: 'third_one', password: 'a-good-password' }).expect(429);
    expect(limited.body.code).toBe('rate_limited');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);

    const thread = await startThread(asker);
    await reply(asker, thread.id, '补充一下');
    await reply(asker, thread.id, '再补充一下');
    const tooFast = await asker.post(`/api/forum/threads/${thread.id}/posts`).send({ body: '又一条', clientId: clientId() }).expect(429);
    expect(tooFast.headers['retry-after']).toBeDefined();
    expect(await count('forum_posts')).toBe(3);
    // Staff answer as part of their work.
    await reply(lin, thread.id, '收到');
  });

  it("should let the starter or staff mark the answer, and show it on the asker's and the fan's timelines", async () => {
    await start();
    const asker = await member('asker');
    const fanAgent = await member('fan_li', { displayName: '李大神' });
    const bystander = await member('bystander');
    await lin.put('/api/forum/members/fan_li/senior-fan').expect(200);
    const thread = await startThread(asker, '蓝牙连不上');
    const answer = await reply(fanAgent, thread.id, '先在设置里忽略设备再重新配对');

    expect((await bystander.put(`/api/forum/threads/${thread.id}/solution`).send({ postId: answer.id }).expect(403)).body.code).toBe('auth.forbidden');
    expect((await asker.put(`/api/forum/threads/${thread.id}/solution`).send({ postId: thread.posts[0].id }).expect(400)).body.code).toBe('forum.invalid_solution');
    expect((await asker.put(`/api/forum/threads/${thread.id}/solution`).send({ postId: '999999' }).expect(400)).body.code).toBe('forum.invalid_solution');
    const solved = (await asker.put(`/api/forum/threads/${thread.id}/solution`).send({ postId: answer.id }).expect(200)).body as ForumThread;
    expect(solved).toMatchObject({ solved: true, solution: { id: answer.id, isSolution: true, author: { username: 'fan_li', seniorFan: true } } });
    // Marking it again changes nothing.
    await asker.put(`/api/forum/threads/${thread.id}/solution`).send({ postId: answer.id }).expect(200);

    const onAsker = (await forumEvents('asker')).filter((e) => e.kind === 'forum.solved');
    const onFan = (await forumEvents('fan_li')).filter((e) => e.kind === 'forum.solved');
    expect(onAsker).toHaveLength(1);
    expect(onFan).toHaveLength(1);
    expect(onAsker[0]).toMatchObject({ body: '「蓝牙连不上」已解决：采纳了 李大神 的回答', author: { type: 'customer', name: 'asker' } });
    expect(onAsker[0].details).toMatchObject({ solvedBy: { kind: 'member', username: 'fan_li', displayName: '李大神', seniorFan: true }, postId: answer.id });
    const profile = (await t.http().get('/api/forum/members/fan_li').expect(200)).body as ForumMemberProfile;
    expect(profile).toMatchObject({ seniorFan: true, fanSince: expect.any(String), helped: [{ threadId: thread.id, title: '蓝牙连不上' }] });
    expect(profile.customerId).toBeUndefined();

    // Unmarking writes no entry; staff may mark another answer.
    expect((await asker.delete(`/api/forum/threads/${thread.id}/solution`).expect(200)).body).toMatchObject({ solved: false, solution: null });
    const staffAnswer = await reply(lin, thread.id, '也可以升级一下固件');
    const byStaff = (await lin.put(`/api/forum/threads/${thread.id}/solution`).send({ postId: staffAnswer.id }).expect(200)).body as ForumThread;
    expect(byStaff.solution).toMatchObject({ author: { kind: 'staff', name: '林晓' } });
    const askerSolved = (await forumEvents('asker')).filter((e) => e.kind === 'forum.solved');
    expect(askerSolved).toHaveLength(2);
    expect(askerSolved[0]).toMatchObject({ author: { type: 'staff', name: '林晓' }, details: { solvedBy: { kind: 'staff', name: '林晓' } } });
    expect((await forumEvents('fan_li')).filter((e) => e.kind === 'forum.solved')).toHaveLength(1);
  });

  it("should put a suggestion's feedback status on every participant's timeline, once per change", async () => {
    await start();
    const author = await member('idea_author');
    const supporter = await member('supporter');
    const outsider = await member('outsider');
    const idea = await startThread(author, '希望支持深色模式', '晚上看太亮了', 'ideas');
    await reply(supporter, idea.id, '+1，很需要');
    await reply(supporter, idea.id, '顺便希望能跟随系统');
    await startThread(outsider, '别的建议', '内容', 'ideas');

    expect((await author.put(`/api/forum/threads/${idea.id}/status`).send({ status: 'planned' }).expect(403)).body.code).toBe('auth.forbidden');
    expect((await lin.put(`/api/forum/threads/${idea.id}/status`).send({ status: 'maybe' }).expect(400)).body.code).toBe('validation_failed');
    const planned = (await lin.put(`/api/forum/threads/${idea.id}/status`).send({ status: 'planned', note: '下个版本就做' }).expect(200)).body as ForumThread;
    expect(planned).toMatchObject({ feedbackStatus: 'planned', statusHistory: [{ status: 'planned', note: '下个版本就做', by: '林晓' }] });
    await lin.put(`/api/forum/threads/${idea.id}/status`).send({ status: 'planned' }).expect(200);
    expect(await count('forum_status_changes')).toBe(1);

    for (const username of ['idea_author', 'supporter']) {
      const status = (await forumEvents(username)).filter((e) => e.kind === 'forum.status');
      expect(status).toHaveLength(1);
      expect(status[0]).toMatchObject({ body: '产品建议「希望支持深色模式」状态：已计划\n下个版本就做', author: { type: 'staff', name: '林晓' } });
      expect(status[0].details).toMatchObject({ status: 'planned', previousStatus: null, note: '下个版本就做' });
    }
    expect((await forumEvents('outsider')).filter((e) => e.kind === 'forum.status')).toHaveLength(0);

    const help = await startThread(author);
    expect((await lin.put(`/api/forum/threads/${help.id}/status`).send({ status: 'heard' }).expect(400)).body.code).toBe('forum.not_a_suggestion');
    const page = (await t.http().get('/api/forum/boards/ideas/threads').expect(200)).body as ForumThreadPage & { board: ForumBoard };
    expect(page.board).toMatchObject({ slug: 'ideas', kind: 'suggestion', threadCount: 2 });
    expect(page.threads.find((th) => th.id === idea.id)?.feedbackStatus).toBe('planned');
  });

  it('should hide a post from the public (posts, counts, last poster, lists) while its author and staff still see it', async () => {
    await start();
    const asker = await member('asker');
    const spammer = await member('spammer');
    const thread = await startThread(asker);
    const spam = await reply(spammer, thread.id, '加微信买便宜配件');
    const publicThread = async () => (await t.http().get(`/api/forum/threads/${thread.id}`).expect(200)).body as ForumThread;
    expect(await publicThread()).toMatchObject({ replyCount: 1, lastPoster: { username: 'spammer' } });

    expect((await asker.put(`/api/forum/posts/${spam.id}/hidden`).send({ reason: '广告' }).expect(403)).body.code).toBe('auth.forbidden');
    expect((await lin.put(`/api/forum/posts/${spam.id}/hidden`).send({ reason: ' ' }).expect(400)).body.code).toBe('validation_failed');
    const hidden = (await lin.put(`/api/forum/posts/${spam.id}/hidden`).send({ reason: '广告' }).expect(200)).body as ForumPost;
    expect(hidden.hidden).toEqual({ reason: '广告', by: '林晓', at: expect.any(String) });

    const seen = await publicThread();
    expect(seen).toMatchObject({ replyCount: 0, lastPoster: { username: 'asker' } });
    expect(seen.posts.map((p) => p.id)).toEqual([thread.posts[0].id]);
    expect((await t.http().get(`/api/forum/threads/${thread.id}/posts`).expect(200)).body.posts).toHaveLength(1);
    const listed = ((await t.http().get('/api/forum/threads').expect(200)).body as ForumThreadPage).threads[0];
    expect(listed).toMatchObject({ replyCount: 0, lastPoster: { username: 'asker' } });
    // Its author sees it, with the reason; staff see it with its Markdown.
    expect(((await spammer.get(`/api/forum/threads/${thread.id}`).expect(200)).body as ForumThread).posts[1]).toMatchObject({ id: spam.id, hidden: { reason: '广告' } });
    expect(((await lin.get(`/api/forum/threads/${thread.id}`).expect(200)).body as ForumThread).posts[1]).toMatchObject({ markdown: '加微信买便宜配件', hidden: { by: '林晓' } });
    expect(((await asker.get(`/api/forum/threads/${thread.id}`).expect(200)).body as ForumThread).posts).toHaveLength(1);
    // The desk keeps the history, marked hidden with the reason; staff watching see a new reason live.
    const [spamEvent] = await forumEvents('spammer');
    expect(spamEvent).toMatchObject({ body: '加微信买便宜配件', details: { postId: spam.id, hidden: { reason: '广告', at: hidden.hidden!.at } } });
    const desk = await t.staffSocket('chen.siyuan@hearth.demo');
    await desk.emitWithAck('customer.watch', { customerId: spamEvent.customerId });
    const told = new Promise<TimelineEvent>((resolve) => desk.once('timeline.event', resolve));
    await lin.put(`/api/forum/posts/${spam.id}/hidden`).send({ reason: '广告，已私信提醒' }).expect(200);
    expect(await told).toMatchObject({ id: spamEvent.id, details: { hidden: { reason: '广告，已私信提醒', at: hidden.hidden!.at } } });
    // A staff reply in the asker's thread is on the asker's timeline: marked there too.
    const slip = await reply(lin, thread.id, '发错帖了');
    await lin.put(`/api/forum/posts/${slip.id}/hidden`).send({ reason: '发错了' }).expect(200);
    expect((await forumEvents('asker')).find((e) => e.details?.['postId'] === slip.id)).toMatchObject({ details: { hidden: { reason: '发错了' } } });

    // A hidden opening post takes the whole thread away from the public.
    await lin.put(`/api/forum/posts/${thread.posts[0].id}/hidden`).send({ reason: '重复提问' }).expect(200);
    expect((await t.http().get(`/api/forum/threads/${thread.id}`).expect(404)).body.code).toBe('forum.thread_not_found');
    expect(((await t.http().get('/api/forum/threads').expect(200)).body as ForumThreadPage).threads).toEqual([]);
    expect((await board('help')).threadCount).toBe(0);
    await asker.get(`/api/forum/threads/${thread.id}`).expect(200);
    await lin.delete(`/api/forum/posts/${thread.posts[0].id}/hidden`).expect(200);
    await lin.delete(`/api/forum/posts/${spam.id}/hidden`).expect(200);
    expect(await publicThread()).toMatchObject({ replyCount: 1, lastPoster: { username: 'spammer' } });
    expect((await forumEvents('spammer'))[0].details).not.toHaveProperty('hidden');
    expect((await forumEvents('spammer'))[0].details).toMatchObject({ postId: spam.id, isOpening: false });
    await t.http().get('/api/forum/threads/not-a-thread').expect(404);
    await lin.put('/api/forum/posts/abc/hidden').send({ reason: 'x' }).expect(404);
  });

  it('should page thread lists newest activity first with keyset cursors', async () => {
    await start();
    const asker = await member('asker');
    const made: string[] = [];
    for (let i = 1; i <= 5; i++) made.push((await startThread(asker, `第 ${i} 个问题`)).id);
    await reply(asker, made[0], '顶一下'); // the first thread is now the newest activity
    const seen: ForumThreadSummary[] = [];
    let cursor: string | null = null;
    do {
      const page = (await t.http().get('/api/forum/threads').query({ limit: 2, ...(cursor ? { before: cursor } : {}) }).expect(200)).body as ForumThreadPage;
      expect(page.threads.length).toBeLessThanOrEqual(2);
      seen.push(...page.threads);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((th) => th.id)).toEqual([made[0], made[4], made[3], made[2], made[1]]);
    expect((await t.http().get('/api/forum/threads').query({ before: 'garbage' }).expect(400)).body.code).toBe('forum.invalid_cursor');
    await t.http().get('/api/forum/threads').query({ limit: 51 }).expect(400);
    expect((await t.http().get('/api/forum/boards/nope/threads').expect(404)).body.code).toBe('forum.board_not_found');
    expect(((await t.http().get('/api/forum/boards/showcase/threads').expect(200)).body as ForumThreadPage).threads).toEqual([]);

    // Admins manage boards; an archived board leaves the lists and takes no new threads.
    const made2 = (await admin.post('/api/forum/boards').send({ slug: 'old-news', name: '旧闻', kind: 'showcase' }).expect(201)).body as ForumBoard;
    expect(made2).toMatchObject({ slug: 'old-news', position: 3, archived: false, threadCount: 0 });
    expect((await admin.post('/api/forum/boards').send({ slug: 'old-news', name: '重复', kind: 'help' }).expect(409)).body.code).toBe('forum.slug_taken');
    expect((await lin.post('/api/forum/boards').send({ slug: 'x-board', name: 'x', kind: 'help' }).expect(403)).body.code).toBe('auth.forbidden');
    await admin.patch(`/api/forum/boards/${made2.id}`).send({ archived: true }).expect(200);
    expect((await boards()).map((b) => b.slug)).toEqual(['help', 'ideas', 'showcase']);
    expect(((await admin.get('/api/forum/boards?all=true').expect(200)).body as ForumBoard[]).map((b) => b.slug)).toContain('old-news');
    const refused = await asker.post('/api/forum/threads').send({ boardId: made2.id, title: '还能发吗', body: '试试', clientId: clientId() }).expect(400);
    expect(refused.body.code).toBe('forum.board_archived');
  });

  it('should send new posts live to readers watching a thread, and what they missed when they come back', async () => {
    await start();
    const asker = await member('asker');
    const spammer = await member('spammer');
    const thread = await startThread(asker);
    if (!t.app.getHttpServer().listening) await t.app.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(t.app.getHttpServer().address() as AddressInfo).port}/forum`;
    const socket: ForumSocket = io(url, { transports: ['websocket'], reconnection: false, forceNew: true });
    try {
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      const watch = (payload: { threadId: string; afterPostId?: string }) =>
        new Promise<Ack<{ missed: ForumPost[] }>>((resolve) => socket.emit('thread.watch', payload, resolve));
      expect(await watch({ threadId: '00000000-0000-4000-8000-000000000000' })).toMatchObject({ ok: false, code: 'forum.thread_not_found' });
      expect(await watch({ threadId: thread.id })).toEqual({ ok: true, missed: [] });

      const live = new Promise<ForumPost>((resolve) => socket.once('forum.post', resolve));
      const header = new Promise<Parameters<ForumServerToClientEvents['forum.thread']>[0]>((resolve) => socket.once('forum.thread', resolve));
      const posted = await reply(spammer, thread.id, '加微信买便宜配件');
      expect(await live).toMatchObject({ id: posted.id, markdown: null, hidden: null, author: { username: 'spammer' } });
      expect(await header).toMatchObject({ id: thread.id, replyCount: 1, solutionPostId: null });

      const gone = new Promise<{ threadId: string; postId: string }>((resolve) => socket.once('forum.post_hidden', resolve));
      await lin.put(`/api/forum/posts/${posted.id}/hidden`).send({ reason: '广告' }).expect(200);
      expect(await gone).toEqual({ threadId: thread.id, postId: posted.id });

      const second = await reply(asker, thread.id, '有人知道吗');
      const back = await watch({ threadId: thread.id, afterPostId: thread.posts[0].id });
      // Missed posts are the public view: the hidden one is not among them.
      expect(back.ok && back.missed.map((p) => p.id)).toEqual([second.id]);

      // Hiding the opening post takes the whole thread off the socket: watchers hear it is gone,
      // then nothing more (not a staff reply, not a lock), and cannot watch it again.
      const heard: string[] = [];
      socket.onAny((event: string) => heard.push(event));
      await lin.put(`/api/forum/posts/${thread.posts[0].id}/hidden`).send({ reason: '违规内容' }).expect(200);
      await reply(lin, thread.id, '这个话题已处理');
      await reply(asker, thread.id, '为什么？');
      await lin.put(`/api/forum/threads/${thread.id}/lock`).expect(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(heard).toEqual(['forum.post_hidden']);
      expect(await watch({ threadId: thread.id })).toMatchObject({ ok: false, code: 'forum.thread_not_found' });
    } finally {
      socket.disconnect();
    }
  });

  it('should keep an archived board readable on its own page but closed to members, and refuse a post cursor past any id', async () => {
    await start();
    const asker = await member('asker');
    const thread = await startThread(asker);
    await reply(asker, thread.id, '第一条回复');
    const help = await board('help');
    await admin.patch(`/api/forum/boards/${help.id}`).send({ archived: true }).expect(200);
    const page = (await t.http().get('/api/forum/boards/help/threads').expect(200)).body as ForumThreadPage;
    expect(page.threads.map((th) => th.id)).toEqual([thread.id]);
    expect(((await t.http().get('/api/forum/threads').expect(200)).body as ForumThreadPage).threads).toEqual([]);
    const refused = await asker.post(`/api/forum/threads/${thread.id}/posts`).send({ body: '还能回复吗', clientId: clientId() }).expect(400);
    expect(refused.body.code).toBe('forum.board_archived');
    expect(await count('forum_posts')).toBe(2);
    await reply(lin, thread.id, '这个版块已归档，欢迎到新版块继续讨论。');

    const bad = await t.http().get(`/api/forum/threads/${thread.id}/posts`).query({ after: '9999999999' }).expect(400);
    expect(bad.body.code).toBe('forum.invalid_cursor');
  });

  it('should count registrations and failed sign-ins sent all at once against the limit', async () => {
    await start({ FORUM_REGISTRATIONS_PER_HOUR: '4', LOGIN_MAX_FAILURES: '3' });
    await t.http().post('/api/forum/accounts').send({ username: 'burst_first', password: 'a-good-password' }).expect(201);
    // A taken name makes no account, so it gives its point back.
    await t.http().post('/api/forum/accounts').send({ username: 'burst_first', password: 'a-good-password' }).expect(409);
    const results = await Promise.all(
      Array.from({ length: 8 }, (_, i) => t.http().post('/api/forum/accounts').send({ username: `burst_${i}`, password: 'a-good-password' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(3);
    expect(results.filter((r) => r.status === 429)).toHaveLength(5);
    expect(await count('forum_members')).toBe(4);

    const guesses = await Promise.all(
      Array.from({ length: 8 }, () => t.http().post('/api/forum/session').send({ username: 'burst_first', password: 'wrong-password' })),
    );
    expect(guesses.filter((r) => r.status === 401)).toHaveLength(3);
    expect(guesses.filter((r) => r.status === 429)).toHaveLength(5);
  });

  it('should store every XSS payload harmlessly and render previews and uploaded images the same way', async () => {
    await start();
    const asker = await member('asker');
    const thread = await startThread(asker, 'XSS 测试', '<script>alert(1)</script>');
    for (const payload of XSS_PAYLOADS) await reply(asker, thread.id, payload);
    const first = (await t.http().get(`/api/forum/threads/${thread.id}`).expect(200)).body as ForumThread;
    const rest = (await t.http().get(`/api/forum/threads/${thread.id}/posts`).query({ after: first.nextCursor!, limit: 50 }).expect(200)).body.posts as ForumPost[];
    const posts = [...first.posts, ...rest];
    expect(posts).toHaveLength(XSS_PAYLOADS.length + 1);
    for (const post of posts) {
      const tags = (post.html.match(/<[a-z][^>]*>/gi) ?? []).join('');
      expect(post.html).not.toMatch(/<script|<iframe|<svg|<object|<embed|<style/i);
      expect(tags.replace(/"[^"]*"/g, '""')).not.toMatch(/\son\w+=/i);
      expect(tags).not.toMatch(/(href|src)="\s*(javascript|vbscript|data):/i);
    }
    // The timeline keeps plain text, never markup.
    expect((await forumEvents('asker')).some((e) => e.body.includes('<script>'))).toBe(true);

    expect((await asker.post('/api/forum/preview').send({ body: '**hi** <b>x</b>' }).expect(200)).body).toEqual({ html: '<p><strong>hi</strong> &lt;b&gt;x&lt;/b&gt;</p>' });
    await t.http().post('/api/forum/preview').send({ body: 'x' }).expect(401);
    await t.http().post('/api/forum/images').attach('file', Buffer.from('x'), 'a.png').expect(401);
    const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#2e86de' } }).png().toBuffer();
    const image = (await asker.post('/api/forum/images').attach('file', png, 'shot.png').expect(201)).body;
    expect(image).toMatchObject({ url: `/api/chat/images/${image.id}`, width: 40, height: 30 });
    const withImage = await reply(asker, thread.id, `截图如下 ![截图](${image.url})`);
    expect(withImage.html).toBe(`<p>截图如下 <img src="${image.url}" alt="截图" /></p>`);
    const event = (await forumEvents('asker')).find((e) => (e.details as ForumEventDetails).postId === withImage.id)!;
    expect(event.body).toBe('截图如下 [图片]');
    expect((event.details as ForumEventDetails).images).toEqual([image]);
  });
});
