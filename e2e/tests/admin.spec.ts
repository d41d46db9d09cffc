import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('Admin', () => {
  test('the shell speaks Chinese by default, switches to English, and remembers it', async ({ page }) => {
    await signIn(page, 'admin@hearth.demo');
    await expect(page.getByRole('navigation').getByRole('link', { name: '管理' })).toBeVisible();

    await page.getByRole('button', { name: '语言' }).click();
    await page.getByRole('menuitem', { name: 'English' }).click();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
    await expect(page.getByRole('navigation').getByRole('link', { name: 'Admin' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');

    await page.reload();
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

    await page.getByRole('button', { name: 'Language' }).click();
    await page.getByRole('menuitem', { name: '简体中文' }).click();
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  });

  test('an admin creates a store staff account, and that person can sign in', async ({ page, browser }) => {
    const email = `e2e.${Date.now()}@hearth.demo`;
    await signIn(page, 'admin@hearth.demo');
    await page.getByRole('navigation').getByRole('link', { name: '管理' }).click();
    await expect(page.getByRole('row', { name: /wang\.lei@hearth\.demo/ })).toBeVisible();

    await page.getByRole('button', { name: '新建员工' }).click();
    const dialog = page.getByRole('dialog');
    // The dialog focuses its first field once it has opened; typing before that races it.
    await expect(dialog.getByLabel('姓名')).toBeFocused();
    await dialog.getByLabel('姓名').fill('孙丽');
    await dialog.getByLabel('邮箱').fill(email);
    await dialog.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '门店员工' }).click();
    await dialog.getByRole('combobox', { name: '门店' }).click();
    await page.getByRole('option', { name: /杭州西湖店/ }).click();
    await dialog.getByLabel('初始密码').fill('welcome-2026');
    await dialog.getByRole('button', { name: '创建' }).click();

    await expect(dialog).toBeHidden();
    const row = page.getByRole('row', { name: new RegExp(email.replace(/\./g, '\\.')) });
    await expect(row).toContainText('孙丽');
    await expect(row).toContainText('杭州西湖店');

    // The new colleague signs in on their own device and lands on the store screen.
    const other = await browser.newContext({ locale: 'zh-CN' });
    const theirPage = await other.newPage();
    await signIn(theirPage, email, 'welcome-2026');
    await expect(theirPage).toHaveURL(/\/store/);
    await other.close();
  });

  test('a taken email is explained in the dialog and nothing is created', async ({ page }) => {
    await signIn(page, 'admin@hearth.demo');
    await page.goto('/admin');
    await page.getByRole('button', { name: '新建员工' }).click();
    const dialog = page.getByRole('dialog');
    // The dialog focuses its first field once it has opened; typing before that races it.
    await expect(dialog.getByLabel('姓名')).toBeFocused();
    await dialog.getByLabel('姓名').fill('重复');
    await dialog.getByLabel('邮箱').fill('lin.xiao@hearth.demo');
    await dialog.getByRole('combobox', { name: '角色' }).click();
    await page.getByRole('option', { name: '客服' }).click();
    await dialog.getByLabel('初始密码').fill('welcome-2026');
    await dialog.getByRole('button', { name: '创建' }).click();
    await expect(dialog.getByText('该邮箱已被使用')).toBeVisible();
    await dialog.getByRole('button', { name: '取消' }).click();
    await expect(page.getByRole('row', { name: /lin\.xiao@hearth\.demo/ })).toHaveCount(1);
  });
});
