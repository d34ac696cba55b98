import type { Browser, ConsoleMessage } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { desktop, launch, phone, screenshot } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

describe('smoke: the real server with both built front ends', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('a shopper on a phone opens the storefront and sees the live shop status', async () => {
    // given a 375×812 phone
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m: ConsoleMessage) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (r) => r.status() >= 400 && errors.push(`${r.status()} ${r.url()}`));
    // when
    const response = await page.goto(`${baseUrl}/`);
    // then the shell is served compressed-capable HTML and the status card shows what the API said
    expect(response?.status()).toBe(200);
    const info = await (await fetch(`${baseUrl}/api/system/info`)).json();
    const card = page.locator('.status-card');
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain(info.runtime.database === 'pglite' ? 'PGlite 内置' : 'PostgreSQL');
    expect(await card.textContent()).toContain(`v${info.version}`);
    expect(await page.getByText('搜索商品').count()).toBeGreaterThan(0);
    await screenshot(context, 'storefront-home-375');
    // and the 我的 tab opens
    await page.getByText('我的', { exact: true }).last().click();
    await expect.poll(() => page.url(), { timeout: 10_000 }).toContain('/pages/mine/index');
    await page.waitForTimeout(600);
    await screenshot(context, 'storefront-mine-375');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a deep link into the storefront loads through the history fallback', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const response = await page.goto(`${baseUrl}/pages/mine/index`);
    expect(response?.status()).toBe(200);
    await expect.poll(() => page.locator('body').textContent(), { timeout: 20_000 }).toContain('我的');
    await context.close();
  });

  it('the admin answers with its sign-in page, and client-side routes load through its own fallback', async () => {
    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const response = await page.goto(`${baseUrl}/admin/`);
    expect(response?.status()).toBe(200);
    await page.waitForURL(/\/admin\/login/);
    await expect.poll(() => page.locator('body').textContent(), { timeout: 20_000 }).toContain('商家后台');
    expect(await page.getByPlaceholder('员工账号').count()).toBe(1);
    await screenshot(context, 'admin-login-1440');
    const deep = await page.goto(`${baseUrl}/admin/staff`);
    expect(deep?.status()).toBe(200);
    await page.waitForURL(/\/admin\/login\?redirect=/);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the API documentation is browsable', async () => {
    const context = await browser.newContext(desktop);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/api/docs`);
    await expect.poll(() => page.locator('body').textContent(), { timeout: 20_000 }).toContain('minimall API');
    expect(await page.locator('body').textContent()).toContain('/api/system/info');
    await context.close();
  });

  it('serves precompressed, long-cached assets', async () => {
    const html = await (await fetch(`${baseUrl}/`)).text();
    const script = html.match(/src="(\/js\/[^"]+\.js)"/)?.[1];
    expect(script).toBeDefined();
    const res = await fetch(`${baseUrl}${script}`, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  });
});
