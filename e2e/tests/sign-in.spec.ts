import { expect, test } from '@playwright/test';
import { signIn } from './helpers';

test.describe('Sign-in', () => {
  test('a wrong password shows a clear message and keeps the person on the sign-in page', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveURL(/\/login/);
    await page.getByLabel('邮箱').fill('admin@hearth.demo');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect(page.getByText('邮箱或密码不正确')).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test('an agent lands on the desk, sees only their sections, and a deep link survives a reload', async ({ page }) => {
    await signIn(page, 'lin.xiao@hearth.demo');
    await expect(page).toHaveURL(/\/desk/);
    const nav = page.getByRole('navigation');
    await expect(nav.getByRole('link', { name: '工作台' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '社区' })).toBeVisible();
    await expect(nav.getByRole('link', { name: '管理' })).toHaveCount(0);

    await nav.getByRole('link', { name: '服务故事' }).click();
    await expect(page).toHaveURL(/\/stories/);
    await page.reload();
    await expect(page).toHaveURL(/\/stories/);
    await expect(page.getByRole('button', { name: '退出登录' })).toBeVisible();
  });

  test('store staff land on the store screen', async ({ page }) => {
    await signIn(page, 'wang.lei@hearth.demo');
    await expect(page).toHaveURL(/\/store/);
  });

  test('signing out ends the session', async ({ page }) => {
    await signIn(page, 'zhou.ting@hearth.demo');
    await page.getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/desk');
    await expect(page).toHaveURL(/\/login/);
  });
});
