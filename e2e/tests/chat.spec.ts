import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

// A 64×48 orange PNG, inline so the test needs no binary fixture.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetIAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAfUlEQVRoge2SAQkAURSDlstm19gYF2M8/sAAOhY/TpO6gQugvqK7EHdJ3cAFUF/RXYi7pG7gAqiv6C7EXVI3cAHUV3QX4i6pG7gA6iu6C3GX1A1cAPUV3YW4S+oGLoD6iu5C3CV1AxdAfUV3Ie6SuoELoL6iuxB3Sd3AxwN+Gq1FHnNvd2IAAAAASUVORK5CYII=',
  'base64',
);

test.describe('Web chat: a customer on a phone and an agent at the desk', () => {
  test('they chat live both ways, typing and read receipts show, and an image goes through', async ({ browser, page }) => {
    const name = `e2e 顾客 ${Date.now() % 100000}`;
    const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const customer = await phone.newPage();
    await customer.goto('/chat');
    const log = customer.getByRole('log', { name: '聊天记录' });

    // The customer leaves a name, so the agent can find them, and writes first.
    await customer.getByRole('button', { name: '留下联系方式' }).click();
    await customer.getByLabel('称呼').fill(name);
    await customer.getByRole('button', { name: '保存' }).click();
    await expect(customer.getByLabel('称呼')).toBeHidden();
    await customer.getByLabel('输入消息').fill('你好，我的耳机连不上蓝牙了 🎧');
    await customer.getByRole('button', { name: '发送', exact: true }).click();
    const first = log.getByRole('article').filter({ hasText: '你好，我的耳机连不上蓝牙了 🎧' });
    await expect(first).toBeVisible();
    await expect(first).not.toContainText('发送中');

    // The agent sees them waiting in the inbox and opens the conversation.
    await signIn(page, 'lin.xiao@hearth.demo');
    const waiting = page.getByRole('region', { name: '等待回复' });
    await waiting.getByRole('link', { name }).click();
    await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
    const feed = page.getByRole('feed', { name: '时间线' });
    await expect(feed.getByRole('article').filter({ hasText: '你好，我的耳机连不上蓝牙了' })).toBeVisible();

    // Typing shows on the desk while the customer types.
    await customer.getByLabel('输入消息').pressSequentially('还有', { delay: 50 });
    await expect(page.getByText('顾客正在输入…')).toBeVisible();

    // The agent replies with Enter; the customer sees it live, with the agent's name.
    const reply = page.getByLabel('回复顾客');
    await reply.fill('您好！请先在手机蓝牙里忽略这副耳机，再长按耳机盒按钮 5 秒重新配对。');
    await reply.press('Enter');
    await expect(reply).toHaveValue('');
    const answer = log.getByRole('article').filter({ hasText: '长按耳机盒按钮 5 秒' });
    await expect(answer).toBeVisible();
    await expect(answer).toContainText('林晓');
    // The customer's page is open and showing it: the desk marks the reply read.
    await expect(feed.getByRole('article').filter({ hasText: '长按耳机盒按钮 5 秒' })).toContainText('已读');

    // The customer sends a photo; the agent sees its thumbnail live.
    await customer.locator('input[type=file]').setInputFiles({ name: 'earbuds.png', mimeType: 'image/png', buffer: PNG });
    const photo = feed.getByRole('article').filter({ has: page.getByRole('img') }).last();
    await expect(photo).toBeVisible();
    await expect(photo.getByRole('img')).toHaveAttribute('src', /\/api\/chat\/images\/[0-9a-f-]+\/thumb$/);
    await expect(log.getByRole('article').filter({ has: customer.getByRole('img') }).last()).not.toContainText('发送中');

    // A reload keeps the whole conversation (history comes from the server).
    await customer.reload();
    await expect(log.getByRole('article').filter({ hasText: '长按耳机盒按钮 5 秒' })).toBeVisible();
    await expect(log.getByRole('article').filter({ hasText: '你好，我的耳机连不上蓝牙了' })).toHaveCount(1);
    await phone.close();
  });

  test('a message typed while offline is kept, sent once back online, and stored once', async ({ browser, page }) => {
    const name = `离线顾客 ${Date.now() % 100000}`;
    const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const customer = await phone.newPage();
    await customer.goto('/chat');
    await customer.getByRole('button', { name: '留下联系方式' }).click();
    await customer.getByLabel('称呼').fill(name);
    await customer.getByRole('button', { name: '保存' }).click();
    // Saved (the sheet closes on the server's answer) before the phone goes offline.
    await expect(customer.getByLabel('称呼')).toBeHidden();

    await phone.setOffline(true);
    await customer.getByLabel('输入消息').fill('地铁里没信号，先发了');
    await customer.getByRole('button', { name: '发送', exact: true }).click();
    const log = customer.getByRole('log', { name: '聊天记录' });
    const pending = log.getByRole('article').filter({ hasText: '地铁里没信号，先发了' });
    await expect(pending).toContainText('发送中');
    // Even a reload while offline keeps it.
    await phone.setOffline(false);
    await expect(pending).not.toContainText('发送中', { timeout: 15_000 });
    await customer.reload();
    await expect(log.getByRole('article').filter({ hasText: '地铁里没信号，先发了' })).toHaveCount(1);

    await signIn(page, 'chen.siyuan@hearth.demo');
    await page.getByRole('region', { name: '等待回复' }).getByRole('link', { name }).click();
    await expect(page.getByRole('feed', { name: '时间线' }).getByRole('article').filter({ hasText: '地铁里没信号，先发了' })).toHaveCount(1);
    await phone.close();
  });
});
