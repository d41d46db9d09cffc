import TestAgent from 'supertest/lib/agent';
import type { CaseDetail, CaseSummary, Gesture, TimelineEvent } from '../realtime/contract';
import { startTestApp, TestApp } from '../testing/test-app';

describe('Cases and gestures (integration)', () => {
  let t: TestApp;
  let lin: TestAgent; // agent
  let chen: TestAgent; // agent
  let wang: TestAgent; // store staff, 上海静安店
  let admin: TestAgent;

  beforeEach(async () => {
    // Without the demo stories, so the case counts below are this test's own.
    t = await startTestApp({ DEMO_STORIES: 'false' });
    [lin, chen, wang, admin] = await Promise.all([
      t.signIn('lin.xiao@hearth.demo'),
      t.signIn('chen.siyuan@hearth.demo'),
      t.signIn('wang.lei@hearth.demo'),
      t.signIn('admin@hearth.demo'),
    ]);
  });
  afterEach(() => t.close());

  const clientId = () => `c-${Math.random().toString(36).slice(2, 12)}`;
  const newCustomer = async (name: string) => (await lin.post('/api/customers').send({ displayName: name }).expect(201)).body.customer.id as string;
  const note = async (customerId: string, body: string, deskOnly = false) =>
    (await lin.post(`/api/customers/${customerId}/notes`).send({ body, deskOnly, clientId: clientId() }).expect(201)).body.event as TimelineEvent;
  const visit = async (customerId: string) =>
    (
      await wang
        .post('/api/visits')
        .send({ clientId: clientId(), customerId, reasons: ['repair'], reasonText: '屏幕碎了', actions: '当场换了外屏', outcome: 'solved' })
        .expect(201)
    ).body.event as TimelineEvent;
  const timeline = async (customerId: string) => (await lin.get(`/api/customers/${customerId}/timeline`).expect(200)).body.events as TimelineEvent[];
  const count = async (table: string) => Number((await t.app.get(DataSourceToken).query(`SELECT COUNT(*) AS n FROM ${table}`))[0].n);
  const story = { needed: '屏幕碎了，下周要出差，急着用手机', did: '当场换了外屏，免了维修费', felt: '一开始很着急，走的时候笑着道谢', customerWords: '没想到这么快！' };

  it('should open a case from an event, attach events from other channels, and resolve it with a versioned story', async () => {
    const customerId = await newCustomer('李娜');
    const first = await note(customerId, '顾客来电说屏幕碎了');
    const walkIn = await visit(customerId);

    const body = { clientId: clientId(), customerId, title: '屏幕碎了', fromEventId: first.id, themes: ['屏幕', ' 屏幕 ', 'Repair'] };
    const opened = (await lin.post('/api/cases').send(body).expect(201)).body as CaseDetail;
    expect(opened).toMatchObject({ status: 'open', title: '屏幕碎了', themes: ['repair', '屏幕'], openedBy: { name: '林晓' }, customer: { displayName: '李娜' } });
    // A double submit is the same case.
    expect((await lin.post('/api/cases').send(body).expect(200)).body.id).toBe(opened.id);
    expect(await count('cases')).toBe(1);
    const openedEvent = (await timeline(customerId)).find((e) => e.kind === 'case.opened')!;
    expect(openedEvent).toMatchObject({ caseId: opened.id, body: '屏幕碎了', author: { name: '林晓' } });
    expect(opened.eventIds).toEqual(expect.arrayContaining([first.id, openedEvent.id]));

    // Store staff attach their visit and say they are on it; an agent joins too.
    let detail = (await wang.post(`/api/cases/${opened.id}/events`).send({ eventIds: [walkIn.id] }).expect(201)).body as CaseDetail;
    expect(detail.events.map((e) => e.kind)).toEqual(['note', 'store.visit', 'case.opened']);
    await wang.put(`/api/cases/${opened.id}/on-it`).expect(200);
    detail = (await chen.put(`/api/cases/${opened.id}/on-it`).expect(200)).body;
    expect(detail.onIt.map((p) => p.name)).toEqual(['王磊', '陈思远']);
    detail = (await chen.delete(`/api/cases/${opened.id}/on-it`).expect(200)).body;
    expect(detail.onIt.map((p) => p.name)).toEqual(['王磊']);
    // The case's own entries stay with it.
    expect((await lin.delete(`/api/cases/${opened.id}/events/${openedEvent.id}`).expect(400)).body.code).toBe('case.event_required');

    const resolved = (await lin.put(`/api/cases/${opened.id}/resolution`).send({ expectedVersion: 0, ...story, themes: ['屏幕', '维修'] }).expect(200)).body as CaseDetail;
    expect(resolved).toMatchObject({ status: 'resolved', themes: ['屏幕', '维修'], resolution: { version: 1, ...story, writtenBy: { name: '林晓' } }, history: [] });
    expect(resolved.resolvedAt).not.toBeNull();
    const resolvedEvents = (await timeline(customerId)).filter((e) => e.kind === 'case.resolved');
    expect(resolvedEvents).toHaveLength(1);
    expect(resolvedEvents[0].body).toContain('当场换了外屏');

    // Someone who started from the old version does not overwrite the new one.
    const stale = await chen.put(`/api/cases/${opened.id}/resolution`).send({ expectedVersion: 0, ...story, felt: '很满意' }).expect(409);
    expect(stale.body).toMatchObject({ code: 'case.resolution_changed', currentVersion: '1', changedBy: '林晓' });
    expect(stale.body.message).toContain('林晓');
    const edited = (await chen.put(`/api/cases/${opened.id}/resolution`).send({ expectedVersion: 1, ...story, felt: '很满意，说要推荐给同事' }).expect(200)).body as CaseDetail;
    expect(edited.resolution).toMatchObject({ version: 2, felt: '很满意，说要推荐给同事', writtenBy: { name: '陈思远' } });
    expect(edited.history.map((r) => [r.version, r.felt])).toEqual([[1, story.felt]]);
    // An edit is not a second resolution on the timeline.
    expect((await timeline(customerId)).filter((e) => e.kind === 'case.resolved')).toHaveLength(1);

    // Reopened when they come back; resolved again, the story keeps every version.
    expect((await lin.post(`/api/cases/${opened.id}/reopen`).expect(200)).body.status).toBe('open');
    expect((await lin.post(`/api/cases/${opened.id}/reopen`).expect(409)).body.code).toBe('case.already_open');
    const again = (await lin.put(`/api/cases/${opened.id}/resolution`).send({ expectedVersion: 2, ...story }).expect(200)).body as CaseDetail;
    expect(again.resolution?.version).toBe(3);
    expect(again.history.map((r) => r.version)).toEqual([2, 1]);
    expect((await timeline(customerId)).filter((e) => e.kind === 'case.resolved')).toHaveLength(2);

    const list = (await lin.get(`/api/customers/${customerId}/cases`).expect(200)).body.cases as CaseSummary[];
    expect(list.map((c) => [c.title, c.status])).toEqual([['屏幕碎了', 'resolved']]);
  });

  it('should tell staff watching the customer when a case changes', async () => {
    const customerId = await newCustomer('周先生');
    const event = await note(customerId, '电池鼓包');
    const desk = await t.staffSocket('emma@hearth.demo');
    try {
      await desk.emitWithAck('customer.watch', { customerId });
      const changed = new Promise<CaseSummary>((resolve) => desk.once('case.changed', resolve));
      const appended = new Promise<TimelineEvent>((resolve) => desk.once('timeline.event', resolve));
      const opened = (await lin.post('/api/cases').send({ clientId: clientId(), customerId, title: '电池鼓包', fromEventId: event.id }).expect(201)).body as CaseDetail;
      expect(await changed).toMatchObject({ id: opened.id, eventIds: expect.arrayContaining([event.id]) });
      expect(await appended).toMatchObject({ kind: 'case.opened', caseId: opened.id });

      const gestureSeen = new Promise<Gesture>((resolve) => desk.once('gesture.changed', resolve));
      await lin.post('/api/gestures').send({ clientId: clientId(), customerId, caseId: opened.id, kind: 'follow_up_call', note: '一周后回访', status: 'planned' }).expect(201);
      expect(await gestureSeen).toMatchObject({ kind: 'follow_up_call', caseId: opened.id, status: 'planned' });

      // Store staff watching too: a desk-only note joins the case; only the desk learns its id.
      const store = await t.staffSocket('wang.lei@hearth.demo');
      try {
        await store.emitWithAck('customer.watch', { customerId });
        const secret = await note(customerId, '仅服务台：顾客家里有事', true);
        const deskSees = new Promise<CaseSummary>((resolve) => desk.once('case.changed', resolve));
        const storeSees = new Promise<CaseSummary>((resolve) => store.once('case.changed', resolve));
        await lin.post(`/api/cases/${opened.id}/events`).send({ eventIds: [secret.id] }).expect(201);
        expect((await deskSees).eventIds).toContain(secret.id);
        const forStore = await storeSees;
        expect(forStore.eventIds).not.toContain(secret.id);
        expect(forStore.eventIds).toContain(event.id);
      } finally {
        store.disconnect();
      }
    } finally {
      desk.disconnect();
    }
  });

  it('should refuse bad input with a clear 4xx and write nothing', async () => {
    const customerId = await newCustomer('王先生');
    const other = await newCustomer('别人');
    const othersEvent = await note(other, '别人的事');
    const before = await count('events');
    const bad: [Record<string, unknown>, number, string?][] = [
      [{ clientId: clientId(), customerId, title: '   ' }, 400],
      [{ clientId: 'x', customerId, title: '屏幕' }, 400],
      [{ clientId: clientId(), customerId, title: 'x'.repeat(201) }, 400],
      [{ clientId: clientId(), customerId, title: '屏幕', themes: Array.from({ length: 9 }, (_, i) => `t${i}`) }, 400],
      [{ clientId: clientId(), customerId, title: '屏幕', fromEventId: othersEvent.id }, 404, 'case.event_not_found'],
      [{ clientId: clientId(), customerId, title: '屏幕', fromEventId: '1; DROP TABLE cases' }, 400],
      [{ clientId: clientId(), customerId: '00000000-0000-4000-8000-000000000000', title: '屏幕' }, 404],
      [{ clientId: clientId(), customerId, title: '屏幕', priority: 'high' }, 400],
    ];
    for (const [body, status, code] of bad) {
      const res = await lin.post('/api/cases').send(body).expect(status);
      expect(res.body.message).toBeTruthy();
      if (code) expect(res.body.code).toBe(code);
    }
    expect(await count('cases')).toBe(0);
    expect(await count('events')).toBe(before);

    const c = (await lin.post('/api/cases').send({ clientId: clientId(), customerId, title: '屏幕' }).expect(201)).body as CaseDetail;
    await lin.get('/api/cases/00000000-0000-4000-8000-000000000000').expect(404);
    await lin.get('/api/cases/not-a-uuid').expect(404);
    expect((await lin.post(`/api/cases/${c.id}/events`).send({ eventIds: [othersEvent.id] }).expect(404)).body.code).toBe('case.event_not_found');
    await lin.post(`/api/cases/${c.id}/events`).send({ eventIds: [] }).expect(400);
    await lin.post(`/api/cases/${c.id}/events`).send({ eventIds: ['abc'] }).expect(400);
    await lin.put(`/api/cases/${c.id}/resolution`).send({ expectedVersion: 0, needed: '', did: 'x', felt: 'x' }).expect(400);
    await lin.put(`/api/cases/${c.id}/resolution`).send({ expectedVersion: 0, needed: 'a\u0000b', did: 'x', felt: 'x' }).expect(400);
    await lin.patch(`/api/cases/${c.id}`).send({ title: '两行\n标题' }).expect(400);
    await lin.patch(`/api/cases/${c.id}`).send({ title: null }).expect(400);
    // Ids beyond the events column's range are simply not there (never a database error).
    expect((await lin.post(`/api/cases/${c.id}/events`).send({ eventIds: ['3000000000'] }).expect(404)).body.code).toBe('case.event_not_found');
    await lin.delete(`/api/cases/${c.id}/events/999999999999999`).expect(404);
    await lin.get('/api/customers/' + customerId + '/timeline').query({ before: Buffer.from('2026-01-01T00:00:00.000Z|3000000000').toString('base64url') }).expect(400);
    expect((await lin.get(`/api/cases/${c.id}`).expect(200)).body.status).toBe('open');

    // An event belongs to one case at a time.
    const shared = await note(customerId, '屏幕又碎了');
    await lin.post(`/api/cases/${c.id}/events`).send({ eventIds: [shared.id] }).expect(201);
    const second = (await lin.post('/api/cases').send({ clientId: clientId(), customerId, title: '第二件事' }).expect(201)).body as CaseDetail;
    const taken = await lin.post(`/api/cases/${second.id}/events`).send({ eventIds: [shared.id] }).expect(409);
    expect(taken.body).toMatchObject({ code: 'case.event_in_other_case' });
    expect(taken.body.message).toContain('屏幕');
    // Once taken out of the first case, it can join the second.
    await lin.delete(`/api/cases/${c.id}/events/${shared.id}`).expect(200);
    expect((await lin.post(`/api/cases/${second.id}/events`).send({ eventIds: [shared.id] }).expect(201)).body.eventIds).toContain(shared.id);
  });

  it('should keep desk-only notes out of what store staff see of a case', async () => {
    const customerId = await newCustomer('赵女士');
    const secret = await note(customerId, '仅服务台：顾客投诉过门店', true);
    const c = (await lin.post('/api/cases').send({ clientId: clientId(), customerId, title: '投诉', fromEventId: secret.id }).expect(201)).body as CaseDetail;
    expect(c.events.map((e) => e.id)).toContain(secret.id);
    const seenByStore = (await wang.get(`/api/cases/${c.id}`).expect(200)).body as CaseDetail;
    expect(seenByStore.events.map((e) => e.id)).not.toContain(secret.id);
    expect(seenByStore.eventIds).not.toContain(secret.id);
    expect((await wang.post(`/api/cases/${c.id}/events`).send({ eventIds: [secret.id] }).expect(404)).body.code).toBe('case.event_not_found');

    // As a story: store staff learn neither the note nor who wrote it (陈思远's only part).
    const byChen = (await chen.post(`/api/customers/${customerId}/notes`).send({ body: '仅服务台：家里有人住院', deskOnly: true, clientId: clientId() }).expect(201)).body.event as TimelineEvent;
    await lin.post(`/api/cases/${c.id}/events`).send({ eventIds: [byChen.id] }).expect(201);
    await lin.put(`/api/cases/${c.id}/resolution`).send({ expectedVersion: 0, needed: '想投诉', did: '道歉并回访', felt: '平静了' }).expect(200);
    const forDesk = (await lin.get(`/api/stories/${c.id}`).expect(200)).body;
    expect(forDesk.helpers.map((h: { name: string }) => h.name)).toEqual(['林晓', '陈思远']);
    const forStore = (await wang.get(`/api/stories/${c.id}`).expect(200)).body;
    expect(forStore.helpers.map((h: { name: string }) => h.name)).toEqual(['林晓']);
    expect(JSON.stringify(forStore)).not.toContain('住院');
    const exported = (await wang.get('/api/stories/export.md').query({ ids: c.id }).expect(200)).text;
    expect(exported).not.toContain('住院');
    expect(exported).not.toContain('陈思远');
  });

  it('should never let concurrent gestures go over the monthly allowance', async () => {
    const staff = (await admin.get('/api/staff').expect(200)).body.staff as { id: string; email: string; monthlyGestureAllowanceCents: number }[];
    const chenId = staff.find((s) => s.email === 'chen.siyuan@hearth.demo')!.id;
    expect(staff.every((s) => s.monthlyGestureAllowanceCents === 30000)).toBe(true);
    await lin.patch(`/api/staff/${chenId}`).send({ monthlyGestureAllowanceCents: 100 }).expect(403);
    await admin.patch(`/api/staff/${chenId}`).send({ monthlyGestureAllowanceCents: -1 }).expect(400);
    await admin.patch(`/api/staff/${chenId}`).send({ monthlyGestureAllowanceCents: 1.5 }).expect(400);
    expect((await admin.patch(`/api/staff/${chenId}`).send({ monthlyGestureAllowanceCents: 30000 }).expect(200)).body.staff.monthlyGestureAllowanceCents).toBe(30000);

    const customerId = await newCustomer('孙女士');
    const attempts = await Promise.all(
      Array.from({ length: 20 }, () =>
        chen.post('/api/gestures').send({ clientId: clientId(), customerId, kind: 'small_gift', note: '一盒点心', costCents: 5000, status: 'given' }),
      ),
    );
    const statuses = attempts.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 201)).toHaveLength(6);
    expect(statuses.filter((s) => s === 409)).toHaveLength(14);
    const refused = attempts.find((r) => r.status === 409)!;
    expect(refused.body).toMatchObject({ code: 'gesture.over_allowance', leftCents: '0' });
    expect(await chen.get('/api/gestures/allowance').expect(200)).toMatchObject({ body: { allowanceCents: 30000, spentCents: 30000, leftCents: 0 } });
    // Someone else's allowance is their own.
    expect((await lin.get('/api/gestures/allowance').expect(200)).body).toMatchObject({ spentCents: 0, leftCents: 30000 });
    // A gesture without cost needs no allowance.
    await chen.post('/api/gestures').send({ clientId: clientId(), customerId, kind: 'handwritten_card', note: '手写卡片', status: 'planned' }).expect(201);
    expect((await lin.get(`/api/customers/${customerId}/gestures`).expect(200)).body.gestures).toHaveLength(7);
    expect((await timeline(customerId)).filter((e) => e.kind === 'gesture')).toHaveLength(7);
    await chen.post('/api/gestures').send({ clientId: clientId(), customerId, kind: 'gift', note: 'x', status: 'planned' }).expect(400);
    await chen.post('/api/gestures').send({ clientId: clientId(), customerId, kind: 'other', note: 'x', status: 'planned', costCents: 9.99 }).expect(400);
  });

  it('should mark a gesture given and keep the customer reaction, with edits to note and cost by the giver only', async () => {
    const customerId = await newCustomer('陈女士');
    const g = (await lin.post('/api/gestures').send({ clientId: clientId(), customerId, kind: 'handwritten_card', note: '写一张卡片', costCents: 0, status: 'planned' }).expect(201)).body as Gesture;
    expect((await chen.patch(`/api/gestures/${g.id}`).send({ note: '改掉' }).expect(403)).body.code).toBe('gesture.not_giver');
    expect((await lin.patch(`/api/gestures/${g.id}`).send({ costCents: 40000 }).expect(409)).body.code).toBe('gesture.over_allowance');
    const given = (await chen.patch(`/api/gestures/${g.id}`).send({ status: 'given' }).expect(200)).body as Gesture;
    expect(given).toMatchObject({ status: 'given', by: { name: '林晓' } });
    await chen.patch(`/api/gestures/${g.id}`).send({ reaction: '她说会一直留着这张卡片' }).expect(200);
    await chen.patch(`/api/gestures/${g.id}`).send({ reaction: '她说会一直留着这张卡片，还拍照发了朋友圈' }).expect(200);
    const entries = (await timeline(customerId)).filter((e) => e.kind === 'gesture');
    expect(entries.map((e) => e.details?.step).sort()).toEqual(['given', 'reaction', 'recorded']);
    await chen.patch(`/api/gestures/${g.id}`).send({ status: 'planned' }).expect(400);
    await lin.patch(`/api/gestures/${g.id}`).send({ note: null }).expect(400);
    await chen.patch(`/api/gestures/${g.id}`).send({ reaction: null }).expect(400);
    expect((await lin.get(`/api/customers/${customerId}/gestures`).expect(200)).body.gestures[0]).toMatchObject({ note: '写一张卡片', reaction: '她说会一直留着这张卡片，还拍照发了朋友圈' });
  });
});

// The DataSource token, for counting rows.
import { DataSource as DataSourceToken } from 'typeorm';
