import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('Store visits on a tablet', () => {
  test('store staff find a customer who chatted online yesterday, log the visit, and an agent sees it live', async ({ browser, page }) => {
    // An agent at the desk has 张伟 open (he chatted on the web last night).
    await signIn(page, 'lin.xiao@hearth.demo');
    await page.getByLabel('搜索顾客').fill('张伟');
    await page.getByRole('link', { name: '张伟' }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: '张伟' })).toBeVisible();
    const feed = page.getByRole('feed', { name: '时间线' });
    await expect(feed.getByRole('article').filter({ hasText: '出差回来了', hasNotText: '案例已解决' })).toBeVisible();

    // At the store, on a tablet: one search by phone, one short form.
    const tablet = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 }, hasTouch: true });
    const store = await tablet.newPage();
    await signIn(store, 'wang.lei@hearth.demo');
    await expect(store).toHaveURL(/\/store/);
    await store.getByLabel('手机号或姓名').fill('138 1234 5678');
    await store.getByRole('button', { name: '张伟' }).first().click();

    const note = `换了屏幕保护膜，顺便清洁了充电口 ${Date.now() % 100000}`;
    await store.getByRole('checkbox', { name: '维修' }).click();
    await store.getByLabel('做了什么').fill(note);
    await store.getByRole('radio', { name: '需要回访' }).click();
    await store.getByLabel('给服务台的回访说明').fill('下周三新屏幕到货，请通知张先生来店更换');
    await store.getByRole('button', { name: '保存到店记录' }).click();

    // The store's diary has him; the desk sees the visit live, and the follow-up waits in the inbox.
    await expect(store.getByRole('region', { name: '今天的到店记录' })).toContainText('张伟');
    const visit = feed.getByRole('article').filter({ hasText: note });
    await expect(visit).toBeVisible();
    await expect(visit).toContainText('上海静安店');
    await expect(visit).toContainText('王磊');

    await page.goto('/desk');
    const waiting = page.getByRole('region', { name: '等待回复' });
    await expect(waiting.getByRole('link', { name: /张伟/ })).toBeVisible();
    await expect(waiting).toContainText('下周三新屏幕到货');
    await tablet.close();
  });
});
