import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launch, login, PHONE, screenshot } from './browser';

// The flows an office clerk walks every day: log in, filter the ledger, open and edit a
// project, and meet a colleague's newer save as a 409 instead of overwriting it.

const baseUrl = inject('baseUrl');
const password = inject('password');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function officePage(username = 'e2e_office') {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await login(page, baseUrl, username, password);
  return page;
}

describe('office clerk', () => {
  it('is refused with the server\'s Chinese message on a wrong password', async () => {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/login`);
    await page.getByTestId('login-username').fill('e2e_office');
    await page.getByTestId('login-password').fill('Wrong#Password1');
    await page.getByTestId('login-submit').click();
    await expect.poll(() => page.getByTestId('login-error').textContent()).toContain('用户名或密码错误');
    await screenshot(page, 'login-error');
  });

  it('logs in, sees the overview, and filters the ledger with totals that follow', async () => {
    const page = await officePage();
    await expect.poll(() => page.locator('canvas').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    await screenshot(page, 'overview');

    await page.goto(`${baseUrl}/ledger`);
    const rows = page.locator('[data-testid="ledger-table"] tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(10);
    const totals = page.getByTestId('ledger-totals');
    await expect.poll(() => totals.textContent()).toContain('36');
    await screenshot(page, 'ledger');

    // Filter by stage through the URL the filter bar keeps, then by the search box.
    const before = await totals.textContent();
    await page.goto(`${baseUrl}/ledger?stage=under_construction`);
    await expect.poll(async () => {
      const texts = await page.locator('[data-testid="ledger-table"] tbody tr.ant-table-row').allTextContents();
      return texts.length > 0 && texts.every((t) => t.includes('在建'));
    }).toBe(true);
    await expect.poll(() => totals.textContent()).not.toBe(before);

    await page.goto(`${baseUrl}/ledger`);
    await page.getByTestId('filter-q').fill('物流');
    await expect.poll(async () => {
      const texts = await page.locator('[data-testid="ledger-table"] tbody tr.ant-table-row').allTextContents();
      return texts.length > 0 && texts.every((t) => t.includes('物流'));
    }).toBe(true);
    expect(page.url()).toContain('q=');
    await screenshot(page, 'ledger-filtered');
  });

  it('opens a project and edits it, and the change shows in its history', async () => {
    const page = await officePage();
    await page.goto(`${baseUrl}/ledger`);
    await page.getByTestId('ledger-project-link').first().click();
    await page.getByTestId('edit-basic').click();
    const scale = page.locator('#contentScale, textarea').first();
    await scale.fill('浏览器测试修改：新建厂房 6 万平方米');
    await page.getByTestId('project-form-save').click();
    await expect.poll(() => page.getByText('浏览器测试修改：新建厂房 6 万平方米').count()).toBeGreaterThan(0);
    await page.getByRole('tab', { name: '变更记录' }).click();
    await expect.poll(() => page.getByTestId('project-history').textContent()).toContain('浏览器测试修改');
    await screenshot(page, 'project-history');
  });

  it('stores a location copied from a Chinese map (GCJ-02) in WGS-84, with its site outline', async () => {
    const page = await officePage();
    await page.goto(`${baseUrl}/ledger?sort=name&order=desc`);
    await page.getByTestId('ledger-project-link').first().click();
    await page.waitForURL(/\/projects\/\d+/);
    const id = page.url().split('/projects/')[1]!.split(/[?#]/)[0];
    await page.getByTestId('edit-basic').click();
    await page.getByTestId('project-datum').click();
    await page.getByTitle('GCJ-02（高德/腾讯）').click();
    await page.locator('#lng').fill('116.803000');
    await page.locator('#lat').fill('36.610000');
    await page.getByTestId('project-site-polygon').fill('116.801,36.612\n116.806，36.612\n116.806,36.607');
    await page.getByTestId('project-form-save').click();
    const stored = async () => (await (await page.request.get(`${baseUrl}/api/v1/projects/${id}`)).json());
    await expect.poll(async () => (await stored()).sitePolygon?.length ?? 0).toBe(3);
    const saved = await stored();
    // GCJ-02 sits a few hundred metres east and north of WGS-84 here: the stored point moved back.
    expect(saved.lng).toBeLessThan(116.803);
    expect(saved.lng).toBeGreaterThan(116.795);
    expect(saved.lat).toBeLessThan(36.61);
    expect(saved.sitePolygon[1][0]).toBeLessThan(116.806);
    await screenshot(page, 'project-location');
  });

  it('meets a colleague\'s newer save as a conflict, never overwriting it', async () => {
    const a = await officePage('e2e_office');
    const b = await officePage('e2e_office2');
    await a.goto(`${baseUrl}/ledger?sort=name&order=asc`);
    await a.getByTestId('ledger-project-link').first().click();
    await a.waitForURL(/\/projects\/\d+/);
    const url = a.url();
    await b.goto(url);
    // Both open the editor on the same version.
    await a.getByTestId('edit-basic').click();
    await b.getByTestId('edit-basic').click();
    await a.locator('#contentScale, textarea').first().fill('甲先保存的内容');
    await a.getByTestId('project-form-save').click();
    await expect.poll(() => a.getByText('甲先保存的内容').count()).toBeGreaterThan(0);
    await b.locator('#contentScale, textarea').first().fill('乙后保存的内容');
    await b.getByTestId('project-form-save').click();
    const modal = b.getByRole('dialog').filter({ hasText: '已被他人修改' });
    await expect.poll(() => modal.isVisible()).toBe(true);
    expect(await modal.textContent()).toContain('甲先保存的内容');
    await screenshot(b, 'conflict');
    // What A saved is what the server holds.
    const id = url.split('/projects/')[1]!.split(/[?#]/)[0];
    const res = await a.request.get(`${baseUrl}/api/v1/projects/${id}`);
    expect((await res.json()).contentScale).toBe('甲先保存的内容');
  });

  it('logs out cleanly back to the login page', async () => {
    const page = await officePage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.getByTestId('header-logout').click();
    await page.waitForURL(/\/login/);
    await expect.poll(() => page.getByTestId('login-username').isVisible()).toBe(true);
    expect(errors).toEqual([]);
    expect((await page.request.get(`${baseUrl}/api/v1/auth/me`)).status()).toBe(401);
  });

  it('does not offer editing to a read-only user', async () => {
    const page = await officePage('e2e_viewer');
    await page.goto(`${baseUrl}/ledger`);
    await expect.poll(() => page.locator('[data-testid="ledger-table"] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('ledger-create').count()).toBe(0);
    await page.getByTestId('ledger-project-link').first().click();
    await page.waitForURL(/\/projects\/\d+/);
    expect(await page.getByTestId('edit-basic').count()).toBe(0);
    await expect.poll(() => page.getByTestId('project-read-only').isVisible()).toBe(true);
  });

  it('reads the overview and reaches the ledger on a phone', async () => {
    const context = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'zh-CN' });
    const page = await context.newPage();
    await login(page, baseUrl, 'e2e_viewer', password);
    await expect.poll(() => page.getByTestId('stat-projects').textContent(), { timeout: 15_000 }).toContain('36');
    // Nothing wider than the screen but the table's own scroll area.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(1);
    await screenshot(page, 'phone-overview');
    await page.getByTestId('menu-toggle').click();
    await page.getByRole('menuitem', { name: '项目台账' }).click();
    await page.waitForURL(/\/ledger/);
    await expect.poll(() => page.locator('[data-testid="ledger-table"] tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await screenshot(page, 'phone-ledger');
  });
});
