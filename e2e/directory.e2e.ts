import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, login, screenshot } from './browser';

// The management dialogs the office uses to set up its county: an organisation (with the
// 统一社会信用代码 checked at once and by the server), a person, a user account.

const baseUrl = inject('baseUrl');
const password = inject('password');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launch();
  page = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
  await login(page, baseUrl, 'e2e_office', password);
});
afterAll(async () => {
  await browser?.close();
});

describe('directory dialogs', () => {
  it('adds a company, refusing a bad 统一社会信用代码 until it is corrected', async () => {
    await page.goto(`${baseUrl}/orgs`);
    await page.getByTestId('org-create').click();
    await page.getByTestId('org-name').fill('浏览器测试实业有限公司');
    await page.getByTestId('org-uscc').fill('91371499MA0000000X');
    await page.getByTestId('org-save').click();
    await expect.poll(() => page.getByText('统一社会信用代码校验位不正确，请核对').count()).toBeGreaterThan(0);
    await screenshot(page, 'org-bad-uscc');
    await page.getByTestId('org-uscc').fill('');
    await page.getByTestId('org-save').click();
    await expect.poll(() => page.getByTestId('org-table').textContent()).toContain('浏览器测试实业有限公司');
  });

  it('adds a person and shows the server\'s message for a bad phone number', async () => {
    await page.goto(`${baseUrl}/people`);
    await page.getByTestId('person-create').click();
    await page.getByTestId('person-name').fill('浏览器测试人员');
    await page.locator('#phone').fill('12345');
    await page.getByTestId('person-save').click();
    await expect.poll(() => page.getByText('不是有效的手机或固定电话号码').count()).toBeGreaterThan(0);
    await page.locator('#phone').fill('13800138000');
    await page.getByTestId('person-save').click();
    await expect.poll(() => page.getByTestId('person-table').textContent()).toContain('浏览器测试人员');
  });

  it('creates a user account whose one-time password is shown once', async () => {
    await page.goto(`${baseUrl}/users`);
    await page.getByTestId('user-create').click();
    await page.getByTestId('user-username').fill('browser_viewer');
    await page.getByTestId('user-display-name').fill('浏览器只读');
    await page.getByTestId('user-save').click();
    await expect.poll(() => page.getByTestId('one-time-password').isVisible()).toBe(true);
    expect((await page.getByTestId('one-time-password').textContent())?.length).toBeGreaterThanOrEqual(12);
    await screenshot(page, 'user-created');
  });
});
