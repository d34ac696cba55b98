import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, launch, screenshot } from '../support/browser.ts';
import { E2E_OWNER_PASSWORD } from '../support/global-setup.ts';

const baseUrl = inject('baseUrl');

describe('journey: the shop owner signs in to the console and adds a staff member', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('first sign-in → forced password change → 系统状态 → 员工管理 → new member with a one-time password', async () => {
    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(String(e)));
    page.on('response', (r) => r.status() >= 500 && failures.push(`${r.status()} ${r.url()}`));

    // an unauthenticated visit lands on the login page
    await page.goto(`${baseUrl}/admin/`);
    await page.waitForURL(/\/admin\/login/);
    await page.getByPlaceholder('员工账号').fill('owner');
    await page.getByPlaceholder('登录密码').fill('not-the-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await expect.poll(() => page.locator('body').textContent()).toContain('账号或密码错误');

    await page.getByPlaceholder('登录密码').fill(E2E_OWNER_PASSWORD);
    await page.getByRole('button', { name: /登\s*录/ }).click();

    // the initial password must be replaced before anything else
    await page.getByRole('button', { name: '修改并进入后台' }).waitFor();
    await page.getByLabel('初始密码').fill(E2E_OWNER_PASSWORD);
    await page.getByLabel('新密码', { exact: true }).fill('Owner-e2e-new-1');
    await page.getByLabel('确认新密码').fill('Owner-e2e-new-1');
    await page.getByRole('button', { name: '修改并进入后台' }).click();

    // the console home: system status with the dependency chart
    await expect.poll(() => page.locator('body').textContent(), { timeout: 20_000 }).toContain('运行组件');
    await expect.poll(() => page.locator('canvas').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    await screenshot(context, 'admin-status-1440');

    // 员工管理: create a customer-service member
    await page.getByRole('menuitem', { name: '员工管理' }).click();
    await page.waitForURL(/\/admin\/staff/);
    await page.getByRole('button', { name: /新建员工/ }).click();
    await page.getByPlaceholder('例如 zhangsan').fill('kefu.chen');
    await page.getByPlaceholder('员工真实姓名').fill('陈小客');
    await page.getByLabel('角色').click();
    await page.locator('.ant-select-item-option', { hasText: '客服' }).click();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: /创\s*建/ }).click();
    const temporary = page.getByTestId('temporary-password');
    await temporary.waitFor();
    const password = (await temporary.textContent())?.trim() ?? '';
    expect(password).toMatch(/^(?=.*[A-Za-z])(?=.*\d)[A-Za-z0-9]{12}$/);
    await page.waitForTimeout(500); // let the modal finish fading in for the artifact
    await screenshot(context, 'admin-staff-password-1440');

    // the new member can sign in with it, and must change it first
    const login = await fetch(`${baseUrl}/api/admin/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kefu.chen', password }),
    });
    expect(login.status).toBe(200);
    const session = await login.json();
    expect(session.staff).toMatchObject({ displayName: '陈小客', mustChangePassword: true, roles: [{ code: 'customer-service' }] });
    expect(session.permissions).toEqual(['customer.read', 'order.read', 'order.refund', 'support.chat']);
    expect(failures).toEqual([]);
    await context.close();
  });
});
