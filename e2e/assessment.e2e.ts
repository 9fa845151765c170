import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addMonths, chinaDate } from '@tuijin/core';
import { DESK, launch, pageFor, PHONE, screenshot, SCREENSHOTS } from './browser';

// 考核排名 as the office and a department live it: the office revises the 考核办法 (a wrong
// total of weights is refused with the schema's message, then it is saved as the county's new
// version in force from the month scored), scores the month, reads the ranking, opens a
// project's explanation and follows the report it was counted from, publishes the month and
// finds 重新计分 closed; records a year-end 奖惩. The department reads its own rank on a phone
// and opens why.

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const api = async <T>(page: Page, method: 'GET' | 'POST', path: string, data?: unknown): Promise<{ status: number; body: T }> => {
  const res = await page.request.fetch(`${baseUrl}/api/v1${path}`, { method, headers: { 'x-requested-with': 'tuijin' }, ...(data === undefined ? {} : { data }) });
  return { status: res.status(), body: (await res.json()) as T };
};

const settled = (page: Page) => expect.poll(() => page.locator('.ant-spin-spinning, .ant-btn-loading, [data-testid="page-loading"]').count()).toBe(0);

/** Screen only (a drawer or dialog as the person sees it), after its opening animation. */
async function screenOnly(page: Page, name: string) {
  await page.waitForTimeout(400);
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** Types a month into an antd month picker, replacing what it held. */
async function typeMonth(page: Page, testId: string, month: string) {
  await page.getByTestId(testId).click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(month);
  await page.keyboard.press('Enter');
}

interface SchemesView { latestOwnVersion: number; publishedThrough: string | null }
interface Explanation { subject: { name: string }; items: { key: string; applicable: boolean; refs: { kind: string; id: number }[] }[] }

describe('考核排名', () => {
  it('the office revises the scheme, scores and publishes a month; a department reads its rank', { timeout: 240_000 }, async () => {
    const office = await pageFor(browser, 'e2e_office', DESK);
    // The month to score: last month, unless a flow before this one already published it.
    const schemes = (await api<SchemesView>(office, 'GET', '/scoring-schemes')).body;
    const lastMonth = addMonths(chinaDate(new Date()).slice(0, 7), -1);
    const month = schemes.publishedThrough && schemes.publishedThrough >= lastMonth ? addMonths(schemes.publishedThrough, 1) : lastMonth;
    const nextVersion = schemes.latestOwnVersion + 1;

    // 考核办法: revise it. A weight raised without lowering another is refused with the total.
    await office.goto(`${baseUrl}/assessment?tab=scheme`);
    await office.getByTestId('scheme-document').waitFor();
    await settled(office);
    await screenshot(office, 'assessment-scheme');
    await office.getByTestId('scheme-revise').click();
    const editor = office.getByTestId('scheme-editor');
    await editor.getByTestId('item-weight').first().fill('40');
    await expect.poll(() => editor.getByTestId('weight-total').textContent()).toContain('分值合计 105 分（应为100分，多 5 分）');
    await editor.getByTestId('scheme-note').fill('提高投资完成情况分值至40分，关键节点降为10分');
    await typeMonth(office, 'scheme-effective-from', month);
    await editor.getByTestId('scheme-save').click();
    await expect.poll(() => editor.getByTestId('scheme-errors').textContent()).toContain('各考核项分值合计应为100分，现为105分');
    await screenOnly(office, 'assessment-scheme-editor-refused');
    await editor.locator('.ant-drawer-body').evaluate((el) => el.scrollTo(0, el.scrollHeight));
    await screenOnly(office, 'assessment-scheme-editor-rules');
    expect((await api<SchemesView>(office, 'GET', '/scoring-schemes')).body.latestOwnVersion, 'nothing was saved').toBe(nextVersion - 1);
    await editor.getByTestId('item-weight').nth(1).fill('10');
    await expect.poll(() => editor.getByTestId('weight-total').textContent()).toBe('分值合计 100 分');
    await editor.getByTestId('scheme-save').click();
    await expect.poll(() => office.locator('.ant-message').textContent()).toContain(`已保存为第${nextVersion}版`);
    await expect.poll(() => office.getByTestId('scheme-versions').textContent()).toContain('提高投资完成情况分值至40分');
    await typeMonth(office, 'scheme-month', month);
    await expect.poll(() => office.getByTestId('scheme-current').textContent()).toContain(`第${nextVersion}版`);
    expect(await office.getByTestId('scheme-items-view').locator('tbody tr.ant-table-row').first().textContent()).toContain('40');
    await settled(office);
    await screenshot(office, 'assessment-scheme-revised');

    // 月度排名: score the month under the new version.
    await office.goto(`${baseUrl}/assessment?period=${month}`);
    // The demo may have scored the month already (a draft): scoring again asks first.
    await office.getByTestId('run-line').waitFor();
    const isRescore = (await office.getByTestId('score-compute').textContent())?.includes('重新计分');
    await office.getByTestId('score-compute').click();
    if (isRescore) await office.locator('.ant-modal-confirm-btns').getByRole('button', { name: '重新计分' }).click();
    await expect.poll(() => office.getByTestId('run-line').textContent()).toContain(`第${nextVersion}版`);
    expect(await office.getByTestId('run-status').textContent()).toBe('草稿');
    const rows = office.getByTestId('ranking-table').locator('tbody tr.ant-table-row');
    await expect.poll(() => rows.count()).toBeGreaterThan(3);
    expect(await rows.first().getByTestId('ranking-rank').textContent()).toBe('1');
    expect(await rows.first().getByTestId('ranking-total').textContent()).toMatch(/^\d+\.\d$/);
    await settled(office);
    await screenshot(office, 'assessment-ranking');

    // A project with a plan whose score was counted from its monthly report: find it by name, open why.
    const ranking = (await api<{ items: { subjectId: string; name: string }[] }>(office, 'GET', `/scores?period=${month}&kind=project&pageSize=50`)).body.items;
    let target: { subjectId: string; name: string } | null = null;
    // One no other name contains, so the search finds it alone.
    for (const row of ranking.filter((r) => ranking.every((o) => o === r || !o.name.includes(r.name)))) {
      const explained = (await api<Explanation>(office, 'GET', `/scores/explain?period=${month}&kind=project&subjectId=${row.subjectId}`)).body;
      const hasPlan = explained.items.find((i) => i.key === 'investment')?.applicable;
      if (hasPlan && explained.items.some((i) => i.refs.some((r) => r.kind === 'report'))) { target = row; break; }
    }
    expect(target, 'a scored project has a report behind a figure').toBeTruthy();
    await office.getByTestId('ranking-search').fill(target!.name);
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().click();
    const drawer = office.getByTestId('explain-drawer');
    await expect.poll(() => drawer.getByTestId('explain-title').textContent()).toBe(target!.name);
    expect(await drawer.getByTestId('explain-rank').textContent()).toMatch(/第 \d+ 名 \/ 共 \d+ 个/);
    const investment = drawer.locator('[data-testid="explain-item"][data-key="investment"]');
    expect(await investment.getByTestId('explain-item-formula').textContent()).toContain('满分40分');
    expect(await drawer.getByTestId('explain-item').count()).toBe(10);
    await screenOnly(office, 'assessment-explain');
    const report = drawer.locator('[data-testid="explain-ref"][data-kind="report"]').first();
    await report.click();
    await office.waitForURL(/\/reports\/\d+$/);
    await office.goBack();
    await expect.poll(() => office.getByTestId('explain-title').textContent()).toBe(target!.name);
    await office.locator('.ant-drawer-close').click();
    await expect.poll(() => office.getByTestId('explain-drawer').count()).toBe(0);

    // Publish: the month freezes, and scoring it again is closed here and refused by the server.
    await office.getByTestId('score-publish').click();
    await office.getByTestId('publish-confirm').waitFor();
    await office.locator('.ant-modal-confirm-btns').getByRole('button', { name: '发布' }).click();
    await expect.poll(() => office.getByTestId('run-status').textContent()).toBe('已发布');
    expect(await office.getByTestId('score-compute').isDisabled()).toBe(true);
    expect(await office.getByTestId('score-publish').count()).toBe(0);
    const again = await api<{ error: { message: string } }>(office, 'POST', '/scores/compute', { period: month });
    expect(again.status).toBe(422);
    expect(again.body.error.message).toBe(`${Number(month.slice(0, 4))}年${Number(month.slice(5))}月考核结果已发布，不能重新计分`);
    await office.getByTestId('ranking-kind-department').click();
    await expect.poll(() => rows.count()).toBeGreaterThan(0);
    await settled(office);
    await screenshot(office, 'assessment-ranking-published');

    // 年度考核: the published month counts; a 奖惩 record for a department.
    await office.goto(`${baseUrl}/assessment?tab=year&year=${month.slice(0, 4)}&kind=department`);
    await expect.poll(() => office.getByTestId('year-table').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    await office.getByTestId('award-add').click();
    await office.getByTestId('award-subject-kind').click();
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '责任单位' }).click();
    await office.getByTestId('award-subject').click();
    await office.keyboard.type('发展和改革');
    await office.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '发展和改革' }).first().click();
    await office.getByTestId('award-title').fill('评为年度重点项目建设先进单位');
    await office.getByTestId('award-doc-no').fill('示重项办〔2026〕8号');
    await office.getByTestId('award-date').click();
    await office.keyboard.type(`${month}-28`);
    await office.keyboard.press('Enter');
    await office.getByTestId('award-save').click();
    await expect.poll(() => office.getByTestId('award-table').textContent()).toContain('评为年度重点项目建设先进单位');
    await settled(office);
    await screenshot(office, 'assessment-year');

    // The department, on a phone: its own rank above the ranking, and why.
    const phone = await pageFor(browser, 'demo_dept', PHONE);
    await phone.goto(`${baseUrl}/assessment?period=${month}`);
    await expect.poll(() => phone.getByTestId('ranking-card').count()).toBeGreaterThan(0);
    await expect.poll(() => phone.getByTestId('own-rank').textContent()).toMatch(/本单位（.+）.+在责任单位中排第 \d+ 名（共 \d+ 个）/);
    expect(await phone.getByTestId('score-compute').count(), 'a department does not score').toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await settled(phone);
    await screenOnly(phone, 'assessment-phone');
    await phone.getByTestId('own-rank-explain').click();
    const own = phone.getByTestId('explain-drawer');
    await expect.poll(() => own.getByTestId('explain-projects').locator('tbody tr.ant-table-row').count()).toBeGreaterThan(0);
    const drawerWidth = async () => Math.round((await phone.locator('.ant-drawer-content-wrapper').boundingBox())?.width ?? 0);
    await expect.poll(drawerWidth, { message: 'the explanation fills the phone' }).toBe(PHONE.width);
    await screenOnly(phone, 'assessment-explain-phone');
    // From the department's mean to one of its projects.
    const projectName = (await own.getByTestId('explain-project').first().textContent())!;
    await own.getByTestId('explain-project').first().click();
    await expect.poll(() => phone.getByTestId('explain-title').textContent()).toBe(projectName);
    await screenOnly(phone, 'assessment-explain-project-phone');

    // The year on a phone: each unit a card with its average and grade; the 奖惩 the office recorded.
    await phone.goto(`${baseUrl}/assessment?tab=year&year=${month.slice(0, 4)}&kind=department`);
    await expect.poll(() => phone.getByTestId('year-card').count()).toBeGreaterThan(0);
    await expect.poll(() => phone.getByTestId('award-card').first().textContent()).toContain('评为年度重点项目建设先进单位');
    expect(await phone.getByTestId('award-add').count(), 'only the office records 奖惩').toBe(0);
    expect(await phone.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await settled(phone);
    await screenOnly(phone, 'assessment-year-phone');
  });
});
