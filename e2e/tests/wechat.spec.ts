import { createHash, randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers';

// The demo seed connects "Hearth 服务号" in plain mode with this Token (server/src/seed/demo-wechat.ts).
const DEMO_TOKEN = 'hearthdemo';

/** A stand-in for the WeChat API on the port the server was told (playwright.config.ts). */
function fakeWeChatApi(sent: { touser: string; text?: { content: string } }[]): Promise<Server> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    res.setHeader('Content-Type', 'application/json');
    if (url.pathname === '/cgi-bin/token') return res.end(JSON.stringify({ access_token: 'E2E-TOKEN', expires_in: 7200 }));
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      sent.push(JSON.parse(body));
      res.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  return new Promise((resolve) => server.listen(Number(process.env.HEARTH_E2E_WECHAT_PORT), '127.0.0.1', () => resolve(server)));
}

function signed(token: string) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = randomBytes(5).toString('hex');
  const signature = createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
  return new URLSearchParams({ signature, timestamp, nonce }).toString();
}

test.describe('WeChat: a follower writes to the Official Account, an agent answers from the desk', () => {
  let api: Server;
  const sent: { touser: string; text?: { content: string } }[] = [];

  test.beforeAll(async () => {
    api = await fakeWeChatApi(sent);
  });
  test.afterAll(async () => {
    await new Promise((resolve) => api.close(resolve));
  });

  test('the message shows on the desk with the WeChat mark, and the reply goes out through the WeChat API', async ({ page, request }) => {
    // The admin finds the demo account and its callback path.
    await request.post('/api/auth/login', { data: { email: 'admin@hearth.demo', password: DEMO_PASSWORD } });
    const { channels } = await (await request.get('/api/channels/wechat')).json();
    const demo = channels.find((c: { name: string }) => c.name === 'Hearth 服务号');
    expect(demo.secrets).toEqual({ appSecret: true, token: true, encodingAesKey: false });

    // WeChat posts a signed message from a new follower.
    const openId = `oE2E${randomBytes(6).toString('hex').toUpperCase()}`;
    const words = `手表屏幕上有一道划痕 ${Date.now() % 100000}`;
    const xml =
      `<xml><ToUserName><![CDATA[gh_hearthdemo]]></ToUserName><FromUserName><![CDATA[${openId}]]></FromUserName>` +
      `<CreateTime>${Math.floor(Date.now() / 1000)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
      `<Content><![CDATA[${words}]]></Content><MsgId>${Date.now()}${Math.floor(Math.random() * 1000)}</MsgId></xml>`;
    const callback = await request.post(`${demo.callbackPath}?${signed(DEMO_TOKEN)}`, { data: xml, headers: { 'Content-Type': 'text/xml' } });
    expect(callback.status()).toBe(200);
    expect(await callback.text()).toBe('success');

    // The agent sees the new follower waiting, with the WeChat mark and the account.
    await signIn(page, 'lin.xiao@hearth.demo');
    const name = `微信用户 ${openId.slice(-4)}`;
    await page.getByRole('region', { name: '等待回复' }).getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const feed = page.getByRole('feed', { name: '时间线' });
    const message = feed.getByRole('article').filter({ hasText: words });
    await expect(message).toContainText('微信');
    await expect(message).toContainText('来自 Hearth 服务号');

    // The reply goes through the composer to the WeChat API, and shows sent (WeChat took it).
    const reply = page.getByLabel('回复顾客');
    await expect(reply).toHaveAttribute('placeholder', /微信公众号/);
    await reply.fill('您好，划痕可以抛光处理，欢迎来静安店。');
    await reply.press('Enter');
    const answer = feed.getByRole('article').filter({ hasText: '划痕可以抛光处理' });
    await expect(answer).toContainText('已发送');
    expect(sent).toContainEqual({ touser: openId, msgtype: 'text', text: { content: '您好，划痕可以抛光处理，欢迎来静安店。' } });
  });

  test('an admin sees the connected account on the 微信公众号 tab', async ({ page }) => {
    await signIn(page, 'admin@hearth.demo');
    await page.goto('/admin/wechat');
    const row = page.getByRole('table', { name: '公众号列表' }).getByRole('row').filter({ hasText: 'Hearth 服务号' });
    await expect(row).toContainText('wx5f3c2a1b9d8e7f60');
    await expect(row).toContainText('明文模式');
    await expect(row).toContainText('/api/wechat/');
  });
});
