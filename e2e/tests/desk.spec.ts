import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('Desk: one timeline per customer', () => {
  test('an agent finds a customer by words they wrote, adds a note, and a colleague sees it appear live', async ({ page, browser }) => {
    await signIn(page, 'lin.xiao@hearth.demo');
    await page.getByLabel('搜索顾客').fill('屏幕碎');
    const result = page.getByRole('link', { name: '张伟' });
    await expect(result).toBeVisible();
    await expect(result).toContainText('屏幕碎了');
    await result.click();

    await expect(page.getByRole('heading', { level: 1, name: '张伟' })).toBeVisible();
    const feed = page.getByRole('feed', { name: '时间线' });
    // Chat, WeChat, forum and store events of this customer share one timeline.
    await expect(feed.getByRole('article').filter({ hasText: '出差回来了，屏幕很好用', hasNotText: '案例已解决' })).toBeVisible();
    // The store visit is a week back, below the forum thread: scroll down to it.
    const visit = feed.getByRole('article').filter({ hasText: '检测后确认只是外屏碎裂' });
    for (let i = 0; i < 10 && !(await visit.isVisible()); i++) {
      await feed.hover();
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(200);
    }
    await expect(visit).toBeVisible();
    await expect(feed.getByRole('article').filter({ hasText: '去过店里了，只是外屏碎' }).first()).toBeVisible();

    // A colleague has the same customer open in another browser.
    const other = await browser.newContext({ locale: 'zh-CN' });
    const colleague = await other.newPage();
    await signIn(colleague, 'emma@hearth.demo');
    await colleague.goto(page.url());
    const theirFeed = colleague.getByRole('feed', { name: '时间线' });
    await expect(colleague.getByRole('heading', { level: 1, name: '张伟' })).toBeVisible();
    await expect(theirFeed.getByRole('article').first()).toBeVisible();

    const note = `回访：屏幕一切正常 ${Date.now()}`;
    await page.getByLabel('添加备注').fill(note);
    await page.getByRole('button', { name: '保存备注' }).click();
    await expect(feed.getByRole('article').filter({ hasText: note })).toHaveCount(1);
    await expect(page.getByLabel('添加备注')).toHaveValue('');

    await expect(theirFeed.getByRole('article').filter({ hasText: note })).toHaveCount(1);
    await other.close();
  });

  test('filter chips narrow the timeline to one channel', async ({ page }) => {
    await signIn(page, 'lin.xiao@hearth.demo');
    await page.getByLabel('搜索顾客').fill('张伟');
    await page.getByRole('link', { name: '张伟' }).click();
    const feed = page.getByRole('feed', { name: '时间线' });
    const wechat = feed.getByRole('article').filter({ hasText: '你好，我的屏幕碎了怎么办' });
    const visit = feed.getByRole('article').filter({ hasText: '检测后确认只是外屏碎裂' });
    await expect(feed.getByRole('article').first()).toBeVisible();

    await page.getByRole('button', { name: '微信' }).click();
    await expect(page.getByRole('button', { name: '微信' })).toHaveAttribute('aria-pressed', 'true');
    await expect(wechat).toBeVisible();
    await expect(visit).toHaveCount(0);

    await page.getByRole('button', { name: '门店' }).click();
    await expect(visit).toBeVisible();
    await expect(wechat).toHaveCount(0);
  });

  test('a long history scrolls back page by page', async ({ page }) => {
    await signIn(page, 'lin.xiao@hearth.demo');
    await page.getByLabel('搜索顾客').fill('黄小米');
    await page.getByRole('link', { name: '黄小米' }).click();
    const feed = page.getByRole('feed', { name: '时间线' });
    await expect(feed.getByRole('article').first()).toBeVisible();
    const requests: string[] = [];
    page.on('request', (r) => r.url().includes('/timeline') && r.url().includes('before=') && requests.push(r.url()));
    for (let i = 0; i < 8 && requests.length < 2; i++) {
      await feed.hover();
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(300);
    }
    expect(requests.length).toBeGreaterThanOrEqual(2);
  });

  test('an agent merges a duplicate record, the merge shows on the timeline, and the old link leads to the merged customer', async ({ page }) => {
    await signIn(page, 'lin.xiao@hearth.demo');
    await page.getByLabel('搜索顾客').fill('李娜');
    const oldLink = await page.getByRole('link', { name: '李娜' }).getAttribute('href');
    expect(oldLink).toMatch(/\/desk\/customers\//);

    await page.getByLabel('搜索顾客').fill('陈静');
    await page.getByRole('link', { name: '陈静' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '陈静' })).toBeVisible();
    await page.getByRole('button', { name: '合并' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByLabel('搜索顾客')).toBeFocused();
    await dialog.getByLabel('搜索顾客').fill('李娜');
    await dialog.getByRole('button', { name: /李娜/ }).click();
    await expect(dialog.getByText('把 李娜 合并到 陈静？')).toBeVisible();
    await dialog.getByRole('button', { name: '合并', exact: true }).click();
    await expect(dialog).toBeHidden();

    const feed = page.getByRole('feed', { name: '时间线' });
    await expect(feed.getByRole('article').filter({ hasText: '李娜 的记录已合并到这里' })).toBeVisible();

    await page.goto(oldLink!);
    await expect(page.getByRole('heading', { level: 1, name: '陈静' })).toBeVisible();
    await expect(page).not.toHaveURL(new RegExp(oldLink!));
  });
});
