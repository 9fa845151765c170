import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DESK, expectPhoneFit, getJson, launch, pageFor, PHONE, readDocxFile, screenshot, SCREENSHOTS } from './browser';

// 账面地面相结合 as an inspector lives it: the office plans an inspection at its desk; on site,
// on a phone, the inspector opens the project, sees what the books say (a key node recorded as
// met), finds it is not, and watches the comparison turn red and say 账面超前; rates the
// project, raises a rectification demand, saves, adds a photo. The office finishes the
// inspection and downloads its report (.docx), which says the same.

const baseUrl = inject('baseUrl');
const MEDIA = join(import.meta.dirname, '../packages/server/src/test/media');
const NODE = '主体结构封顶';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const headers = { 'X-Requested-With': 'tuijin' };
interface LedgerRow { id: number; name: string; responsibleOrgName: string | null }

/**
 * A project under construction, away from the department and company other flows use, whose
 * ledger records a key node as met (主体结构封顶, a month ago): the books' claim to be checked.
 */
async function projectWithClaim(office: Page): Promise<LedgerRow> {
  const { items } = await getJson<{ items: LedgerRow[] }>(office, '/projects?stage=under_construction&pageSize=100&sort=name&order=asc');
  // (A name no other project's name contains: the flow picks options and cards by their text.)
  const { items: all } = await getJson<{ items: LedgerRow[] }>(office, '/projects?pageSize=200');
  const project = items.find((p) => p.responsibleOrgName && p.responsibleOrgName !== '县发展和改革局' && !all.some((o) => o.id !== p.id && o.name.includes(p.name)));
  if (!project) throw new Error('the demo has no project under construction for this flow');
  const monthAgo = new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);
  const res = await office.request.post(`${baseUrl}/api/v1/projects/${project.id}/nodes`, { headers, data: { kind: 'other', name: NODE, plannedDate: monthAgo, actualDate: monthAgo } });
  expect(res.status(), await res.text()).toBeLessThan(300);
  return project;
}

