import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Stream } from 'node:stream';
import sharp from 'sharp';
import request from 'supertest';
import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import { ChatService } from '../chat/chat.service';
import { VisitorTokens } from '../chat/visitor-tokens';
import { AuditService } from '../audit/audit.service';
import type { AuditEntry, ForumBoard, ForumThread, TimelineEvent } from '../realtime/contract';
import { startTestApp, TestApp } from '../testing/test-app';
import { ERASED_NAME } from './customer-erasure';
import { FORUM_TOMBSTONE } from './forum-privacy';
import { readZip } from './testing/read-zip';

const png = (colour: string) => sharp({ create: { width: 32, height: 24, channels: 3, background: colour } }).png().toBuffer();
const clientId = () => `c-${Math.random().toString(36).slice(2, 12)}`;

function bytes(res: Stream, done: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}

describe('Privacy: export and erase (integration)', () => {
  let t: TestApp;
  let admin: TestAgent;
  let lin: TestAgent; // an agent
  let wang: TestAgent; // store staff
  let zhou: TestAgent; // a manager

  beforeEach(async () => {
    t = await startTestApp();
    [admin, lin, wang, zhou] = await Promise.all(
      ['admin@hearth.demo', 'lin.xiao@hearth.demo', 'wang.lei@hearth.demo', 'zhou.ting@hearth.demo'].map((e) => t.signIn(e)),
    );
  });
  afterEach(() => t.close());

  const uploads = () => path.join(t.config.dataDir, 'uploads');
  const exists = (relative: string) => fs.existsSync(path.join(uploads(), relative));
  const imageRow = async (id: string) =>
    (await t.app.get(DataSource).query(t.config.database.kind === 'postgres' ? 'SELECT * FROM chat_images WHERE id = $1' : 'SELECT * FROM chat_images WHERE id = ?', [id]))[0] as
      | { storage_path: string; thumb_path: string }
      | undefined;
  const timeline = async (id: string) => (await admin.get(`/api/customers/${id}/timeline?limit=200`).expect(200)).body.events as TimelineEvent[];
  const search = async (q: string) => ((await lin.get('/api/customers').query({ q }).expect(200)).body.results as { customer: { id: string } }[]).map((r) => r.customer.id);

  /**
   * One person who reached us everywhere: a web-chat visitor (text and a picture), a forum member
   * (a thread with a picture), merged into one customer with a phone and notes; a store visit with
   * a photo, an internal note, a resolved case with their words, a gesture with their reaction.
   */
  async function person() {
    // Forum: an account (its own customer), a picture, a thread showing it.
    const member = (await import('supertest')).default.agent(t.app.getHttpServer());
    await member.post('/api/forum/accounts').send({ username: 'lanmei_88', password: 'a-good-password', displayName: '蓝莓' }).expect(201);
    const forumImage = (await member.post('/api/forum/images').attach('file', await png('#2e86de'), 'forum.png').expect(201)).body as { id: string; url: string };
    const boards = (await t.http().get('/api/forum/boards').expect(200)).body as ForumBoard[];
    const thread = (
      await member
        .post('/api/forum/threads')
        .send({ boardId: boards.find((b) => b.slug === 'help')!.id, title: '耳机左边没声音', body: `紫藤耳机左边突然没声音了 ![照片](${forumImage.url})`, clientId: clientId() })
        .expect(201)
    ).body as ForumThread;
    const customerId = (await lin.get('/api/forum/members/lanmei_88').expect(200)).body.customerId as string;

    // Web chat: a visitor writes and sends a picture (their own customer, merged in below).
    const { visitorId, token } = t.app.get(VisitorTokens).issue();
    const chatImage = (await t.http().post('/api/chat/images').set('X-Visitor-Token', token).attach('file', await png('#c0392b'), 'chat.png').expect(201)).body as { id: string };
    const chat = t.app.get(ChatService);
    await chat.sendFromVisitor(visitorId, { clientId: clientId(), body: '我的琥珀充电盒坏了，电话13912345678' });
    await chat.sendFromVisitor(visitorId, { clientId: clientId(), imageId: chatImage.id });
    const visitorCustomer = await chat.visitorCustomerId(visitorId);
    await lin.post(`/api/customers/${customerId}/merge`).send({ fromCustomerId: visitorCustomer }).expect(201);
    await lin.patch(`/api/customers/${customerId}`).send({ phone: '13912345678', notes: '喜欢周末来店里' }).expect(200);

    // Store visit with a photo; a desk note; a case resolved with their words; a gesture with a reaction.
    const visitPhoto = (await wang.post('/api/chat/images').attach('file', await png('#27ae60'), 'visit.png').expect(201)).body as { id: string };
    await wang.post('/api/visits').send({ clientId: clientId(), customerId, reasons: ['repair'], reasonText: '琥珀充电盒不充电', actions: '换了新的', outcome: 'solved', imageIds: [visitPhoto.id] }).expect(201);
    await lin.post(`/api/customers/${customerId}/notes`).send({ body: '内部备注：客人说下周出差', clientId: clientId() }).expect(201);
    const opened = (await lin.post('/api/cases').send({ clientId: clientId(), customerId, title: '充电盒不充电' }).expect(201)).body as { id: string };
    await lin
      .put(`/api/cases/${opened.id}/resolution`)
      .send({ expectedVersion: 0, needed: '充电盒要能用', did: '门店当场换新', felt: '松了一口气', customerWords: '琥珀色的新盒子真好看' })
      .expect(200);
    const gesture = (await lin.post('/api/gestures').send({ clientId: clientId(), customerId, caseId: opened.id, kind: 'handwritten_card', note: '写了张卡片', status: 'given' }).expect(201)).body as {
      id: string;
    };
    await lin.patch(`/api/gestures/${gesture.id}`).send({ reaction: '收到卡片很开心' }).expect(200);
    return { customerId, visitorId, thread, caseId: opened.id, images: { forum: forumImage.id, chat: chatImage.id, visit: visitPhoto.id } };
  }

  it('should export everything about a customer as a zip with their pictures, for admins only', async () => {
    const p = await person();
    for (const agent of [lin, wang, zhou]) expect((await agent.get(`/api/customers/${p.customerId}/export`).expect(403)).body.code).toBeDefined();

    const res = await admin.get(`/api/customers/${p.customerId}/export`).buffer(true).parse(bytes).expect(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="customer-${p.customerId}.zip"`);
    const files = readZip(res.body as Buffer);
    const data = JSON.parse(files.get('customer.json')!.toString('utf8'));

    expect(data.customer).toMatchObject({ id: p.customerId, displayName: '蓝莓', phone: '+8613912345678', notes: '喜欢周末来店里' });
    expect(data.identities.map((i: { channel: string }) => i.channel).sort()).toEqual(['forum', 'web']);
    expect(data.mergedCustomers).toHaveLength(1);
    // Every event, internal notes included, in the order recorded.
    const events = data.events as TimelineEvent[];
    expect(events.map((e) => e.id)).toEqual((await timeline(p.customerId)).map((e) => e.id).reverse());
    expect(events.map((e) => e.body)).toEqual(expect.arrayContaining(['我的琥珀充电盒坏了，电话13912345678', '内部备注：客人说下周出差']));
    expect(events.find((e) => e.kind === 'note')).toMatchObject({ internal: true });
    expect(data.cases).toEqual([
      expect.objectContaining({ id: p.caseId, title: '充电盒不充电', resolutions: [expect.objectContaining({ version: 1, customerWords: '琥珀色的新盒子真好看' })] }),
    ]);
    expect(data.gestures).toEqual([expect.objectContaining({ kind: 'handwritten_card', reaction: '收到卡片很开心' })]);
    expect(data.forum.accounts).toEqual([expect.objectContaining({ username: 'lanmei_88', displayName: '蓝莓' })]);
    expect(JSON.stringify(data.forum.accounts)).not.toMatch(/passwordHash|scrypt/);
    expect(data.forum.threads).toEqual([expect.objectContaining({ id: p.thread.id, title: '耳机左边没声音' })]);
    expect(data.forum.posts[0].bodyMarkdown).toContain('紫藤耳机左边突然没声音了');

    // The three pictures, as stored (originals), each listed with its file.
    const listed = data.images as { id: string; file: string; mime: string }[];
    expect(listed.map((i) => i.id).sort()).toEqual(Object.values(p.images).sort());
    for (const image of listed) {
      const row = (await imageRow(image.id))!;
      expect(image.file).toBe(`attachments/${path.posix.basename(row.storage_path)}`);
      expect(files.get(image.file)!.equals(fs.readFileSync(path.join(uploads(), row.storage_path)))).toBe(true);
    }
    expect([...files.keys()].sort()).toEqual(['customer.json', ...listed.map((i) => i.file)].sort());
  });

  it('should erase identities, words, pictures and search hits while the timeline keeps its shape', async () => {
    const p = await person();
    const before = await timeline(p.customerId);
    const paths = await Promise.all(Object.values(p.images).map(async (id) => (await imageRow(id))!));
    expect(await search('琥珀充电')).toContain(p.customerId);
    expect(await search('蓝莓')).toContain(p.customerId);

    // Admins only, and only with the name typed as shown.
    for (const agent of [lin, wang, zhou]) await agent.post(`/api/customers/${p.customerId}/erase`).send({ confirmName: '蓝莓' }).expect(403);
    expect((await admin.post(`/api/customers/${p.customerId}/erase`).send({ confirmName: '蓝' }).expect(400)).body.code).toBe('privacy.confirm_mismatch');
    expect((await timeline(p.customerId)).map((e) => e.body)).toEqual(before.map((e) => e.body));

    const erased = (await admin.post(`/api/customers/${p.customerId}/erase`).send({ confirmName: ' 蓝莓 ' }).expect(200)).body;
    expect(erased).toMatchObject({ alreadyErased: false, customer: { id: p.customerId, displayName: ERASED_NAME, phone: null, notes: '', identities: [] } });
    expect(erased.customer.erasedAt).toEqual(expect.any(String));

    // The same events, kinds, channels, author types and times; no words, no details, no customer names.
    const after = await timeline(p.customerId);
    expect(after.map((e) => [e.id, e.kind, e.channel, e.author.type, e.occurredAt])).toEqual(before.map((e) => [e.id, e.kind, e.channel, e.author.type, e.occurredAt]));
    for (const e of after) {
      expect(e.body).toBe('');
      expect(e.details).toEqual({ erased: true });
      if (e.author.type === 'customer' || e.author.type === 'fan') expect(e.author.name).toBeNull();
    }
    // Staff who acted are still named (what staff did stays, as a shape).
    expect(after.find((e) => e.kind === 'store.visit')!.author.name).toBe('王磊');

    // Search finds nothing of theirs: not their words, not their name, not their phone.
    for (const q of ['琥珀充电', '蓝莓', '内部备注', '13912345678', 'lanmei']) expect(await search(q)).not.toContain(p.customerId);

    // Pictures gone from disk and database.
    for (const [i, id] of Object.values(p.images).entries()) {
      expect(await imageRow(id)).toBeUndefined();
      expect(exists(paths[i].storage_path)).toBe(false);
      expect(exists(paths[i].thumb_path)).toBe(false);
    }

    // The case keeps what staff wrote; the customer's words and reaction are gone.
    const story = (await lin.get(`/api/cases/${p.caseId}`).expect(200)).body;
    expect(JSON.stringify(story)).not.toMatch(/琥珀色的新盒子|收到卡片很开心|蓝莓/);
    expect(JSON.stringify(story)).toContain('门店当场换新');

    // The forum account is closed; its public post reads the tombstone, without the picture.
    expect((await t.http().post('/api/forum/session').send({ username: 'lanmei_88', password: 'a-good-password' })).status).toBe(401);
    const publicThread = (await t.http().get(`/api/forum/threads/${p.thread.id}`).expect(200)).body;
    expect(JSON.stringify(publicThread)).not.toMatch(/紫藤耳机|蓝莓|耳机左边没声音/);
    expect(JSON.stringify(publicThread)).toContain('此内容已应用户要求删除');
    expect(FORUM_TOMBSTONE).toContain('Removed at the member’s request');

    // The visitor's chat starts over: the old visitor id belongs to nobody now.
    expect(await t.app.get(ChatService).visitorCustomerId(p.visitorId)).toBeNull();
    expect((await t.app.get(ChatService).history(p.visitorId, undefined, 50)).messages).toEqual([]);

    // Erasing twice is harmless.
    expect((await admin.post(`/api/customers/${p.customerId}/erase`).send({ confirmName: 'anything' }).expect(200)).body).toMatchObject({ alreadyErased: true });
    expect((await timeline(p.customerId)).length).toBe(before.length);
  });

  it("should take an erased member's thread title and name out of other people's forum events too", async () => {
    const p = await person();
    // Another member answers in the erased person's thread, and asks a question the erased person solves.
    const other = request.agent(t.app.getHttpServer());
    await other.post('/api/forum/accounts').send({ username: 'other_one', password: 'a-good-password', displayName: '路人乙' }).expect(201);
    await other.post(`/api/forum/threads/${p.thread.id}/posts`).send({ body: '我也遇到过，重启就好了', clientId: clientId() }).expect(201);
    const boards = (await t.http().get('/api/forum/boards').expect(200)).body as ForumBoard[];
    const asked = (
      await other.post('/api/forum/threads').send({ boardId: boards.find((b) => b.slug === 'help')!.id, title: '手表表带怎么换', body: '卡扣找不到', clientId: clientId() }).expect(201)
    ).body as { id: string };
    const blueberry = request.agent(t.app.getHttpServer());
    await blueberry.post('/api/forum/session').send({ username: 'lanmei_88', password: 'a-good-password' }).expect(200);
    const answer = (await blueberry.post(`/api/forum/threads/${asked.id}/posts`).send({ body: '背面有个小按钮', clientId: clientId() }).expect(201)).body as { id: string };
    await other.put(`/api/forum/threads/${asked.id}/solution`).send({ postId: answer.id }).expect(200);
    const otherId = (await lin.get('/api/forum/members/other_one').expect(200)).body.customerId as string;
    const quoting = JSON.stringify(await timeline(otherId));
    expect(quoting).toContain('耳机左边没声音');
    expect(quoting).toContain('蓝莓');

    await admin.post(`/api/customers/${p.customerId}/erase`).send({ confirmName: '蓝莓' }).expect(200);
    const after = await timeline(otherId);
    expect(JSON.stringify(after)).not.toMatch(/耳机左边没声音|蓝莓|lanmei_88/);
    expect(after.find((e) => e.kind === 'forum.solved')?.body).toContain('已注销用户');
    // Their own words stay theirs: the reply and the question are still there.
    expect(after.map((e) => e.body)).toContain('我也遇到过，重启就好了');
    expect(await search('耳机左边')).toEqual([]);
  });

  it('should tell staff watching the customer that the page changed', async () => {
    const customer = (await lin.post('/api/customers').send({ displayName: '周先生' }).expect(201)).body.customer;
    const desk = await t.staffSocket('chen.siyuan@hearth.demo');
    await desk.emitWithAck('customer.watch', { customerId: customer.id });
    const told = new Promise<{ customerId: string }>((resolve) => desk.once('customer.erased', resolve));
    await admin.post(`/api/customers/${customer.id}/erase`).send({ confirmName: '周先生' }).expect(200);
    expect(await told).toEqual({ customerId: customer.id });
  });

  it('should record views, exports and erasures in the audit log with who did them, and never the name', async () => {
    const customer = (await lin.post('/api/customers').send({ displayName: '钱女士' }).expect(201)).body.customer;
    await lin.get(`/api/customers/${customer.id}`).expect(200);
    await lin.get(`/api/customers/${customer.id}/timeline`).expect(200); // a timeline page is not a view
    await admin.get(`/api/customers/${customer.id}/export`).buffer(true).parse(bytes).expect(200);
    await admin.post(`/api/customers/${customer.id}/erase`).send({ confirmName: '错的名字' }).expect(400); // refused: not recorded
    await admin.post(`/api/customers/${customer.id}/erase`).send({ confirmName: '钱女士' }).expect(200);

    const entries = (await admin.get('/api/audit').query({ targetId: customer.id }).expect(200)).body.entries as AuditEntry[];
    expect(entries.map((e) => [e.action, e.staff.name, e.staff.role])).toEqual([
      ['customer.erase', '管理员 Admin', 'admin'],
      ['customer.export', '管理员 Admin', 'admin'],
      ['customer.view', '林晓', 'agent'],
    ]);
    expect(entries[0]).toMatchObject({ target: { type: 'customer', id: customer.id }, details: { alreadyErased: false } });
    expect(JSON.stringify(entries)).not.toContain('钱女士');
  });

  it('should erase nothing when its audit entry cannot be written, since both are one transaction', async () => {
    const customer = (await lin.post('/api/customers').send({ displayName: '孙先生', phone: '13800138123' }).expect(201)).body.customer;
    await lin.post(`/api/customers/${customer.id}/notes`).send({ body: '孙先生的耳机左边没声音', clientId: clientId() }).expect(201);
    const audit = t.app.get(AuditService);
    const failing = jest.spyOn(audit, 'recordWithin').mockRejectedValueOnce(new Error('audit log unavailable'));
    try {
      await admin.post(`/api/customers/${customer.id}/erase`).send({ confirmName: '孙先生' }).expect(500);
    } finally {
      failing.mockRestore();
    }
    const kept = (await admin.get(`/api/customers/${customer.id}`).expect(200)).body.customer;
    expect(kept).toMatchObject({ displayName: '孙先生', erasedAt: null });
    expect(JSON.stringify(await timeline(customer.id))).toContain('耳机左边没声音');
    const entries = () => admin.get('/api/audit').query({ targetId: customer.id, action: 'customer.erase' }).expect(200);
    expect((await entries()).body.entries).toEqual([]);

    await admin.post(`/api/customers/${customer.id}/erase`).send({ confirmName: '孙先生' }).expect(200);
    expect((await entries()).body.entries).toHaveLength(1);
    expect(JSON.stringify(await timeline(customer.id))).not.toContain('耳机左边没声音');
  });
});
