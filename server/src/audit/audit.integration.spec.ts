import TestAgent from 'supertest/lib/agent';
import { DataSource } from 'typeorm';
import type { AuditEntry, AuditPage, ForumBoard, ForumThread } from '../realtime/contract';
import { startTestApp, TestApp } from '../testing/test-app';

describe('Audit log (integration)', () => {
  let t: TestApp;
  let admin: TestAgent;
  let lin: TestAgent;

  beforeEach(async () => {
    t = await startTestApp();
    [admin, lin] = await Promise.all([t.signIn('admin@hearth.demo'), t.signIn('lin.xiao@hearth.demo')]);
  });
  afterEach(() => t.close());

  const page = async (query: Record<string, string | number> = {}) => (await admin.get('/api/audit').query(query).expect(200)).body as AuditPage;
  const newCustomer = async (displayName: string) => (await lin.post('/api/customers').send({ displayName }).expect(201)).body.customer as { id: string };

  it('should be readable by admins only', async () => {
    for (const email of ['lin.xiao@hearth.demo', 'wang.lei@hearth.demo', 'zhou.ting@hearth.demo']) {
      await (await t.signIn(email)).get('/api/audit').expect(403);
    }
    await t.http().get('/api/audit').expect(401);
    expect((await admin.get('/api/audit').query({ before: 'not-a-cursor' }).expect(400)).body.code).toBe('audit.bad_cursor');
    expect((await admin.get('/api/audit').query({ staffId: 'nope' }).expect(400)).body.code).toBeDefined();
  });

  it('should list newest first in keyset pages, filtered by staff, target or action', async () => {
    const customer = await newCustomer('翻页顾客');
    for (let i = 0; i < 5; i++) await lin.get(`/api/customers/${customer.id}`).expect(200);
    await admin.get(`/api/customers/${customer.id}`).expect(200);

    const first = await page({ targetId: customer.id, limit: 4 });
    expect(first.entries.map((e) => e.staff.name)).toEqual(['管理员 Admin', '林晓', '林晓', '林晓']);
    const second = await page({ targetId: customer.id, limit: 4, before: first.nextCursor! });
    expect(second.entries).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
    const ids = [...first.entries, ...second.entries].map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));

    const linId = first.entries[1].staff.id;
    expect((await page({ staffId: linId, action: 'customer.view' })).entries.every((e) => e.staff.id === linId && e.action === 'customer.view')).toBe(true);
    expect((await page({ staffId: linId, action: 'customer.view' })).entries).toHaveLength(5);
  });

  it('should record staff, stores and forum moderation with field names but never values or secrets', async () => {
    const staffList = (await admin.get('/api/staff').expect(200)).body.staff as { id: string; email: string }[];
    const emma = staffList.find((s) => s.email === 'emma@hearth.demo')!;
    await admin.patch(`/api/staff/${emma.id}`).send({ displayName: 'Emma W.' }).expect(200);
    await admin.post(`/api/staff/${emma.id}/password`).send({ password: 'a-brand-new-secret-1' }).expect(204);

    // Forum moderation by an agent (the forum's own staff reader).
    const member = (await import('supertest')).default.agent(t.app.getHttpServer());
    await member.post('/api/forum/accounts').send({ username: 'audit_fan', password: 'a-good-password' }).expect(201);
    const boards = (await t.http().get('/api/forum/boards').expect(200)).body as ForumBoard[];
    const thread = (await member.post('/api/forum/threads').send({ boardId: boards[0].id, title: '一个问题', body: '内容', clientId: 'thread-0001' }).expect(201)).body as ForumThread;
    const spam = (await member.post(`/api/forum/threads/${thread.id}/posts`).send({ body: '加我微信买便宜货', clientId: 'reply-0001' }).expect(201)).body as { id: string };
    await lin.put(`/api/forum/posts/${spam.id}/hidden`).send({ reason: '广告' }).expect(200);
    await lin.put(`/api/forum/threads/${thread.id}/lock`).expect(200);

    const entries = (await page()).entries;
    const find = (action: string) => entries.find((e) => e.action === action);
    expect(find('staff.update')).toMatchObject({ staff: { name: '管理员 Admin' }, target: { type: 'staff', id: emma.id }, details: { fields: ['displayName'] } });
    expect(find('staff.password_reset')).toMatchObject({ target: { type: 'staff', id: emma.id }, details: null });
    expect(find('forum.thread.lock')).toMatchObject({ staff: { name: '林晓', role: 'agent' }, target: { type: 'forum_thread', id: thread.id } });
    expect(find('forum.post.hide')).toMatchObject({ staff: { name: '林晓' }, target: { type: 'forum_post', id: spam.id } });
    expect(JSON.stringify(entries)).not.toMatch(/a-brand-new-secret|a-good-password|内容|加我微信/);
    // A member's own writing is not staff access: nothing recorded for it.
    expect(entries.every((e: AuditEntry) => e.staff.id)).toBe(true);
  });

  it('should not record a request that failed', async () => {
    const customer = await newCustomer('失败顾客');
    await lin.post(`/api/customers/${customer.id}/merge`).send({ fromCustomerId: customer.id }).expect(400);
    await lin.get('/api/customers/00000000-0000-4000-8000-000000000000').expect(404);
    expect((await page({ action: 'customer.merge' })).entries).toEqual([]);
    expect((await page({ targetId: '00000000-0000-4000-8000-000000000000' })).entries).toEqual([]);
  });

  it('should refuse UPDATE and DELETE on the table itself', async () => {
    const customer = await newCustomer('只读顾客');
    await lin.get(`/api/customers/${customer.id}`).expect(200);
    const db = t.app.get(DataSource);
    const before = await db.query('SELECT id, action, staff_name FROM audit_log ORDER BY id');
    expect(before.length).toBeGreaterThan(0);
    await expect(db.query("UPDATE audit_log SET staff_name = 'someone else'")).rejects.toThrow(/append-only/);
    await expect(db.query('DELETE FROM audit_log')).rejects.toThrow(/append-only/);
    if (t.config.database.kind === 'postgres') {
      await expect(db.query('TRUNCATE audit_log')).rejects.toThrow(/append-only/);
      await expect(
        db.query(`INSERT INTO audit_log (id, at, staff_id, staff_name, staff_role, action, target_type) SELECT id, at, staff_id, 'someone else', staff_role, action, target_type FROM audit_log ORDER BY id LIMIT 1 ON CONFLICT (id) DO UPDATE SET staff_name = EXCLUDED.staff_name`),
      ).rejects.toThrow(/append-only/);
    } else {
      // SQLite's REPLACE deletes the old row without the delete trigger: refused on its own.
      await expect(db.query(`INSERT OR REPLACE INTO audit_log SELECT * FROM audit_log ORDER BY id LIMIT 1`)).rejects.toThrow(/append-only/);
    }
    expect(await db.query('SELECT id, action, staff_name FROM audit_log ORDER BY id')).toEqual(before);
  });
});