describe('an inspector on a phone checks the books against the site', () => {
  it('records a finding that contradicts the books, raises a demand, and the office gets the report', { timeout: 180_000 }, async () => {
    const desk = await pageFor(browser, 'demo_office', DESK);
    const project = await projectWithClaim(desk);

    // The office plans the inspection at its desk.
    await desk.goto(`${baseUrl}/inspections`);
    await desk.getByTestId('inspection-list-page').waitFor();
    await desk.getByTestId('inspection-new').click();
    const title = '2026年重点项目联合督导检查（第五次）';
    await desk.getByTestId('plan-title').fill(title);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    await desk.getByTestId('plan-date').fill(today);
    await desk.getByTestId('plan-date').press('Enter');
    await desk.getByTestId('plan-team').locator('input').fill('县发改局 王五');
    await desk.getByTestId('plan-team').locator('input').press('Enter');
    await desk.getByTestId('plan-projects').click();
    await desk.getByTestId('plan-projects').locator('input').fill(project.name);
    await desk.locator('.ant-select-item-option').filter({ hasText: project.name }).first().click();
    await desk.keyboard.press('Escape');
    await desk.getByTestId('inspection-plan-save').click();
    await desk.waitForURL(/\/inspections\/\d+$/);
    const inspectionId = Number(new URL(desk.url()).pathname.split('/').pop());
    await desk.getByTestId('inspection-page').waitFor();
    expect(await desk.getByTestId('inspection-projects').textContent()).toContain(project.name);
    await screenshot(desk, 'inspection-plan-desk');

    // On site: the inspector's phone lists the inspection; the project opens on what the books say.
    const phone = await pageFor(browser, 'demo_inspector', PHONE);
    await phone.goto(`${baseUrl}/inspections`);
    await phone.getByTestId('inspection-card').filter({ hasText: title }).click();
    await phone.getByTestId('inspection-project-card').filter({ hasText: project.name }).click();
    await phone.waitForURL(`${baseUrl}/inspections/${inspectionId}/projects/${project.id}`);
    await phone.getByTestId('finding-form').waitFor();
    expect(await phone.getByTestId('finding-books').textContent()).toContain(`${NODE}（已完成`);
    await expectPhoneFit(phone);
    await screenshot(phone, 'inspection-phone-books');

    // Everything agrees until the inspector says otherwise: the node is ticked as the books have it.
    const nodeBox = phone.getByTestId('finding-nodes').locator('label').filter({ hasText: NODE });
    expect(await nodeBox.locator('input').isChecked()).toBe(true);
    expect(await phone.getByTestId('books-ahead').count()).toBe(0);
    const nodeRow = phone.getByTestId('comparison-row').filter({ hasText: `节点：${NODE}` });
    expect(await nodeRow.getAttribute('data-differs')).toBe('false');

    // The site shows otherwise: the roof is not on. Unticking turns the row red at once.
    await phone.getByTestId('finding-progress').fill('主体结构施工至四层，顶层模板尚未支设，未封顶');
    await nodeBox.click();
    await expect.poll(() => nodeRow.getAttribute('data-direction')).toBe('books_ahead');
    expect(await nodeRow.textContent()).toContain('账面已完成，现场未完成');
    const red = await nodeRow.locator('.cmp-site').evaluate((el) => getComputedStyle(el).color);
    expect(red).toBe('rgb(207, 19, 34)');
    await phone.getByTestId('finding-verdict').getByText('现场落后于月报').click();
    await phone.getByTestId('books-ahead').waitFor();
    expect(await phone.getByTestId('books-ahead').textContent()).toContain(`节点：${NODE}`);
    await phone.getByTestId('finding-section-comparison').scrollIntoViewIfNeeded();
    // The sticky save bar would sit across the middle of a shot taller than the screen.
    await phone.evaluate(() => document.querySelector<HTMLElement>('.report-action-bar')!.style.setProperty('display', 'none'));
    await phone.getByTestId('finding-section-comparison').screenshot({ path: join(SCREENSHOTS, 'inspection-phone-comparison.png') });
    await phone.evaluate(() => document.querySelector<HTMLElement>('.report-action-bar')!.style.removeProperty('display'));

    // Rated 差, with a demand handed on as an obstacle, then saved.
    await phone.getByTestId('finding-rating').getByText('差', { exact: true }).click();
    await phone.getByTestId('demand-add').click();
    await phone.getByTestId('demand-description').fill('如实填报形象进度和节点完成情况，更正月报');
    await phone.getByTestId('finding-note').fill('现场施工人员约 30 人，塔吊 1 台运转');
    const save = await phone.getByTestId('finding-save').boundingBox();
    expect(save!.height).toBeGreaterThanOrEqual(40);
    await phone.getByTestId('finding-save').click();
    await phone.locator('[data-testid="finding-page"][data-recorded="true"]').waitFor();
    await phone.getByTestId('demand-raised').waitFor();
    expect(await phone.getByTestId('demand-raised').textContent()).toContain('办理中');
    expect(await phone.getByTestId('finding-header').textContent()).toContain('账面超前');

    // A photo goes up through the report's pipeline and is checked against the visit day.
    await phone.getByTestId('finding-media-input').setInputFiles([join(MEDIA, 'DSCN0010.jpg')]);
    await expect.poll(() => phone.getByTestId('media-tile').count(), { timeout: 30_000 }).toBe(1);
    expect(await phone.getByTestId('media-grid').getByTestId('media-check-badge').getAttribute('data-status')).toBe('failed');
    await expectPhoneFit(phone);
    await phone.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await screenshot(phone, 'inspection-phone-saved');

    // The demand is an obstacle of the project's department, raised from this inspection.
    const finding = (await getJson<{ finding: { id: number; booksAhead: boolean; demands: { obstacleId: number }[] } }>(desk, `/inspections/${inspectionId}/projects/${project.id}`)).finding;
    expect(finding.booksAhead).toBe(true);
    expect(finding.demands[0]!.obstacleId).toBeGreaterThan(0);

    // The office sees 账面超前 on the plan, finishes the inspection and downloads its report.
    await desk.reload();
    await desk.getByTestId('inspection-ahead-count').waitFor();
    await desk.getByTestId('inspection-finish').click();
    await desk.getByRole('dialog').getByRole('button', { name: '完成检查' }).click();
    await desk.locator('[data-testid="inspection-page"][data-status="finished"]').waitFor();
    await desk.locator('.ant-modal-confirm').waitFor({ state: 'hidden' });
    await screenshot(desk, 'inspection-finished-desk');
    const [download] = await Promise.all([desk.waitForEvent('download'), desk.getByTestId('inspection-docx').click()]);
    const file = join(SCREENSHOTS, 'inspection-report.docx');
    await download.saveAs(file);
    const { xml, allText: text } = await readDocxFile(file);
    expect(text).toContain(`${title}情况报告`);
    expect(text).toContain(`发现账面超前（月报或台账所报进度超过现场实际）的项目 1 个：${project.name}`);
    expect(text).toContain(`节点：${NODE}`);
    expect(text).toContain('如实填报形象进度和节点完成情况，更正月报');
    expect(xml).toContain('w:fill="FDE9E7"');
  });
});
