import { APIRequestContext, BrowserContext, expect, Page, request, test } from '@playwright/test';
import { io } from 'socket.io-client';
import { DEMO_PASSWORD } from './helpers';

/** Runs script if rendered as HTML: an inline handler, an inline script, and (where links are made) a javascript: URL. */
const PAYLOAD = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
/** For fields of at most 30–60 characters. */
const SHORT = '<img src=x onerror=__xss=1>';
const LINKS = ' [点我](javascript:window.__xss=3) <a href="javascript:window.__xss=4">链接</a> javascript:window.__xss=5';
const WITH_LINKS = PAYLOAD + LINKS;

type Problems = string[];

/** Fails the page on any dialog, page error or Content-Security-Policy violation. */
function guard(page: Page, problems: Problems) {
  page.on('dialog', (d) => {
    problems.push(`dialog on ${page.url()}: ${d.message()}`);
    void d.dismiss();
  });
  page.on('console', (m) => {
    if (m.text().includes('Content Security Policy')) problems.push(`CSP on ${page.url()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`error on ${page.url()}: ${e.message}`));
}

/** The payload is on the page as text, and nothing ran. */
async function shownAsText(page: Page, path: string, text = 'onerror=') {
  await page.goto(path);
  await expect(page.locator('body'), path).toContainText(text);
  // Links from user text never carry a javascript: URL.
  expect(await page.locator('a[href^="javascript:" i]').count(), path).toBe(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss), path).toBeUndefined();
}

async function api(baseURL: string, email: string, password = DEMO_PASSWORD): Promise<APIRequestContext> {
  const ctx = await request.newContext({ baseURL });
  expect((await ctx.post('/api/auth/login', { data: { email, password } })).status()).toBe(200);
  return ctx;
}

async function ok<T = Record<string, unknown>>(res: Promise<import('@playwright/test').APIResponse>): Promise<T> {
  const r = await res;
  expect(r.status(), `${r.url()} ${await r.text()}`).toBeLessThan(300);
  return (r.status() === 204 ? {} : await r.json()) as T;
}

test('XSS payloads in every rendered text field stay text on every page, with no CSP violation', async ({ browser, baseURL }) => {
  test.setTimeout(120_000);
  const marker = Date.now().toString(36);
  const problems: Problems = [];
  const contexts: BrowserContext[] = [];
  /** A browser signed in with the session of this API client (one sign-in per role, made through the API). */
  const newPage = async (as?: APIRequestContext) => {
    const ctx = await browser.newContext({ locale: 'zh-CN', storageState: as ? await as.storageState() : undefined });
    contexts.push(ctx);
    const page = await ctx.newPage();
    guard(page, problems);
    return page;
  };

  // ── Admin: a store, a colleague, a WeChat account and a forum board, all named with the payload.
  const admin = await api(baseURL!, 'admin@hearth.demo');
  await ok(admin.post('/api/stores', { data: { name: `${PAYLOAD}${marker}`, city: SHORT, address: WITH_LINKS } }));
  const xssEmail = `xss.${marker}@hearth.demo`;
  await ok(admin.post('/api/staff', { data: { email: xssEmail, displayName: PAYLOAD, role: 'agent', password: 'xss-password-1' } }));
  await ok(admin.post('/api/channels/wechat', { data: { name: SHORT, appId: `wx${marker.padStart(16, '0').slice(-16)}`, appSecret: 'secret', token: 'xsstoken' } }));
  const slug = `xss-${marker}`;
  const board = await ok<{ id: string }>(admin.post('/api/forum/boards', { data: { slug, name: SHORT, description: WITH_LINKS.slice(0, 200), kind: 'help' } }));

  // ── A web-chat visitor writes the payload; the colleague named with it answers with it.
  const visitor = await newPage();
  await visitor.goto('/chat/');
  await visitor.getByLabel('输入消息').fill(`${PAYLOAD} ${marker}`);
  await visitor.getByRole('button', { name: '发送', exact: true }).click();
  await expect(visitor.getByRole('log', { name: '聊天记录' })).toContainText(marker);

  const agent = await api(baseURL!, xssEmail, 'xss-password-1');
  let customerId = '';
  await expect
    .poll(async () => {
      const inbox = await ok<{ items: { customerId: string; lastMessage: { body: string } }[] }>(agent.get('/api/inbox'));
      customerId = inbox.items.find((i) => i.lastMessage.body.includes(marker))?.customerId ?? '';
      return customerId;
    })
    .not.toBe('');
  const cookie = (await agent.storageState()).cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  const socket = io(baseURL!, { transports: ['websocket'], extraHeaders: { Cookie: cookie }, reconnection: false });
  const sent = await socket.emitWithAck('chat.send', { customerId, clientId: `xss-reply-${marker}`, body: WITH_LINKS });
  socket.disconnect();
  expect(sent).toMatchObject({ ok: true });
  await expect(visitor.getByRole('log', { name: '聊天记录' })).toContainText('javascript:window.__xss=5');
  expect(await visitor.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  await visitor.context().close();

  // ── The desk: the customer's name and notes, a note, a case with a gesture and a story, a quick reply.
  await ok(agent.patch(`/api/customers/${customerId}`, { data: { displayName: PAYLOAD, notes: WITH_LINKS } }));
  const note = await ok<{ event: { id: string } }>(agent.post(`/api/customers/${customerId}/notes`, { data: { body: WITH_LINKS, clientId: `xss-note-${marker}` } }));
  const kase = await ok<{ id: string }>(agent.post('/api/cases', { data: { clientId: `xss-case-${marker}`, customerId, title: PAYLOAD, fromEventId: note.event.id } }));
  const gesture = await ok<{ id: string }>(
    agent.post('/api/gestures', { data: { clientId: `xss-g-${marker}`, customerId, caseId: kase.id, kind: 'handwritten_card', note: WITH_LINKS, status: 'planned' } }),
  );
  await ok(agent.patch(`/api/gestures/${gesture.id}`, { data: { status: 'given', reaction: WITH_LINKS } }));
  await ok(agent.post('/api/quick-replies', { data: { text: WITH_LINKS } }));

  // ── The store logs a visit with the payload in every text field.
  const store = await api(baseURL!, 'wang.lei@hearth.demo');
  const visit = await ok<{ event: { id: string } }>(
    store.post('/api/visits', { data: { clientId: `xss-visit-${marker}`, customerId, reasons: ['other'], reasonText: WITH_LINKS, actions: WITH_LINKS, outcome: 'follow_up', followUpNote: WITH_LINKS } }),
  );
  await ok(agent.post(`/api/cases/${kase.id}/events`, { data: { eventIds: [visit.event.id] } }));
  await ok(agent.put(`/api/cases/${kase.id}/resolution`, { data: { expectedVersion: 0, needed: WITH_LINKS, did: WITH_LINKS, felt: WITH_LINKS, customerWords: WITH_LINKS, themes: [SHORT] } }));

  // ── The manager highlights the story and thanks the colleague.
  const manager = await api(baseURL!, 'zhou.ting@hearth.demo');
  const xssStaffId = (await ok<{ staff: { id: string; email: string }[] }>(admin.get('/api/staff'))).staff.find((s) => s.email === xssEmail)!.id;
  await ok(manager.put(`/api/stories/${kase.id}/highlight`, { data: { note: WITH_LINKS } }));
  await ok(manager.post(`/api/stories/${kase.id}/thanks`, { data: { clientId: `xss-thanks-${marker}`, toStaffId: xssStaffId, body: WITH_LINKS } }));

  // ── The forum: a member with the payload as name, a thread and a reply with it (and Markdown links).
  const member = await request.newContext({ baseURL });
  const username = `xss_${marker}`.slice(0, 20);
  await ok(member.post('/api/forum/accounts', { data: { username, password: 'xss-password-1', displayName: SHORT } }));
  const thread = await ok<{ id: string }>(member.post('/api/forum/threads', { data: { boardId: board.id, title: PAYLOAD, body: WITH_LINKS, clientId: `xss-t-${marker}` } }));
  await ok(member.post(`/api/forum/threads/${thread.id}/posts`, { data: { body: `${WITH_LINKS}\n\n<iframe src="javascript:window.__xss=6"></iframe>`, clientId: `xss-p-${marker}` } }));

  // ── Every page that shows them, one sign-in per role.
  const desk = await newPage(agent);
  await shownAsText(desk, '/desk');
  await shownAsText(desk, `/desk/customers/${customerId}`, 'javascript:window.__xss=5');
  await shownAsText(desk, '/stories');
  await shownAsText(desk, `/stories/${kase.id}`, 'javascript:window.__xss=5');
  await shownAsText(desk, `/print/stories?ids=${kase.id}`, 'javascript:window.__xss=5');
  await shownAsText(desk, '/stories/mine');
  await desk.context().close(); // The machine may be small: one signed-in page at a time.

  const storePage = await newPage(store);
  await shownAsText(storePage, '/store');
  await shownAsText(storePage, `/store/customers/${customerId}`, 'javascript:window.__xss=5');
  await storePage.context().close();

  const adminPage = await newPage(admin);
  for (const path of ['/admin', '/admin/stores', '/admin/wechat', '/admin/forum']) await shownAsText(adminPage, path);
  await adminPage.context().close();

  const reader = await newPage();
  await shownAsText(reader, '/forum');
  await shownAsText(reader, `/forum/boards/${slug}`);
  await shownAsText(reader, `/forum/threads/${thread.id}`, 'javascript:window.__xss=5');
  await shownAsText(reader, `/forum/members/${username}`);

  for (const ctx of [admin, agent, store, manager, member]) await ctx.dispose();
  for (const ctx of contexts) await ctx.close().catch(() => undefined);
  expect(problems).toEqual([]);
});
