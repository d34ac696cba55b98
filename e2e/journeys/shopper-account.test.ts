import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, phone, screenshot } from '../support/browser.ts';

const baseUrl = inject('baseUrl');

describe('journey: a shopper signs in on H5 and keeps an address book', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function chooseRegion(page: Page, province: string, city: string, district: string): Promise<void> {
    await page.locator('.mm-cell', { hasText: '所在地区' }).click();
    for (const name of [province, city, district]) await page.getByRole('option', { name, exact: true }).click();
  }

  it('demo login from 我的 → add two addresses with the region picker → switch the default → delete one', async () => {
    const context = await browser.newContext(phone);
    const page = await context.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(String(e)));
    page.on('response', (r) => r.status() >= 500 && failures.push(`${r.status()} ${r.url()}`));

    // signed out, the address book asks for a login first
    await page.goto(`${baseUrl}/pages/mine/index`);
    await page.getByText('收货地址', { exact: true }).click();
    await page.getByText('体验登录（演示环境）').click();
    await page.waitForURL(/addresses/);
    await page.getByText('还没有收货地址').waitFor();

    // first address: the first one becomes the default
    await page.getByText('新增收货地址').click();
    await page.waitForURL(/address-edit/);
    await page.locator('input[placeholder="请填写收货人姓名"]').fill('林小满');
    await page.locator('input[placeholder="请填写收货人手机号"]').fill('13800138000');
    await chooseRegion(page, '浙江省', '杭州市', '西湖区');
    await page.locator('textarea[placeholder="街道、楼牌号、单元室等"]').fill('文三路 90 号 1 号楼 502 室');
    await page.getByText('保存', { exact: true }).click();
    await page.waitForURL(/addresses\/index/);
    const hangzhou = page.locator('.address-card', { hasText: '林小满' });
    await hangzhou.waitFor();
    expect(await hangzhou.textContent()).toContain('浙江省 杭州市 西湖区');
    expect(await hangzhou.textContent()).toContain('默认');

    // second address, made the default
    await page.getByText('新增收货地址').click();
    await page.waitForURL(/address-edit/);
    await page.locator('input[placeholder="请填写收货人姓名"]').fill('林大满');
    await page.locator('input[placeholder="请填写收货人手机号"]').fill('13900139000');
    await chooseRegion(page, '北京市', '北京市', '朝阳区');
    await page.locator('textarea[placeholder="街道、楼牌号、单元室等"]').fill('建国路 88 号');
    await page.locator('.address-form__switch input').click();
    await page.getByText('保存', { exact: true }).click();
    await page.waitForURL(/addresses\/index/);
    await page.locator('.address-card', { hasText: '林大满' }).waitFor();
    await expect.poll(() => page.locator('.address-card').first().textContent()).toContain('林大满');
    await screenshot(context, 'shopper-addresses-375');

    // the server agrees: one default, the Beijing one
    // Taro's H5 storage wraps each value as { data }
    const token = await page.evaluate(() => {
      const stored = JSON.parse(localStorage.getItem('mm.session') ?? '{}');
      return (stored.data ?? stored).accessToken as string | undefined;
    });
    expect(token).toBeTruthy();
    const list = await (await fetch(`${baseUrl}/api/shop/me/addresses`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(list.map((a: { recipient: string; isDefault: boolean; district: string }) => [a.recipient, a.district, a.isDefault])).toEqual([
      ['林大满', '朝阳区', true],
      ['林小满', '西湖区', false],
    ]);

    // delete the Beijing one: the Hangzhou one becomes the default again
    await page.locator('.address-card', { hasText: '林大满' }).getByText('删除').click();
    await page.getByText('确定删除该收货地址吗？').waitFor();
    await page.locator('.taro__modal, [class*=modal]').getByText('删除', { exact: true }).last().click();
    await expect.poll(() => page.locator('.address-card').count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator('.address-card').first().textContent()).toContain('默认');
    expect(failures).toEqual([]);
    await context.close();
  });
});
