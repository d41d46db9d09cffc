import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, signIn } from './helpers';

test.describe('forum', () => {
  test('a customer registers and asks, a senior fan answers live, the customer accepts it, and an agent sees the whole exchange on the timeline', async ({ browser }) => {
    const stamp = Date.now().toString(36);
    const username = `e2e_${stamp}`;
    const nickname = `小周${stamp.slice(-4)}`;
    const title = `耳机充电盒不亮灯 ${stamp}`;

    // The customer, not signed in, wants to post: sign-in, then registration, then back to posting.
    const customer = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    // A customer's browser never checks for a staff session, and logs no errors.
    const troubles: string[] = [];
    customer.on('console', (m) => m.type() === 'error' && troubles.push(m.text()));
    customer.on('request', (r) => new URL(r.url()).pathname.startsWith('/api/auth/') && troubles.push(`asked ${r.url()}`));
    await customer.goto('/forum/boards/help');
    await customer.getByRole('link', { name: /发新帖|登录后发帖/ }).first().click();
    await customer.getByRole('link', { name: '注册一个' }).click();
    await customer.getByLabel('用户名').fill(username);
    await customer.getByLabel('昵称（选填）').fill(nickname);
    await customer.getByLabel('密码').fill('a-good-password');
    await customer.getByRole('button', { name: '注册' }).click();

    await expect(customer.getByRole('heading', { name: '在「使用求助」发新帖' })).toBeVisible();
    await customer.getByLabel('标题').fill(title);
    await customer.getByRole('textbox', { name: '正文' }).fill('充电盒插上线以后指示灯完全不亮，耳机也充不进电。**已经换过充电线**了，还有什么办法？');
    // A double click is one thread.
    await customer.getByRole('button', { name: '发布', exact: true }).dblclick();
    await expect(customer.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(customer.locator('strong', { hasText: '已经换过充电线' })).toBeVisible();
    const threadUrl = customer.url();
    expect(troubles).toEqual([]);
    const latest = (await (await customer.request.get('/api/forum/boards/help/threads?limit=50')).json()) as { threads: { title: string }[] };
    expect(latest.threads.filter((t) => t.title === title)).toHaveLength(1);

    // A senior fan answers from another browser; the customer's page shows it without a reload.
    const fan = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await fan.goto('/forum/sign-in');
    await fan.getByLabel('用户名').fill('laok');
    await fan.getByLabel('密码').fill(DEMO_PASSWORD);
    await fan.getByRole('button', { name: '登录', exact: true }).click();
    await expect(fan.getByText('老K').first()).toBeVisible();
    await fan.goto(threadUrl);
    const answer = '先把充电盒背面的按钮长按 15 秒重置一下；还是不亮的话，多半是电池保护，带去门店检测就好。';
    await fan.getByRole('textbox', { name: '回复内容' }).fill(answer);
    await fan.getByRole('button', { name: '发布回复' }).click();
    await expect(fan.getByText(answer)).toBeVisible();

    const fanPost = customer.getByRole('article').filter({ hasText: answer });
    await expect(fanPost).toBeVisible();
    await expect(fanPost.getByText('资深粉丝')).toBeVisible();
    await expect(customer.getByRole('article').filter({ hasText: answer })).toHaveCount(1);

    // The asker accepts it: the thread shows it solved, with the answer on top.
    await fanPost.getByRole('button', { name: '采纳为最佳回答' }).click();
    await expect(customer.getByText('已解决 · 最佳回答')).toBeVisible();
    await expect(fan.getByText('已解决 · 最佳回答')).toBeVisible();

    // An agent finds the customer at the desk: question, answer and solution are on the timeline.
    const agent = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await signIn(agent, 'lin.xiao@hearth.demo');
    await agent.getByLabel('搜索顾客').fill(nickname);
    await agent.getByRole('link', { name: nickname }).first().click();
    await expect(agent.getByRole('heading', { level: 1, name: nickname })).toBeVisible();
    const feed = agent.getByRole('feed', { name: '时间线' });
    await expect(feed.getByRole('article').filter({ hasText: '充电盒插上线以后指示灯完全不亮' })).toBeVisible();
    await expect(feed.getByRole('article').filter({ hasText: answer })).toBeVisible();
    await expect(feed.getByRole('article').filter({ hasText: `「${title}」已解决` })).toBeVisible();
    await expect(feed.getByRole('link', { name: title }).first()).toHaveAttribute('href', new RegExp(`^/forum/threads/`));

    for (const page of [customer, fan, agent]) await page.context().close();
  });
});
