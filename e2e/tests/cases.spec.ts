import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('Cases, gestures and stories', () => {
  test('an agent turns a chat into a case with a store visit and a gesture, resolves it with a story; the manager highlights, thanks and exports it; the agent sees the thanks', async ({
    browser,
    page,
  }) => {
    test.setTimeout(150_000);
    const marker = Date.now() % 100000;
    const name = `碎屏顾客 ${marker}`;
    const phoneNumber = `139${String(marker).padStart(8, '0')}`;
    const title = `屏幕碎了 ${marker}`;

    // A customer writes in the web chat and leaves a name and phone.
    const phone = await browser.newContext({ locale: 'zh-CN', viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const customer = await phone.newPage();
    await customer.goto('/chat');
    await customer.getByRole('button', { name: '留下联系方式' }).click();
    await customer.getByLabel('称呼').fill(name);
    await customer.getByLabel('手机号').fill(phoneNumber);
    await customer.getByRole('button', { name: '保存' }).click();
    await expect(customer.getByLabel('称呼')).toBeHidden();
    await customer.getByLabel('输入消息').fill('手机屏幕摔碎了，明天要出差，怎么办？');
    await customer.getByRole('button', { name: '发送', exact: true }).click();
    await expect(customer.getByRole('log', { name: '聊天记录' }).getByRole('article').filter({ hasText: '屏幕摔碎了' })).not.toContainText('发送中');

    // The agent opens them from the inbox and opens a case from that chat message.
    await signIn(page, 'lin.xiao@hearth.demo');
    await page.getByRole('region', { name: '等待回复' }).getByRole('link', { name }).click();
    const feed = page.getByRole('feed', { name: '时间线' });
    const message = feed.getByRole('article').filter({ hasText: '屏幕摔碎了' });
    await message.hover();
    await message.getByRole('button', { name: '事件操作' }).click();
    await page.getByRole('menuitem', { name: '开启案例' }).click();
    const openDialog = page.getByRole('dialog', { name: '开启案例' });
    await openDialog.getByRole('textbox', { name: '标题' }).fill(title);
    await openDialog.getByRole('button', { name: '开启' }).click();
    await expect(openDialog).toBeHidden();
    // The new case opens in its panel, with the message in it.
    const panel = page.getByRole('dialog', { name: title });
    await expect(panel.getByRole('region', { name: '相关记录' })).toContainText('屏幕摔碎了');
    await panel.getByRole('button', { name: '关闭' }).click();
    await expect(message.getByRole('button', { name: `案例：${title}` })).toBeVisible();
    const cases = page.getByRole('region', { name: '案例' });
    await expect(cases.getByRole('button', { name: new RegExp(title) })).toContainText('进行中');

    // The next day at the store: staff find them by phone and log the repair.
    const tablet = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1024, height: 768 }, hasTouch: true });
    const store = await tablet.newPage();
    await signIn(store, 'wang.lei@hearth.demo');
    await store.getByLabel('手机号或姓名').fill(phoneNumber);
    await store.getByRole('button', { name }).first().click();
    await store.getByRole('checkbox', { name: '维修' }).click();
    await store.getByLabel('做了什么').fill('检测后只是外屏碎了，当场换好');
    await store.getByRole('radio', { name: '当场解决' }).click();
    await store.getByRole('button', { name: '保存到店记录' }).click();
    await expect(store.getByRole('region', { name: '今天的到店记录' })).toContainText(name);
    await tablet.close();

    // The visit arrives live on the desk; the agent adds it to the case.
    const visit = feed.getByRole('article').filter({ hasText: '当场换好' });
    await expect(visit).toBeVisible();
    await visit.hover();
    await visit.getByRole('button', { name: '事件操作' }).click();
    await page.getByRole('menuitem', { name: '加入案例…' }).click();
    await page.getByRole('menuitem', { name: title }).click();
    await expect(visit.getByRole('button', { name: `案例：${title}` })).toBeVisible();

    // In the case panel: a handwritten card, then the story.
    await cases.getByRole('button', { name: new RegExp(title) }).click();
    await expect(panel.getByRole('region', { name: '相关记录' })).toContainText('当场换好');
    await panel.getByRole('button', { name: '记录心意' }).click();
    const gesture = page.getByRole('dialog', { name: '记录心意' });
    await expect(gesture).toContainText('本月心意额度还剩');
    await gesture.getByRole('radio', { name: '手写卡片' }).check();
    await gesture.getByRole('textbox', { name: '说明' }).fill('写一张卡片祝出差顺利');
    await gesture.getByRole('radio', { name: '已送出' }).check();
    await gesture.getByRole('button', { name: '记下心意' }).click();
    await expect(gesture).toBeHidden();
    await expect(panel).toContainText('写一张卡片祝出差顺利');

    await panel.getByRole('button', { name: '写下结局' }).click();
    const storyDialog = page.getByRole('dialog', { name: '写下结局' });
    // The dialog puts the cursor in its first field once it is open; type after that.
    await expect(storyDialog.getByRole('textbox', { name: '顾客需要什么' })).toBeFocused();
    await storyDialog.getByRole('textbox', { name: '顾客需要什么' }).fill('出差前要把碎了的屏幕修好');
    await storyDialog.getByRole('textbox', { name: '我们做了什么' }).fill('约到静安店当场换了外屏，王磊还写了一张卡片');
    await storyDialog.getByRole('textbox', { name: '顾客的感受' }).fill('从着急到安心，走的时候笑着道谢');
    await storyDialog.getByRole('textbox', { name: '顾客的原话（可选）' }).fill('没想到第二天就修好了！');
    await storyDialog.getByRole('button', { name: '保存并解决' }).click();
    await expect(storyDialog).toBeHidden();
    await expect(panel).toContainText('已解决');
    await panel.getByRole('button', { name: '关闭' }).click();
    await expect(feed.getByRole('article').filter({ hasText: '出差前要把碎了的屏幕修好' })).toBeVisible();

    // The manager finds it among the stories, highlights it, thanks the agent and exports it.
    const office = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    const manager = await office.newPage();
    await signIn(manager, 'zhou.ting@hearth.demo');
    await manager.getByRole('link', { name: '服务故事' }).first().click();
    await manager.getByRole('searchbox', { name: '搜索故事' }).fill(String(marker));
    // Click in the search results once they are there (the feed shown before them is replaced).
    const found = manager.getByRole('region', { name: '符合条件的故事' }).getByRole('link', { name: title });
    await expect(found).toBeVisible();
    await found.click();
    await expect(manager.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(manager.getByRole('main')).toContainText('没想到第二天就修好了！');
    await expect(manager.getByRole('main')).toContainText('写一张卡片祝出差顺利');
    await expect(manager.getByRole('main')).toContainText('当场换好');

    await manager.getByRole('button', { name: '设为本周故事' }).click();
    const highlight = manager.getByRole('dialog', { name: '设为本周故事' });
    await highlight.getByRole('textbox', { name: '推荐语（可选）' }).fill('第二天就出差的顾客，当天修好');
    await highlight.getByRole('button', { name: '推荐给大家' }).click();
    await expect(manager.getByRole('button', { name: '取消本周故事' })).toBeVisible();

    await manager.getByRole('button', { name: '写一句感谢' }).click();
    const thanks = manager.getByRole('dialog', { name: '写一句感谢' });
    await thanks.getByRole('radio', { name: '林晓' }).check();
    await thanks.getByRole('textbox', { name: '感谢的话' }).fill('谢谢你把碎屏变成了一个暖心的故事');
    await thanks.getByRole('button', { name: '送出感谢' }).click();
    await expect(thanks).toBeHidden();

    const download = manager.waitForEvent('download');
    await manager.getByRole('group', { name: '故事操作' }).getByRole('link', { name: '导出 Markdown' }).click();
    const file = await (await download).path();
    const markdown = readFileSync(file, 'utf8');
    expect(markdown).toContain(`# ${title}`);
    expect(markdown).toContain('## 我们做了什么');
    expect(markdown).toContain('没想到第二天就修好了！');

    // The agent sees the thanks: live, and among their own.
    await expect(page.getByText('谢谢你把碎屏变成了一个暖心的故事')).toBeVisible();
    await page.goto('/stories/mine');
    await expect(page.getByRole('main')).toContainText('谢谢你把碎屏变成了一个暖心的故事');
    await expect(page.getByRole('main')).toContainText(title);
    await office.close();
    await phone.close();
  });
});
